// Messages and everything teachers see, in Spanish: every page (and its refusals) says
// <html lang="es"> and shows no English catalog phrase; the unread-message email and the teacher
// sign-in email go in the recipient's saved language; times are the district's; the class page
// names each family's language in the teacher's language; Settings → Language saves the choice.
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { formatWhen } from "../views/pages/messages-parts";
import { englishLeftIn } from "./i18n-helpers";
import { Browser, browserAs, call, contactIdFor, inviteTo, lastMailTo, messageWorld, pageText, startThread, type MessageWorld } from "./world";

const ES = { "accept-language": "es-MX,es;q=0.9" };
const EN = { "accept-language": "en-US,en;q=0.9" };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The page is Spanish: <html lang="es"> and no English phrase of the catalog left in its text. */
async function expectSpanish(res: Response, what: string, status = 200): Promise<string> {
  expect(res.status, what).toBe(status);
  const html = await res.text();
  expect(html, what).toMatch(/<html lang="es" dir="ltr">/);
  const text = await pageText(new Response(html));
  expect(englishLeftIn(text), what).toEqual([]);
  return text;
}

const get = (b: Browser, path: string, headers: Record<string, string> = ES) => b.request(path, { method: "GET", headers: { "sec-fetch-site": "none", ...headers } });
const post = (b: Browser, path: string, fields: Record<string, string>, headers: Record<string, string> = ES) => b.post(path, fields, { follow: false, headers });

const setLanguage = (table: "users" | "teachers", id: string, language: string | null) => env.DB.prepare(`UPDATE ${table} SET language = ? WHERE id = ?`).bind(language, id).run();
const setTimeZone = (districtId: string, zone: string) => env.DB.prepare("UPDATE districts SET time_zone = ? WHERE id = ?").bind(zone, districtId).run();

/** A thread between T1 and Rosa (about Maya), with one message from each side. */
async function conversation(): Promise<{ m: MessageWorld; id: string; teacher: Browser; rosa: Browser }> {
  const m = await messageWorld();
  const teacher = await browserAs("teacher", m.w.ids.T1);
  const id = await startThread(teacher, m.w.ids.S1, m.users.rosa.id, "Hello from school!");
  const rosa = await browserAs("parent", m.users.rosa.id);
  await get(rosa, `/messages/${id}`);
  expect((await post(rosa, `/messages/${id}`, { body: "Gracias, hasta pronto." })).status).toBe(303);
  return { m, id, teacher, rosa };
}

describe("a parent's message pages in Spanish", () => {
  it("the list, a thread, its poll and every refusal (404, 422, 403, 429)", async () => {
    const { m, id, teacher, rosa } = await conversation();
    const list = await expectSpanish(await get(rosa, "/messages"), "list");
    expect(list).toContain("Conversaciones con los maestros de sus hijos");
    expect(list).toContain("3 horas");
    const thread = await expectSpanish(await get(rosa, `/messages/${id}`), "thread");
    expect(thread).toContain("Responder a Ana Rivera");
    expect(thread).toContain("Usted ·");
    await expectSpanish(await get(rosa, "/messages/thr_aaaaaaaaaaaaaaaa"), "not found", 404);

    const empty = await expectSpanish(await post(rosa, `/messages/${id}`, { body: "   " }), "422", 422);
    expect(empty).toContain("Su mensaje está vacío");
    const long = await expectSpanish(await post(rosa, `/messages/${id}`, { body: "x".repeat(2001) }), "422 too long", 422);
    expect(long).toContain("como máximo 2000 caracteres, y este tiene 2001");

    // The teacher's answer to a new message arrives by the poll, in the parent's language.
    await post(teacher, `/teacher/messages/${id}`, { body: "One more thing" }, EN);
    const poll = await get(rosa, `/messages/${id}/since/2`, { ...ES, "hx-request": "true" });
    expect(poll.status).toBe(200);
    expect(englishLeftIn(await pageText(poll))).toEqual([]);

    await post(teacher, "/teacher/settings/messages", { messagesEnabled: "off" }, EN);
    const blocked = await expectSpanish(await post(rosa, `/messages/${id}`, { body: "Are you there?" }), "403", 403);
    expect(blocked).toContain("desactivó los mensajes");
    await post(teacher, "/teacher/settings/messages", { messagesEnabled: "on" }, EN);

    const tom = await browserAs("parent", m.users.tom.id);
    const tomThread = await startThread(teacher, m.w.ids.S1, m.users.tom.id);
    let last: Response | null = null;
    for (let i = 0; i < 11; i++) last = await post(tom, `/messages/${tomThread}`, { body: `Mensaje ${i}` });
    const limited = await expectSpanish(last!, "429", 429);
    expect(limited).toMatch(/Inténtelo otra vez en (\d+ segundos?|un minuto)/);
  });

  it("a parent and a teacher reading the same thread each see their own language", async () => {
    const { m, id, teacher, rosa } = await conversation();
    await setLanguage("users", m.users.rosa.id, "es");
    await setLanguage("teachers", m.w.ids.T1, "en");
    // Whatever their browsers ask for: the saved language wins.
    await expectSpanish(await get(rosa, `/messages/${id}`, EN), "parent");
    const html = await (await get(teacher, `/teacher/messages/${id}`, ES)).text();
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
    expect(html).toContain("Write to Rosa Johnson");
  });
});

