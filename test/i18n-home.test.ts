// The parent's home, Instant Login, badges (the parent's pages and the child's /badges), the
// student portal, Ideas and Help in Spanish: a browser asking for Spanish gets <html lang="es"> and
// none of the English catalog's phrases (englishLeftIn), nor the English of the texts that take
// values (checked by calling the English catalog with the page's values).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { GLYPHS } from "../src/badges/font";
import { COMPILED, en, es } from "./i18n-source";
import { api, ADMIN_TOKEN, BADGE_SECRET, badgeWorld, Browser, browserAs, decodeGrayPng, districtWithSiblings, downloadBadge, liveBadgeRow, parentOf, readBadgePng, studentDevice } from "./world";
import { englishLeftIn } from "./i18n-helpers";
import { badgePin } from "../src/badges/token";

const ES = { "accept-language": "es-MX,es;q=0.9" };

/** The page's visible text: tags and scripts removed, entities that matter decoded, white space folded. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

/** The attributes people see or hear: titles, labels, placeholders, alt texts. */
const spokenAttributes = (html: string) => [...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]!).join(" · ");

/** GET in Spanish (no redirects followed). */
async function getEs(b: Browser, path: string, init: { headers?: Record<string, string> } = {}): Promise<Response> {
  return b.request(path, { method: "GET", follow: false, headers: { "sec-fetch-site": "none", ...ES, ...init.headers } });
}

/** The page is Spanish: <html lang="es">, no English catalog phrase in its text or spoken attributes, nor any of `english`. */
async function expectSpanish(res: Response, status: number, english: string[] = []): Promise<string> {
  expect(res.status).toBe(status);
  const html = await res.text();
  expect(html).toMatch(/<html lang="es" dir="ltr">/);
  const text = `${textOf(html)} ${spokenAttributes(html)}`;
  expect(englishLeftIn(text)).toEqual([]);
  for (const phrase of english) expect(text, phrase).not.toContain(phrase);
  return html;
}

async function putLink(token: string, key: string, audience: "families" | "students" | "both") {
  const res = await api(token, "PUT", `/links/${key}`, { title: `Enlace ${key}`, url: `https://${key}.example.org/`, audience, description: "Calendario y menús" });
  expect(res.status).toBeLessThan(300);
}

describe("home and Instant Login in Spanish", () => {
  it("the landing page, and its notice after an account is deleted", async () => {
    const html = await expectSpanish(await getEs(new Browser(), "/?done=account-deleted"), 200);
    expect(html).toContain(es.home.accountDeleted);
    expect(html).toContain(`<title>${es.home.landingTitle} · Family Portal</title>`);
  });

  it("home with children (badges on and off, a grade) and district links, and the notice after connecting children", async () => {
    const f = await districtWithSiblings();
    await env.DB.prepare("UPDATE students SET badges_enabled = 1, grade = '3' WHERE id = ?").bind(f.maya.id).run();
    for (const key of ["calendario", "almuerzo"]) await putLink(f.district.token, key, "families");
    const parent = await parentOf(f.district.id, [f.maya.id, f.leo.id, f.ethan.id], { name: "Rosa Lopez" });
    const b = await browserAs("parent", parent.id);
    // What onboarding leaves for home: three children connected, two not.
    const summary = { added: ["Maya", "Leo", "Ethan"], notAdded: [{ name: "Ava", school: "Oak Hill", reason: "expired" }, { name: "Sam", school: "Oak Hill", reason: "disputed" }] };
    b.cookies.set("fp_connected", encodeURIComponent(JSON.stringify(summary)));

    const html = await expectSpanish(await getEs(b, "/"), 200, [
      en.home.hello("Rosa Lopez"),
      en.home.forChild("Maya"),
      en.badges.notUsed("Leo"),
      en.home.grade("3"),
      "is now connected",
      "are now connected",
    ]);
    expect(html).toContain("¡Le damos la bienvenida! Su cuenta ya está conectada con Maya, Leo y Ethan.");
    expect(html).toContain("Ava (Oak Hill): esa invitación venció.");
    expect(html).toContain(es.home.hello("Rosa Lopez"));
    expect(html).toMatch(/<button type="submit"[^>]*>Inicio de sesión instantáneo<span class="vh"> para Maya<\/span><\/button>/);
    expect(html).toMatch(/>Credencial<span class="vh"> para Maya<\/span><\/a>/);
    expect(html).toContain(es.badges.notUsed("Leo"));
    expect(html).toContain("Grado 3");
    expect(html).toContain(es.home.linksHeading);
    expect(html).toContain(`<span class="vh"> ${es.home.opensInNewTab}</span>`);
  });

  it("a parent with no children yet", async () => {
    const parent = await parentOf((await districtWithSiblings()).district.id, []);
    const html = await expectSpanish(await getEs(await browserAs("parent", parent.id), "/"), 200);
    expect(html).toContain(es.home.noChildren);
  });

  it("the Instant Login page, and the page for a child who is not theirs", async () => {
    const f = await districtWithSiblings();
    const b = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id])).id);
    const html = await expectSpanish(await getEs(b, `/children/${f.maya.id}/instant-login`), 200, [en.home.instantLoginFor("Maya"), en.home.instantLoginExplains("Maya")]);
    expect(html).toContain("<h1>Inicio de sesión instantáneo para Maya</h1>");
    await expectSpanish(await getEs(b, `/children/${f.leo.id}/instant-login`), 404);
  });
});

