import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { createSession } from "../src/auth/sessions";
import { HELP_QUESTIONS } from "../views/pages/help";
import { Browser, pageText } from "./world";

/** The FAQ of SPEC 3.8 and the seed, each under its own heading and anchor. */
const EXPECTED = [
  ["setting-up", /set up my account/],
  ["several-children", /more than one child/],
  ["missing-child", /don't see all of my children/],
  ["several-guardians", /two parents or guardians/],
  ["expired-invitation", /invitation expired/],
  ["change-email", /change the email address/],
  ["change-name", /change my name/],
  ["wrong-child", /not my child/],
  ["forgot-password", /forgot my password/],
  ["instant-login", /Instant Login/],
  ["badges", /Badge/],
  ["district-links", /links on my home page/],
  ["ideas", /Ideas tab/],
  ["messages", /messages with teachers/],
] as const;

describe("GET /help", () => {
  it("is public, answers every FAQ under its own heading, and lists them in a table of contents", async () => {
    const res = await new Browser().get("/help", { follow: false });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Help</h1>");
    expect(HELP_QUESTIONS.map((q) => q.id)).toEqual(EXPECTED.map(([id]) => id));
    for (const [id, heading] of EXPECTED) {
      const h2 = new RegExp(`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">([^<]+)</h2>`).exec(html);
      expect(h2?.[1]?.replace(/&#39;/g, "'"), id).toMatch(heading);
      expect(html, id).toContain(`<a href="#${id}">`);
    }
  });

  it("says what a parent needs to know, in the product's words", async () => {
    const text = await pageText(await new Browser().get("/help"));
    for (const phrase of [
      "your own personal email address",
      "not your child's school email address",
      "Continue with Google",
      "one invitation for each child",
      "Send me a fresh invitation",
      "cannot be changed",
      "send a new invitation for each child to that address",
      "Account settings",
      "This is not my child",
      "Forgot your password?",
      "signs you out",
      "/badges",
      "Not every student has a Badge: the school district decides",
      "appears once a teacher has written to you",
      "no photos, videos or attachments",
      "unread for three hours",
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    const html = await (await new Browser().get("/help")).text();
    expect(html).toContain('href="/forgot-password"');
    expect(html).toContain('href="/account"');
    expect(html).toContain('href="/ideas"');
  });

  it("is linked from the navigation, signed out and signed in, and has no form fields to label", async () => {
    const anon = await (await new Browser().get("/help")).text();
    expect(anon).toContain('<a href="/help">Help</a>');
    expect(anon).not.toMatch(/<(input|select|textarea)\b(?![^>]*type="hidden")/);

    const t = Date.now();
    const userId = `usr_help_${t.toString(36)}`;
    await env.DB.prepare("INSERT INTO users (id, email, email_verified_at, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(userId, `${userId}@family.example`, t, "Help Reader", t, t)
      .run();
    const b = new Browser();
    b.cookies.set("fp_session", (await createSession(getDb(env.DB), "parent", userId)).token);
    const res = await b.get("/help", { follow: false });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Help Reader");
    expect(html).toContain('<a href="/help">Help</a>');
  });

  it("fits a small phone: no wide tables, pre blocks or fixed widths in the page", async () => {
    const html = await (await new Browser().get("/help")).text();
    expect(html).not.toMatch(/<table|<pre|\sstyle=|\swidth=/);
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
  });
});