describe("times are the district's, in the reader's language", () => {
  it("message times in the district's zone (not UTC), in each reader's language, naming the zone", async () => {
    const { m, id, teacher, rosa } = await conversation();
    await setTimeZone(m.w.district.id, "America/Los_Angeles");
    const spanish = await (await get(rosa, `/messages/${id}`)).text();
    const when = Number(new Date(spanish.match(/<time datetime="([^"]+)">/)![1]!));
    expect(spanish).toContain(formatWhen(when, { tag: "es", timeZone: "America/Los_Angeles" }));
    const english = await (await get(teacher, `/teacher/messages/${id}`, EN)).text();
    const shown = formatWhen(when, { tag: "en", timeZone: "America/Los_Angeles" });
    expect(shown).toMatch(/P[SD]T$/);
    expect(english).toContain(shown);
    expect(english).not.toContain("UTC");
  });

  it("a parent's zone is their first child's district's; the class page's dates are the teacher's district's", async () => {
    const { m, rosa } = await conversation();
    await setTimeZone(m.w.district.id, "Pacific/Honolulu");
    const list = await (await get(rosa, "/messages", EN)).text();
    expect(list).toMatch(/\d{1,2}:\d{2} (AM|PM) HST/);
    // An invitation that runs out at 03:00 UTC on Jan 10 is still Jan 9 in Honolulu.
    const sent = await inviteTo(m.w.district, "S2", "kim.brown@example.com", { name: "Kim Brown" });
    await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?").bind(Date.UTC(2099, 0, 10, 3, 0), sent.id).run();
    const teacher = await browserAs("teacher", m.w.ids.T1);
    expect(await pageText(await get(teacher, "/teacher", EN))).toContain("Pending (link works until Jan 9, 2099)");
    expect(await pageText(await get(teacher, "/teacher", ES))).toContain("Pendiente (el enlace funciona hasta el 9 ene 2099)");
  });
});

describe("the unread-message email goes in the recipient's language", () => {
  const DELAY_MS = config(env).unreadNotifyAfterMs;
  const advance = (ms: number) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + ms);
  };
  const unread = (to: string) => env.DB.prepare("SELECT * FROM outbox WHERE to_address = ? AND kind = 'unread_message' ORDER BY created_at, rowid").bind(to).all<{ subject: string; body_text: string; body_html: string }>();

  it("a parent who saved Español gets it in Spanish; the teacher in English gets it in English for the same thread", async () => {
    const m = await messageWorld();
    await setLanguage("users", m.users.rosa.id, "es");
    // The teacher's browser asks for Spanish: the parent's email does not follow the writer's language.
    const teacher = await browserAs("teacher", m.w.ids.T1);
    const id = await startThread(teacher, m.w.ids.S1, m.users.rosa.id, "Hola");
    advance(DELAY_MS + 1_000);
    expect(await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(id))).toBe(true);
    const [toParent] = (await unread(m.users.rosa.email)).results;
    expect(toParent?.subject).toBe("Mensaje sin leer de Ana Rivera sobre Maya");
    expect(toParent?.body_text).toContain("Ana Rivera le envió un mensaje sobre Maya en Family Portal, y lleva 3 horas sin leer.");
    expect(toParent?.body_text).toContain("Configuración de la cuenta");
    expect(toParent?.body_html).toMatch(/<html lang="es" dir="ltr">/);
    expect(toParent?.body_html).toContain("Leer y responder");
    expect(englishLeftIn(toParent!.subject + toParent!.body_text)).toEqual([]);

    // The parent answers from a Spanish page; the teacher (no language saved) gets English.
    const rosa = await browserAs("parent", m.users.rosa.id);
    await get(rosa, `/messages/${id}`);
    expect((await post(rosa, `/messages/${id}`, { body: "Gracias" })).status).toBe(303);
    advance(DELAY_MS + 1_000);
    expect(await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(id))).toBe(true);
    const [toTeacher] = (await unread(m.w.emails.t1)).results;
    expect(toTeacher?.subject).toBe("Unread message from Rosa Johnson about Maya Johnson");
    expect(toTeacher?.body_text).toContain("it has been waiting for 3 hours");
    expect(toTeacher?.body_html).toMatch(/<html lang="en" dir="ltr">/);
  });

  it("a teacher who saved Español gets it in Spanish, with the link to their settings", async () => {
    const m = await messageWorld();
    await setLanguage("teachers", m.w.ids.T1, "es");
    const teacher = await browserAs("teacher", m.w.ids.T1);
    const id = await startThread(teacher, m.w.ids.S1, m.users.rosa.id, "Hello");
    const rosa = await browserAs("parent", m.users.rosa.id);
    await get(rosa, `/messages/${id}`, EN);
    await post(rosa, `/messages/${id}`, { body: "Thanks" }, EN);
    advance(DELAY_MS + 1_000);
    await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(id));
    const [mail] = (await unread(m.w.emails.t1)).results;
    expect(mail?.subject).toBe("Mensaje sin leer de Rosa Johnson sobre Maya Johnson");
    expect(mail?.body_text).toContain("Puede desactivar estos correos en Configuración:");
    expect(mail?.body_text).toContain(`${env.PUBLIC_URL}/teacher/settings`);
  });
});

