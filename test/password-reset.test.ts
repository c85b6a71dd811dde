import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { authTokens } from "../src/db/schema";
import { validateSessionToken } from "../src/auth/sessions";
import { hashPassword, verifyPassword } from "../src/auth/password";
import { completePasswordReset, findResetToken } from "../src/accounts/password-reset";
import { hashToken, newId } from "../src/lib/random";
import { Browser, browserAs, countRows, insertParent, lastMailTo, ORIGIN, pageText, requestResetLink, userRow } from "./world";

const db = () => getDb(env.DB);

describe("forgot password: asking for a link", () => {
  it("shows a labelled email form", async () => {
    const res = await new Browser().get("/forgot-password");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="f-email">Email address</label>');
    expect(html).toContain('action="/forgot-password"');
    expect(html).toContain('name="_csrf"');
  });

  it("gives the same answer and page for a known and an unknown address", async () => {
    const parent = await insertParent();
    const unknown = `nobody-${newId("x")}@example.com`;
    const answers = [];
    for (const email of [parent.email, unknown]) {
      const b = new Browser();
      await b.get("/forgot-password");
      const first = await b.post("/forgot-password", { email }, { follow: false });
      const page = await b.get(first.headers.get("location")!);
      answers.push({ status: first.status, location: first.headers.get("location"), page: await pageText(page) });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.status).toBe(303);
    expect(answers[0]!.page).toContain("If an account uses that address, we've sent a link");
    // Only the real account got an email and a token.
    expect(await countRows("outbox", "to_address = ?", unknown)).toBe(0);
    expect(await countRows("outbox", "to_address = ? AND kind = 'password_reset'", parent.email)).toBe(1);
    expect(await countRows("auth_tokens", "subject_id = ? AND purpose = 'reset_password' AND used_at IS NULL", parent.id)).toBe(1);
  });

  it("mails a single-use link for one hour, stored only as a hash, with the same link in the HTML body", async () => {
    const parent = await insertParent();
    const before = Date.now();
    const token = await requestResetLink(`  ${parent.email.toUpperCase()} `); // trimmed, case-insensitive
    const row = await db().select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token))).get();
    expect(row?.purpose).toBe("reset_password");
    expect(row?.subjectId).toBe(parent.id);
    expect(row!.expiresAt - before).toBeGreaterThanOrEqual(3_600_000 - 5_000);
    expect(row!.expiresAt - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(await countRows("auth_tokens", "token_hash = ?", token)).toBe(0);
    const mail = await lastMailTo(parent.email);
    expect(mail?.subject).toBe("Reset your Family Portal password");
    expect(mail?.body_text).toContain(`${ORIGIN}/reset-password/${token}`);
    expect(mail?.body_html).toContain(`href="${ORIGIN}/reset-password/${token}"`);
  });

  it("tells a Google-only account how to sign in instead of sending a reset link", async () => {
    const parent = await insertParent({ password: null, googleSub: `g-${newId("s")}` });
    const b = new Browser();
    const res = await b.post("/forgot-password", { email: parent.email });
    expect(await pageText(res)).toContain("If an account uses that address, we've sent a link");
    const mail = await lastMailTo(parent.email);
    expect(mail?.kind).toBe("password_reset_google");
    expect(mail?.body_text).toContain("Continue with Google");
    expect(await countRows("auth_tokens", "subject_id = ?", parent.id)).toBe(0);
  });

  it("refuses a missing, malformed or over-long address with 422 and writes nothing", async () => {
    const outbox = await countRows("outbox");
    const tokens = await countRows("auth_tokens");
    const cases: Record<string, string>[] = [{}, { email: "" }, { email: "not-an-address" }, { email: `${"a".repeat(250)}@example.com` }, { email: "a@example.com", extra: "1" }];
    for (const fields of cases) {
      const res = await new Browser().post("/forgot-password", fields);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await pageText(res)).toMatch(/Enter your email address|Enter an email address like|too long|fields we don't know/);
    }
    expect(await countRows("outbox")).toBe(outbox);
    expect(await countRows("auth_tokens")).toBe(tokens);
  });

  it("sends at most three links an hour per address, with the same neutral answer after that", async () => {
    const parent = await insertParent();
    const unknown = `limit-${newId("x")}@example.com`;
    for (const email of [parent.email, unknown]) {
      for (let i = 0; i < 5; i++) {
        const res = await new Browser().post("/forgot-password", { email }, { follow: false });
        expect(res.status).toBe(303);
        expect(res.headers.get("location")).toBe("/forgot-password?sent=1");
      }
    }
    expect(await countRows("outbox", "to_address = ?", parent.email)).toBe(3);
    expect(await countRows("auth_tokens", "subject_id = ?", parent.id)).toBe(3);
    expect(await countRows("outbox", "to_address = ?", unknown)).toBe(0);
  });
});

