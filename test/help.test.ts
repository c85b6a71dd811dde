// /help answers what the seed help article answers (SPEC 3.8), for this product: each question in
// its own section reached from the table of contents, links that lead to real pages, and
// instructions that name the buttons the pages really show. It is plain HTML: nothing needs
// JavaScript.
import { describe, expect, it } from "vitest";
import { en } from "./i18n-source";
import { englishLeftIn } from "./i18n-helpers";
import { Browser, browserAs, confirmChild, districtWithSiblings, freshEmail, GoogleBrowser, insertParent, inviteTo, parentOf, setInvitation } from "./world";

/** The questions of the seed article's FAQ, and the guide's topics, each with how /help's heading for it reads. */
const SEED_QUESTIONS: [seed: string, heading: RegExp][] = [
  ["Setting up your Family Portal account", /set up my account/],
  ["I forgot my password! How can I access my Family Portal account?", /forgot my password/],
  ["If I have multiple children, how do I connect to them all?", /more than one child/],
  ["I do not see all of my children when I log in. Who should I reach out to?", /don't see all of my children/],
  ["Can a child be connected to multiple parents/guardians?", /two parents or guardians/],
  ["My invitation expired! Can I receive an updated invite?", /invitation expired/],
  ["Is there a way for my family account to be associated with a different email address?", /change the email address/],
  ["Is there a way to update my name?", /change my name/],
  ["What do I do if I am not connected to the correct students?", /not my child/],
  ["Instant Login", /Instant Login/],
  ["Clever Badge", /Badge/],
  ["District added links", /links on my home page/],
  ["Clever ideas", /Ideas tab/],
  ["Messages", /messages with teachers/],
];

/** The same questions as /help asks them in Spanish. */
const SEED_QUESTIONS_ES: [seed: string, heading: RegExp][] = [
  ["Setting up your Family Portal account", /creo mi cuenta/],
  ["I forgot my password! How can I access my Family Portal account?", /Olvidé mi contraseña/],
  ["If I have multiple children, how do I connect to them all?", /más de un hijo/],
  ["I do not see all of my children when I log in. Who should I reach out to?", /No veo a todos mis hijos/],
  ["Can a child be connected to multiple parents/guardians?", /Dos padres o tutores/],
  ["My invitation expired! Can I receive an updated invite?", /invitación venció/],
  ["Is there a way for my family account to be associated with a different email address?", /cambiar la dirección de correo/],
  ["Is there a way to update my name?", /cambio mi nombre/],
  ["What do I do if I am not connected to the correct students?", /no es mi hijo/],
  ["Instant Login", /Inicio de sesión instantáneo/],
  ["Clever Badge", /Credencial/],
  ["District added links", /enlaces de mi página de inicio/],
  ["Clever ideas", /pestaña Ideas/],
  ["Messages", /mensajes con los maestros/],
];

interface Section {
  id: string;
  heading: string;
  answer: string;
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();

/** The page's question sections, in page order. */
function sections(html: string): Section[] {
  return [...html.matchAll(/<section id="([^"]+)"[^>]*>\s*<h2[^>]*>([\s\S]*?)<\/h2>([\s\S]*?)<\/section>/g)].map((m) => ({ id: m[1]!, heading: text(m[2]!), answer: text(m[3]!) }));
}

/** Every text of a catalog section, however nested. */
const helpTexts = (node: unknown): string[] => (typeof node === "string" ? [node] : node && typeof node === "object" ? Object.values(node).flatMap(helpTexts) : []);

async function helpPage(b = new Browser(), headers: Record<string, string> = {}): Promise<string> {
  const res = await b.request("/help", { method: "GET", follow: false, headers: { "sec-fetch-site": "none", ...headers } });
  expect(res.status).toBe(200);
  return res.text();
}

describe("GET /help", () => {
  it("answers every question of the seed article, each in its own section with a real answer", async () => {
    const found = sections(await helpPage());
    for (const [seed, heading] of SEED_QUESTIONS) {
      const matching = found.filter((s) => heading.test(s.heading));
      expect(matching.map((s) => s.heading), seed).toHaveLength(1);
      expect(matching[0]!.answer.length, seed).toBeGreaterThan(80);
    }
  });

  it("answers the same questions in Spanish, section for section, with no English left", async () => {
    const english = sections(await helpPage());
    const html = await helpPage(new Browser(), { "accept-language": "es-MX" });
    expect(html).toMatch(/<html lang="es" dir="ltr">/);
    const found = sections(html);
    expect(found.map((s) => s.id)).toEqual(english.map((s) => s.id));
    for (const [seed, heading] of SEED_QUESTIONS_ES) {
      const matching = found.filter((s) => heading.test(s.heading));
      expect(matching.map((s) => s.heading), seed).toHaveLength(1);
      expect(matching[0]!.answer.length, seed).toBeGreaterThan(80);
    }
    const page = text(html);
    expect(englishLeftIn(page)).toEqual([]);
    // The answers' English, markup or not: no run of three words or more is on the Spanish page.
    const english3 = helpTexts(en.help).flatMap((t) => t.split(/\*\*|\[|\]\([^)]*\)/)).map((run) => run.trim()).filter((run) => run.split(/\s+/).length >= 3);
    expect(english3.length).toBeGreaterThan(50);
    expect(english3.filter((run) => page.includes(run))).toEqual([]);
    // Same anchors, same links.
    const links = (h: string) => [...h.matchAll(/<a href="(\/[^"]*)"/g)].map((m) => m[1]).filter((p) => p !== "/");
    expect(links(html.slice(html.indexOf("<main")))).toEqual(links((await helpPage()).replace(/^[\s\S]*?<main/, "<main")));
  });

  it("has a table of contents whose every link lands on one section, in page order, and no section left out", async () => {
    const html = await helpPage();
    const toc = html.match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0] ?? "";
    const links = [...toc.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({ id: m[1]!, label: text(m[2]!) }));
    const found = sections(html);
    expect(found.length).toBeGreaterThanOrEqual(SEED_QUESTIONS.length);
    expect(links.map((l) => l.id)).toEqual(found.map((s) => s.id));
    // Each link says what its section asks, and its anchor names exactly one element of the page.
    for (const [i, link] of links.entries()) {
      expect(link.label).toBe(found[i]!.heading);
      expect(html.split(`id="${link.id}"`)).toHaveLength(2);
    }
  });

  it("links only to pages that exist, for a visitor and for a signed-in parent", async () => {
    const html = await helpPage();
    const paths = [...new Set([...html.matchAll(/<a [^>]*href="([^"#][^"]*)"/g)].map((m) => m[1]!))];
    // Parents are sent to the Badge page's address, /badges, by name.
    expect(text(html)).toContain("/badges");
    paths.push("/badges");
    expect(paths).toEqual(expect.arrayContaining(["/forgot-password", "/account", "/ideas"]));
    const f = await districtWithSiblings();
    const parent = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id])).id);
    for (const path of paths) {
      expect(path, "links stay on this site").toMatch(/^\/(?!\/)/);
      for (const [who, b] of [["visitor", new Browser()], ["parent", parent]] as const) {
        const res = await b.get(path, { follow: false });
        await res.arrayBuffer();
        expect(res.status, `${who} ${path}`).toBeGreaterThanOrEqual(200);
        expect(res.status, `${who} ${path}`).toBeLessThan(400);
      }
    }
  });

  it("names the buttons and headings the pages really show", async () => {
    const help = text(await helpPage());
    const f = await districtWithSiblings();
    const shown = async (b: Browser, path: string) => {
      const res = await b.get(path);
      expect(res.status, path).toBe(200);
      return res.text();
    };
    // A button with this label (and maybe words for screen readers only after it).
    const button = (html: string, label: string) => expect(html, label).toMatch(new RegExp(`<button[^>]*>\\s*${label}(\\s*</button>|<span class="vh">)`));

    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const invitation = await shown(new Browser(), `/i/${inv.token}`);
    for (const label of ["Yes, this is my child", "This is not my child"]) button(invitation, label);

    const expired = await inviteTo(f.district, f.leo.sisId, freshEmail());
    await setInvitation(expired.id, { expires_at: Date.now() - 1000 });
    const expiredPage = (await new Browser().get(`/i/${expired.token}`)).text();
    button(await expiredPage, "Send me a fresh invitation");

    const joining = new GoogleBrowser();
    await confirmChild(joining, (await inviteTo(f.district, f.ethan.sisId, freshEmail())).token);
    const join = await shown(joining, "/join");
    expect(text(join)).toContain("Continue with Google");
    button(join, "Continue with email");

    const signIn = text(await shown(new GoogleBrowser(), "/sign-in"));
    for (const label of ["Forgot your password?", "Continue with Google"]) expect(signIn, label).toContain(label);

    const parent = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id])).id);
    button(await shown(parent, "/"), "Instant Login");
    const account = await shown(parent, "/account");
    button(account, "Save name");
    expect(text(account)).toContain("When a teacher writes");
    expect(text(await shown(parent, "/ideas"))).toContain("Suggest an idea");

    for (const label of ["Yes, this is my child", "This is not my child", "Send me a fresh invitation", "Continue with Google", "Continue with email", "Forgot your password?", "Instant Login", "Account settings", "Save name", "When a teacher writes", "Suggest an idea"]) {
      expect(help, label).toContain(label);
    }
  });

  it("needs no JavaScript: every answer is in the page as sent, nothing hidden or loaded later", async () => {
    const html = await helpPage();
    const main = html.match(/<article class="help">[\s\S]*<\/article>/)?.[0] ?? "";
    expect(main).not.toBe("");
    expect(main).not.toMatch(/<script|\shidden\b|aria-hidden="true"|\shx-(get|post|trigger)=|<template/);
    for (const s of sections(html)) expect(s.answer.length, s.id).toBeGreaterThan(0);
  });

  it("is linked from the navigation, signed out and signed in, and has no form fields to label", async () => {
    const anon = await helpPage();
    expect(anon).toContain('<a href="/help">Help</a>');
    expect(anon).not.toMatch(/<(input|select|textarea)\b(?![^>]*type="hidden")/);

    const reader = await insertParent({ name: "Help Reader" });
    const html = await helpPage(await browserAs("parent", reader.id));
    expect(html).toContain("Help Reader");
    expect(html).toContain('<a href="/help">Help</a>');
  });

  it("fits a small phone: no wide tables, pre blocks or fixed widths in the page", async () => {
    const html = await helpPage();
    expect(html).not.toMatch(/<table|<pre|\sstyle=|\swidth=/);
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
  });
});