describe("teacher sign-in in Spanish", () => {
  it("the page, its refusals (422, 429, an expired link, Google), the link's page and the email", async () => {
    const m = await messageWorld();
    const b = new Browser();
    await expectSpanish(await get(b, "/teacher/sign-in"), "sign-in");
    await expectSpanish(await get(b, "/teacher/sign-in?sent=1"), "sent");
    const bad = await expectSpanish(await post(b, "/teacher/sign-in", { email: "not an address" }), "422", 422);
    expect(bad).toContain("Escriba el correo electrónico");
    await expectSpanish(await get(b, "/teacher/sign-in/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "expired", 410);
    await expectSpanish(await get(b, "/teacher/auth/google/callback?code=x&state=y"), "google refused", 400);

    // A teacher with no saved language who asks from a Spanish page gets the email in Spanish.
    expect((await post(b, "/teacher/sign-in", { email: m.w.emails.t1 })).status).toBe(303);
    const mail = await lastMailTo(m.w.emails.t1);
    expect(mail?.subject).toBe("Su enlace para iniciar sesión en Family Portal");
    expect(mail?.body_text).toContain("Hola, Ana Rivera:");
    expect(mail?.body_text).toMatch(/hasta las \d{1,2}:\d{2} GMT-[45]\)/);
    expect(mail?.body_html).toMatch(/<html lang="es" dir="ltr">/);
    expect(englishLeftIn(mail!.subject + mail!.body_text)).toEqual([]);
    const token = mail!.body_text.match(/\/teacher\/sign-in\/([a-z2-7]+)/)![1]!;
    const choice = await expectSpanish(await get(b, `/teacher/sign-in/${token}`), "link page");
    expect(choice).toContain("Va a iniciar sesión como Ana Rivera");

    let last: Response | null = null;
    for (let i = 0; i < 6; i++) last = await post(new Browser(), "/teacher/sign-in", { email: "someone@school.test" });
    await expectSpanish(last!, "429", 429);
  });

  it("the email follows the teacher's saved language, not the page it was asked from; its time is the district's", async () => {
    const m = await messageWorld();
    await setLanguage("teachers", m.w.ids.T1, "es");
    await setTimeZone(m.w.district.id, "America/Chicago");
    await post(new Browser(), "/teacher/sign-in", { email: m.w.emails.t1 }, EN);
    const spanish = await lastMailTo(m.w.emails.t1);
    expect(spanish?.subject).toBe("Su enlace para iniciar sesión en Family Portal");
    expect(spanish?.body_text).toMatch(/GMT-[56]\)/);

    await setLanguage("teachers", m.w.ids.T1, "en");
    await post(new Browser(), "/teacher/sign-in", { email: m.w.emails.t1 }, ES);
    const english = await lastMailTo(m.w.emails.t1);
    expect(english?.subject).toBe("Your Family Portal sign-in link");
    expect(english?.body_text).toMatch(/until \d{1,2}:\d{2} (AM|PM) C[SD]T\)/);
  });
});