describe("badges in Spanish", () => {
  it("the badge page with its PIN, the print page, and the QR code's label", async () => {
    const w = await badgeWorld({ pin: true });
    const parent = await browserAs("parent", w.parentId);
    const page = await expectSpanish(await getEs(parent, `/children/${w.ids.S1}/badge`), 200, [en.badges.title("Maya"), en.badges.fresh("Maya"), en.badges.keepPrivate("Maya"), "go to"]);
    expect(page).toContain("<h1>Credencial de Maya</h1>");
    expect(page).toMatch(/<svg [^>]*aria-label="Credencial de Maya Lopez"/);
    expect(page).toContain("vaya a <strong>127.0.0.1:8787/badges</strong>.");
    const print = await expectSpanish(await getEs(parent, `/children/${w.ids.S1}/badge/print`), 200, [en.badges.printTitle("Maya"), en.badges.showToWebcam("127.0.0.1:8787/badges")]);
    expect(print).toContain(es.badges.showToWebcam("127.0.0.1:8787/badges"));
  });

  it("the badge pages of a child without badges, with a voided badge, and of a child who is not theirs", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    await expectSpanish(await getEs(parent, `/children/${w.ids.S2}/badge`), 200, [en.badges.badgeFor("Leo"), en.badges.notUsed("Leo")]);
    await downloadBadge(parent, w.ids.S1);
    expect((await api(w.district.token, "DELETE", "/students/S1/badge")).status).toBe(204);
    await expectSpanish(await getEs(parent, `/children/${w.ids.S1}/badge`), 200, [en.badges.voided("Maya"), en.badges.voidedAsk("Maya")]);
    await expectSpanish(await getEs(parent, `/children/${w.ids.S3}/badge`), 404);
  });

  it("the badge image says where to show it in the downloader's language, in letters its font has", async () => {
    // Every catalog's sentence, with any address, is drawable: no letter becomes "?".
    for (const t of Object.values(COMPILED)) {
      const line = t.badges.showToWebcam("family.example.org/badges");
      expect([...line].filter((ch) => !GLYPHS[ch]), t.meta.tag).toEqual([]);
    }
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    const english = new Uint8Array(await (await parent.get(`/children/${w.ids.S1}/badge.png`)).arrayBuffer());
    const spanish = new Uint8Array(await (await getEs(parent, `/children/${w.ids.S1}/badge.png`)).arrayBuffer());
    // The same code; the last line of words differs.
    expect(await readBadgePng(spanish)).toBe(await readBadgePng(english));
    const [a, b] = [await decodeGrayPng(english), await decodeGrayPng(spanish)];
    const lastLine = (img: { width: number; height: number; rgba: Uint8ClampedArray }) => img.rgba.subarray(img.width * (img.height - 40) * 4).join();
    expect(lastLine(b)).not.toBe(lastLine(a));
  });

  it("/badges, its failure, the PIN page with both of its messages, and too many tries", async () => {
    const w = await badgeWorld({ pin: true });
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const device = await studentDevice();
    const login = await expectSpanish(await getEs(device, "/badges"), 200);
    // What the scanner says, handed to it in the page's language.
    expect(login).toContain(`data-say-not-a-badge="${es.badges.scanner.notABadge}"`);
    for (const key of Object.keys(es.badges.scanner)) expect(login, key).toMatch(new RegExp(`data-say-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="[^"]+"`));
    expect(login).not.toMatch(/data-say-[a-z-]+="[^"]*(badge|camera|picture)\b/i);

    const post = (fields: Record<string, string>) => device.post("/badges/login", fields, { follow: false, headers: ES });
    const failed = await expectSpanish(await post({ token: "FPBADGE:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }), 401);
    expect(failed).toContain(es.badges.failed);
    const step = await expectSpanish(await post({ token: code }), 200);
    expect(step).toContain(`<h1>${es.badges.pinTitle}</h1>`);
    expect(await expectSpanish(await post({}), 422)).toContain(es.badges.pinMissing);
    const pin = badgePin(BADGE_SECRET, (await liveBadgeRow(w.ids.S1))!.id);
    expect(await expectSpanish(await post({ pin: pin === "000000" ? "111111" : "000000" }), 422)).toContain(es.badges.pinWrong);

    const busy = await studentDevice();
    let res: Response | null = null;
    for (let i = 0; i < 11; i++) res = await busy.post("/badges/login", { token: "FPBADGE:cccccccccccccccccccccccccccccccc" }, { follow: false, headers: ES });
    const tooMany = await expectSpanish(res!, 429, ["second", "minute"]);
    expect(tooMany).toContain(`<h1>${es.badges.tooManyTitle}</h1>`);
    expect(tooMany).toMatch(/Espera (\d+ segundos?|un minuto|\d+ minutos) e inténtalo otra vez\./);
  });

  it("a parent signed in on the child's device is told so in Spanish", async () => {
    const w = await badgeWorld();
    const html = await expectSpanish(await getEs(await browserAs("parent", w.parentId), "/badges"), 200);
    expect(html).toContain(es.badges.signedInParent);
  });
});

describe("the student portal in Spanish", () => {
  it("with links, and without", async () => {
    const f = await districtWithSiblings();
    await putLink(f.district.token, "lectura", "students");
    const html = await expectSpanish(await getEs(await browserAs("student", f.maya.id), "/student"), 200, [en.student.hi("Maya"), en.student.title("Maya")]);
    expect(html).toContain("<h1>¡Hola, Maya!</h1>");
    expect(html).toContain(`aria-label="${es.student.linksLabel}"`);
    expect(html).toMatch(/<button type="submit">Cerrar sesión<\/button>/);
    const none = await districtWithSiblings();
    expect(await expectSpanish(await getEs(await browserAs("student", none.leo.id), "/student"), 200)).toContain(es.student.noLinks);
  });
});

/** Each card's language mark ("" when the idea is in the page's language), in page order. */
const cardMarks = (html: string) => [...html.matchAll(/<li class="card idea">([\s\S]*?)<\/li>/g)].map((m) => /<span class="idea-lang">([^<]*)<\/span>/.exec(m[1]!)?.[1] ?? "");
const cardLangs = (html: string) => [...html.matchAll(/<li class="card idea"><h3( lang="([^"]+)")?>/g)].map((m) => m[2] ?? "");

describe("Ideas in the reader's language", () => {
  it("a Spanish reader gets the ideas in Spanish first, then the others, each marked with its language in Spanish", async () => {
    const slug = `vi-${Date.now().toString(36)}`;
    expect((await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${slug}`, { title: "Đọc sách cùng con", source: "Thư viện", sourceUrl: "https://example.org/vi", summary: "Đọc mười phút mỗi tối.", topic: "reading", gradeBand: "all", language: "vi" })).status).toBe(201);
    try {
      const f = await districtWithSiblings();
      const b = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id])).id);
      const spanish = await expectSpanish(await getEs(b, "/ideas"), 200);
      const marks = cardMarks(spanish);
      const inSpanish = (await env.DB.prepare("SELECT COUNT(*) AS n FROM ideas WHERE language = 'es'").first<{ n: number }>())!.n;
      expect(inSpanish).toBeGreaterThanOrEqual(5);
      // The seeded Spanish ideas first, unmarked; every other one after, marked.
      expect(marks.slice(0, inSpanish)).toEqual(Array(inSpanish).fill(""));
      expect(marks.slice(inSpanish).every((m) => m !== "")).toBe(true);
      expect(marks).toContain("En inglés");
      expect(marks).toContain("En vietnamita");
      expect(cardLangs(spanish).slice(inSpanish)).toEqual(expect.arrayContaining(["en", "vi"]));
      expect(spanish).toContain('<span class="new-tab" lang="es"> (se abre en una pestaña nueva)</span>');

      // The same parent's page in English: English first, and the marks in English.
      const english = await (await b.get("/ideas")).text();
      const enMarks = cardMarks(english);
      const firstMarked = enMarks.findIndex((m) => m !== "");
      expect(enMarks.slice(firstMarked).every((m) => m !== "")).toBe(true);
      expect(enMarks.filter((m) => m === "In Spanish")).toHaveLength(inSpanish);
      expect(enMarks).toContain("In Vietnamese");
    } finally {
      await api(ADMIN_TOKEN, "DELETE", `/admin/ideas/${slug}`);
    }
  });

  it("filters, the count line with the children's grades, no match, and the htmx list, in Spanish", async () => {
    const f = await districtWithSiblings();
    await env.DB.prepare("UPDATE students SET grade = '4' WHERE id = ?").bind(f.maya.id).run();
    const b = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id])).id);
    const html = await expectSpanish(await getEs(b, "/ideas?topic=math"), 200);
    expect(html).toMatch(/aria-current="page">Matemáticas<\/a>/);
    expect(html).toMatch(/ideas; primero aparecen las ideas para los grados de sus hijos \(3–5\)\./);
    expect(html).toContain(" · Matemáticas · ");
    const fragment = await getEs(b, "/ideas?topic=science", { headers: { "hx-request": "true" } });
    const part = await fragment.text();
    expect(part.startsWith('<div id="idea-results"')).toBe(true);
    expect(englishLeftIn(textOf(part))).toEqual([]);
    expect(part).toContain("Ciencias");
  });

  it("the suggestion form's thanks, its field messages and its hourly limit, in Spanish", async () => {
    const f = await districtWithSiblings();
    const b = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id])).id);
    expect(await expectSpanish(await getEs(b, "/ideas?suggested=1"), 200)).toContain(es.ideas.suggest.thanks);
    const post = (fields: Record<string, string>) => b.post("/ideas/suggest", fields, { follow: false, headers: ES });
    const cases: [Record<string, string>, string][] = [
      [{ text: "corta" }, es.ideas.suggest.tooShort(10)],
      [{}, es.ideas.suggest.missing],
      [{ text: "x".repeat(2001) }, es.ideas.suggest.tooLong(2000)],
      [{ text: "La biblioteca presta juegos de ciencias.", topic: "astrologia" }, es.ideas.suggest.unknownTopic],
    ];
    for (const [fields, message] of cases) {
      const html = await expectSpanish(await post(fields), 422, [en.ideas.suggest.tooShort(10), en.ideas.suggest.tooLong(2000)]);
      expect(html).toContain(message);
    }
    for (let i = 1; i <= 5; i++) expect((await post({ text: `La biblioteca presta juegos de ciencias (${i}).` })).status).toBe(303);
    const limited = await expectSpanish(await post({ text: "La biblioteca presta juegos de ciencias (6)." }), 429, ["several suggestions", "Please try again"]);
    expect(limited).toMatch(/Usted envió varias sugerencias en la última hora\. ¡Gracias! Intente otra vez en (1 minuto|\d+ minutos)\./);
  });

  it("stays within the page budget in Spanish (HTML ≤ 14 KB compressed) with every idea", async () => {
    const f = await districtWithSiblings();
    const b = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id, f.leo.id])).id);
    const html = await (await getEs(b, "/ideas")).text();
    const size = (await new Response(new Blob([html]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer()).byteLength;
    console.info(`ideas in Spanish: ${html.length} bytes of HTML, ${size} gzipped`);
    expect(size).toBeLessThanOrEqual(14 * 1024);
  });
});