// Argon2id takes about 0.35 s a hash, more when test files run side by side.
describe("reset link: choosing a new password", () => {
  it("opening the link shows the form and changes nothing", async () => {
    const parent = await insertParent();
    const { session } = await browserAs("parent", parent.id);
    const token = await requestResetLink(parent.email);
    const before = await userRow(parent.id);
    for (let i = 0; i < 2; i++) {
      const res = await new Browser().get(`/reset-password/${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const text = await pageText(res);
      expect(text).toContain("Choose a new password");
      expect(text).toContain(parent.email);
    }
    expect(await countRows("auth_tokens", "token_hash = ? AND used_at IS NULL", hashToken(token))).toBe(1);
    expect(await userRow(parent.id)).toEqual(before);
    expect(await validateSessionToken(db(), session)).not.toBeNull();
  });

  it("sets the password, ends every session, confirms the email and signs in afresh on this device", async () => {
    const parent = await insertParent({ verified: false });
    const phone = await browserAs("parent", parent.id, "phone");
    const phoneToken = phone.session;
    const laptop = await browserAs("parent", parent.id, "laptop");
    const laptopToken = laptop.session;
    const token = await requestResetLink(parent.email);
    const spare = await requestResetLink(parent.email);

    const b = laptop;
    await b.get(`/reset-password/${token}`);
    const res = await b.post(`/reset-password/${token}`, { password: "a brand new passphrase" }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account?done=password-reset");

    const user = await userRow(parent.id);
    expect(verifyPassword("a brand new passphrase", user!.passwordHash!)).toBe(true);
    expect(verifyPassword(parent.password!, user!.passwordHash!)).toBe(false);
    expect(user!.emailVerifiedAt).not.toBeNull();
    // Every old session is over, including this device's; a new one replaced it.
    expect(await validateSessionToken(db(), phoneToken)).toBeNull();
    expect(await validateSessionToken(db(), laptopToken)).toBeNull();
    expect(b.session).toBeTruthy();
    expect(b.session).not.toBe(laptopToken);
    expect(await countRows("sessions", "kind = 'parent' AND subject_id = ?", parent.id)).toBe(1);
    const home = await b.get("/account?done=password-reset");
    expect(home.status).toBe(200);
    expect(await pageText(home)).toContain("Your new password is saved and you're signed in on this device");
    // The other link sent earlier died with it.
    expect((await new Browser().get(`/reset-password/${spare}`)).status).toBe(410);
  });

  it("works once: a used link shows a clear page with a way to ask again, and changes nothing", async () => {
    const parent = await insertParent();
    const token = await requestResetLink(parent.email);
    expect((await new Browser().post(`/reset-password/${token}`, { password: "first new passphrase" }, { follow: false })).status).toBe(303);
    const after = await userRow(parent.id);
    const again = await new Browser().post(`/reset-password/${token}`, { password: "second new passphrase" }, { follow: false });
    expect(again.status).toBe(410);
    const text = await pageText(again);
    expect(text).toContain("This link was already used");
    expect(text).toContain("Send me a new link");
    expect(await userRow(parent.id)).toEqual(after);
    expect((await new Browser().get(`/reset-password/${token}`)).status).toBe(410);
  });

  it("expires after an hour", async () => {
    const parent = await insertParent();
    const { session } = await browserAs("parent", parent.id);
    const token = await requestResetLink(parent.email);
    await env.DB.prepare("UPDATE auth_tokens SET expires_at = ? WHERE token_hash = ?").bind(Date.now() - 1, hashToken(token)).run();
    const before = await userRow(parent.id);
    const get = await new Browser().get(`/reset-password/${token}`);
    expect(get.status).toBe(410);
    expect(await pageText(get)).toContain("This link has expired");
    const post = await new Browser().post(`/reset-password/${token}`, { password: "late new passphrase" }, { follow: false });
    expect(post.status).toBe(410);
    expect(await userRow(parent.id)).toEqual(before);
    expect(await validateSessionToken(db(), session)).not.toBeNull();
    expect(await countRows("auth_tokens", "token_hash = ? AND used_at IS NULL", hashToken(token))).toBe(1);
  });

  it("says an unknown or malformed link doesn't work (404)", async () => {
    for (const path of ["/reset-password/" + "a".repeat(32), "/reset-password/nope", "/reset-password/" + "x".repeat(300)]) {
      const res = await new Browser().get(path);
      expect(res.status, path).toBe(404);
      expect(await pageText(res)).toContain("This link doesn't work");
    }
    const res = await new Browser().post("/reset-password/" + "b".repeat(32), { password: "whatever new passphrase" });
    expect(res.status).toBe(404);
  });

  it("checks the new password with the policy (422, link still usable)", async () => {
    const parent = await insertParent();
    const token = await requestResetLink(parent.email);
    const before = await userRow(parent.id);
    const cases: [Record<string, string>, string][] = [
      [{ password: "short" }, "at least 8 characters"],
      [{ password: "password1" }, "most common"],
      [{ password: parent.email }, "email address"],
      [{ password: "x".repeat(129) + "y" }, "at most 128"],
      [{}, "Choose a new password"],
    ];
    for (const [fields, message] of cases) {
      const res = await new Browser().post(`/reset-password/${token}`, fields);
      expect(res.status).toBe(422);
      expect(await pageText(res)).toContain(message);
    }
    expect(await userRow(parent.id)).toEqual(before);
    expect(await countRows("auth_tokens", "token_hash = ? AND used_at IS NULL", hashToken(token))).toBe(1);
  });

  it("consumes a link once even when two requests race", async () => {
    const parent = await insertParent();
    const token = await requestResetLink(parent.email);
    const found = await findResetToken(db(), token);
    if (!found.ok) throw new Error("token should be usable");
    const [a, b] = await Promise.all([
      completePasswordReset(db(), found.tokenId, parent.id, hashPassword("racer one passphrase")),
      completePasswordReset(db(), found.tokenId, parent.id, hashPassword("racer two passphrase")),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const user = await userRow(parent.id);
    expect(verifyPassword(a ? "racer one passphrase" : "racer two passphrase", user!.passwordHash!)).toBe(true);

    // Through the pages too: one 303, one 410.
    const other = await insertParent();
    const t2 = await requestResetLink(other.email);
    const answers = await Promise.all([
      new Browser().post(`/reset-password/${t2}`, { password: "page racer one" }, { follow: false }),
      new Browser().post(`/reset-password/${t2}`, { password: "page racer two" }, { follow: false }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 410]);
  });
});