describe("a teacher's pages in Spanish", () => {
  for (const how of ["browser", "saved"] as const) {
    it(`every page and refusal (Spanish by ${how === "browser" ? "Accept-Language" : "teachers.language"})`, async () => {
      const { m, id } = await conversation();
      const { w, users } = m;
      const t1 = await browserAs("teacher", w.ids.T1);
      const headers = how === "browser" ? ES : EN;
      if (how === "saved") await setLanguage("teachers", w.ids.T1, "es");
      const page = (path: string, status = 200) => get(t1, path, headers).then((r) => expectSpanish(r, path, status));
      const form = (path: string, fields: Record<string, string>, status: number) => post(t1, path, fields, headers).then((r) => expectSpanish(r, path, status));

      const classes = await page("/teacher");
      expect(classes).toContain("Mis clases");
      // The check is not blind: the same page in English is full of the catalog's phrases.
      if (how === "browser") expect(englishLeftIn(await pageText(await get(t1, "/teacher", EN))).length).toBeGreaterThan(10);
      await page(`/teacher/sections/${w.ids.SEC1}`);
      await page(`/teacher/sections/${w.ids.SEC1}?notice=rate_limited`);
      await page("/teacher/sections/sec_doesnotexist0000", 404);
      await page(`/teacher/sections/${w.ids.SEC1}/badges`);
      await page(`/teacher/sections/${w.ids.SEC1}/badges?notice=class_regenerated&count=2`);
      const print = await page(`/teacher/sections/${w.ids.SEC1}/badges/print`);
      expect(print).toContain("Etiquetas de credenciales");
      await page("/teacher/settings");
      await form("/teacher/settings/name", { displayName: "x".repeat(201) }, 422);
      await form("/teacher/settings/messages", { messagesEnabled: "maybe" }, 422);

      await page("/teacher/messages");
      await page("/teacher/messages?sent=2&failed=1");
      await page(`/teacher/messages/${id}`);
      await form(`/teacher/messages/${id}`, { body: "" }, 422);
      await page(`/teacher/messages/new?student=${w.ids.S1}&guardian=${users.tom.id}`);
      await form("/teacher/messages/new", { student: w.ids.S1, guardian: users.tom.id, body: "" }, 422);
      await page(`/teacher/messages/new?student=${w.ids.S3}&guardian=${users.ola.id}`, 404);
      const broadcast = await page(`/teacher/messages/broadcast/${w.ids.SEC1}`);
      expect(broadcast).toContain("Enviar a 3 familias");
      await form(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "" }, 422);

      // With Messages off, the pages say why, in Spanish.
      await post(t1, "/teacher/settings/messages", { messagesEnabled: "off" }, headers);
      await page("/teacher/messages");
      await page(`/teacher/messages/${id}`);
      await page(`/teacher/messages/broadcast/${w.ids.SEC1}`);
      await form(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "Hola" }, 403);
    });
  }
});

describe("Settings → Language", () => {
  it("lists each language by its own name, saves the choice to teachers.language, and the next page speaks it; without JavaScript", async () => {
    const m = await messageWorld();
    const t1 = await browserAs("teacher", m.w.ids.T1);
    const before = await (await get(t1, "/teacher/settings", EN)).text();
    expect(before).toContain('<form method="post" action="/teacher/settings/language">');
    expect(before).toMatch(/<label class="choice" lang="en"><input type="radio" name="language" value="en" checked=""\/> English<\/label>/);
    expect(before).toMatch(/<label class="choice" lang="es"><input type="radio" name="language" value="es"\/> Español<\/label>/);

    const saved = await post(t1, "/teacher/settings/language", { language: "es" }, EN);
    expect([saved.status, saved.headers.get("location")]).toEqual([303, "/teacher/settings?done=language"]);
    expect((await env.DB.prepare("SELECT language FROM teachers WHERE id = ?").bind(m.w.ids.T1).first<{ language: string }>())?.language).toBe("es");
    const after = await expectSpanish(await get(t1, "/teacher/settings?done=language", EN), "after");
    expect(after).toContain("Guardado. Sus páginas y correos ahora están en español.");
    expect(await (await get(t1, "/teacher/settings", EN)).text()).toMatch(/value="es" checked=""/);

    // Back to English, from a Spanish page: the notice is in English.
    await post(t1, "/teacher/settings/language", { language: "en" }, ES);
    expect(await pageText(await get(t1, "/teacher/settings?done=language", ES))).toContain("Saved. Your pages and emails are now in English.");
  });

  it("refuses a language without a catalog (422, nothing saved)", async () => {
    const m = await messageWorld();
    const t1 = await browserAs("teacher", m.w.ids.T1);
    for (const language of ["vi", "", "es-MX; DROP"]) {
      const res = await post(t1, "/teacher/settings/language", { language }, ES);
      const text = await expectSpanish(res, `language ${language}`, 422);
      expect(text).toContain("Elija uno de los idiomas de la lista.");
    }
    expect((await env.DB.prepare("SELECT language FROM teachers WHERE id = ?").bind(m.w.ids.T1).first<{ language: string | null }>())?.language).toBeNull();
  });
});

describe("teachers see each family's language", () => {
  it("the class page names each contact's and guardian's language in the teacher's language, also without a catalog", async () => {
    const m = await messageWorld();
    const { w, users } = m;
    const contact = await contactIdFor((await inviteTo(w.district, "S2", "lan.nguyen@example.com", { name: "Lan Nguyen" })).id);
    await env.DB.prepare("UPDATE guardian_contacts SET language = 'vi' WHERE id = ?").bind(contact).run();
    const spanishSpeaker = await contactIdFor((await inviteTo(w.district, "S1", "rosa.johnson@example.com", { name: "Rosa J." })).id);
    await env.DB.prepare("UPDATE guardian_contacts SET language = 'es-MX' WHERE id = ?").bind(spanishSpeaker).run();
    await setLanguage("users", users.rosa.id, "es");
    const t1 = await browserAs("teacher", w.ids.T1);

    const english = await pageText(await get(t1, `/teacher/sections/${w.ids.SEC1}`, EN));
    expect(english).toContain("Rosa Johnson · Language: Spanish");
    expect(english).toContain("Lan Nguyen · lan.nguyen@example.com · Language: Vietnamese");
    expect(english).toContain("Rosa J. · rosa.johnson@example.com · Language: Mexican Spanish");
    // No language known: nothing said.
    expect(english).not.toMatch(/Tom Johnson · Language/);

    const spanish = await pageText(await get(t1, `/teacher/sections/${w.ids.SEC1}`, ES));
    expect(spanish).toContain("Rosa Johnson · Idioma: español");
    expect(spanish).toContain("Idioma: vietnamita");
    expect(spanish).toContain("Idioma: español de México");
  });
});

describe("without a session", () => {
  it("the teacher sign-in says it is Spanish in Content-Language too", async () => {
    const res = await call("/teacher/sign-in", { headers: ES });
    expect(res.headers.get("content-language")).toBe("es");
    await expectSpanish(res, "sign-in");
  });
});
