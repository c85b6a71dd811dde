// Messages translated both ways (issue 13): a teacher writes in English, a parent reads Spanish
// and answers in Spanish, the teacher reads English. A stand-in LibreTranslate API (fetch, as the
// mail stand-ins) returns a marked translation and counts its calls; the worker runs with
// TRANSLATE_API_URL pointing at it (the suite's own bindings configure no translator).
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newFormKey } from "../src/messaging/form-key";
import { PAUSE_MS } from "../src/translation/pause";
import { Browser, htmx, messageWorld, pageText, settleBackgroundWork, signInAs, startThread, storedMessages, type MessageWorld } from "./world";

const API = "http://translate.test/translate";
const EN = { "accept-language": "en-US,en;q=0.9" };

type Mode = "ok" | "500" | "timeout" | "lose-tokens" | "add-link" | "huge";

interface StandIn {
  calls: { q: string; source: string; target: string; format: string; api_key?: string }[];
  mode: Mode;
}

/** The stand-in LibreTranslate: "[es] <text>" for a translation into es; Hmong (hmn) it refuses as LibreTranslate does (400). */
function standInTranslator(): StandIn {
  const s: StandIn = { calls: [], mode: "ok" };
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(API)) return new Response('{"ok":true}', { status: 202 });
    const body = JSON.parse(String(init?.body)) as StandIn["calls"][number];
    s.calls.push(body);
    if (s.mode === "500") return new Response("internal error", { status: 500 });
    if (s.mode === "timeout") {
      // Never answers; only the caller's deadline ends the wait.
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    }
    if (body.target === "hmn" || body.source === "hmn") return Response.json({ error: `${body.target} is not supported` }, { status: 400 });
    if (s.mode === "huge") return Response.json({ translatedText: "x".repeat(9_000) });
    const text = s.mode === "lose-tokens" ? body.q.replace(/ZXQ[A-Z]+/g, "") : s.mode === "add-link" ? `${body.q} https://evil.example/\u202Egpj.exe` : body.q;
    return Response.json({ translatedText: `[${body.target}] ${text}` });
  });
  return s;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

let servers = 0;

/**
 * The worker configured with the stand-in translator (a fresh object: config() reads it anew), at
 * an address of its own: a pause after failures (src/translation/pause.ts) is per backend address
 * and lives in the isolate, so one test's failing translator does not pause the next test's.
 */
const withTranslator = (extra: Record<string, string> = {}) => ({ ...env, TRANSLATE_API_URL: `${API}?server=${++servers}`, ...extra }) as typeof env;

async function browser(kind: "teacher" | "parent", id: string, bindings: typeof env): Promise<Browser> {
  const b = new Browser("vitest-browser", bindings);
  await signInAs(b, kind, id);
  return b;
}

const setLanguage = (table: "users" | "teachers", id: string, language: string | null) => env.DB.prepare(`UPDATE ${table} SET language = ? WHERE id = ?`).bind(language, id).run();

interface Scene {
  m: MessageWorld;
  id: string;
  teacher: Browser;
  rosa: Browser;
  api: StandIn;
}

interface SceneOptions {
  body?: string;
  bindings?: typeof env;
  rosaLanguage?: string;
  /** How the stand-in answers from the start (the translation right after posting included). */
  mode?: Mode;
  /** Wait for the background translation after posting (default); false: the page read races it. */
  settle?: boolean;
}

/** T1 (English) writes to Rosa (Spanish saved) about Maya; returns the thread (and how long posting took). */
async function scene(o: SceneOptions = {}): Promise<Scene & { postMs: number }> {
  const m = await messageWorld();
  await setLanguage("teachers", m.w.ids.T1, "en");
  await setLanguage("users", m.users.rosa.id, o.rosaLanguage ?? "es");
  const api = standInTranslator();
  api.mode = o.mode ?? "ok";
  const bindings = o.bindings ?? withTranslator();
  const teacher = await browser("teacher", m.w.ids.T1, bindings);
  const started = Date.now();
  const res = await teacher.post("/teacher/messages/new", { student: m.w.ids.S1, guardian: m.users.rosa.id, body: o.body ?? "Maya did well today." }, { follow: false });
  const postMs = Date.now() - started;
  expect(res.status).toBe(303);
  const id = (res.headers.get("location") ?? "").match(/(thr_[a-z2-7]{16})/)![1]!;
  if (o.settle !== false) await settleBackgroundWork();
  const rosa = await browser("parent", m.users.rosa.id, bindings);
  return { m, id, teacher, rosa, api, postMs };
}

/** The translator failed a moment ago and is paused (src/translation/pause.ts): move the clock past the pause. */
function afterThePause(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + PAUSE_MS);
}

const page = async (b: Browser, path: string) => {
  const res = await b.get(path);
  expect(res.status).toBe(200);
  return res.text();
};

describe("a teacher's English message read by a Spanish-speaking parent", () => {
  it("translated once right after posting, in the background; the parent sees it marked in Spanish, with the original one tap away", async () => {
    const { id, rosa, api } = await scene();
    expect((await storedMessages(id)).map((r) => r.body)).toEqual(["Maya did well today."]);
    expect(api.calls).toEqual([{ q: expect.any(String), source: "en", target: "es", format: "text" }]);
    const html = await page(rosa, `/messages/${id}`);
    // Opening it asked nothing more: the translation was kept.
    expect(api.calls.length).toBe(1);
    expect(html).toMatch(/<p class="msg-body" lang="es">\[es\] Maya did well today\.<\/p>/);
    expect(html).toContain("Traducido automáticamente");
    expect(html).toMatch(/<details class="msg-original"><summary>Ver el original \(inglés\)<\/summary><p class="msg-body" lang="en">Maya did well today\.<\/p><\/details>/);
    // The child's name went as a placeholder, not as a word to translate.
    expect(api.calls[0]!.q).not.toContain("Maya");
  });

  it("posting never waits for the translator (here one that never answers)", async () => {
    const { postMs, api } = await scene({ mode: "timeout", settle: false });
    expect(postMs).toBeLessThan(2_000);
    expect(api.calls.length).toBeLessThanOrEqual(1);
  });

  it("when nothing was translated ahead, the first read translates and keeps it: a second view makes no call", async () => {
    // A teacher whose message went out while the translator was down.
    const { id, rosa, api } = await scene({ mode: "500" });
    api.mode = "ok";
    afterThePause();
    await page(rosa, `/messages/${id}`);
    const again = await page(rosa, `/messages/${id}`);
    expect(again).toContain("[es] Maya did well today.");
    expect(api.calls.length).toBe(2);
    const kept = await runInDurableObject(env.MESSAGE_THREAD.getByName(id), (_o, state) =>
      state.storage.sql.exec<{ seq: number; lang: string; text: string }>("SELECT seq, lang, text FROM translations").toArray(),
    );
    expect(kept).toEqual([{ seq: 1, lang: "es", text: "[es] Maya did well today." }]);
  });

  it("with TRANSLATE_API_KEY, the key is sent as api_key", async () => {
    const { id, rosa, api } = await scene({ body: "Hello", bindings: withTranslator({ TRANSLATE_API_KEY: "k-123" }) });
    await page(rosa, `/messages/${id}`);
    expect(api.calls[0]).toMatchObject({ source: "en", target: "es", api_key: "k-123" });
  });

  it("links, numbers, times and email addresses come through unchanged", async () => {
    const body = "Field trip on 12/05 at 8:30, cost $15. Form: https://school.example.org/forms/trip?id=42 or email office@school.example.org";
    const { id, rosa, api } = await scene({ body });
    const html = await page(rosa, `/messages/${id}`);
    const sent = api.calls[0]!.q;
    for (const kept of ["12/05", "8:30", "15", "https://school.example.org/forms/trip?id=42", "office@school.example.org"]) expect(sent).not.toContain(kept);
    const text = await pageText(new Response(html));
    expect(text).toContain("[es] Field trip on 12/05 at 8:30, cost $15. Form: https://school.example.org/forms/trip?id=42");
    expect(text).toContain("or email office@school.example.org Traducido automáticamente");
    expect(html).toContain('<a href="https://school.example.org/forms/trip?id=42"');
  });

  it("a translator that drops placeholders loses nothing: the links and numbers come at the end", async () => {
    const { id, rosa } = await scene({ body: "See https://school.example.org/a at 3:15", mode: "lose-tokens" });
    const text = await pageText(await rosa.get(`/messages/${id}`));
    expect(text).toContain("https://school.example.org/a");
    expect(text).toContain("3:15");
  });

  it("a translator cannot add a link or a bidirectional control; an answer far longer than any translation is refused", async () => {
    const { id, rosa } = await scene({ body: "See https://school.example.org/a", mode: "add-link" });
    const html = await page(rosa, `/messages/${id}`);
    expect(html).toContain('<a href="https://school.example.org/a"');
    expect(html).not.toContain('href="https://evil.example');
    expect(html).toContain("https://evil.example/gpj.exe");
    expect(html).not.toContain("\u202E");
    const { id: other, rosa: reader } = await scene({ body: "Hello", mode: "huge" });
    const long = await page(reader, `/messages/${other}`);
    expect(long).not.toContain("xxxxxxxxxx");
    expect(long).toContain("No pudimos traducir este mensaje en este momento");
  });

  it("new messages arriving by the poll are translated too", async () => {
    const { id, rosa, teacher, api } = await scene();
    await page(rosa, `/messages/${id}`);
    await teacher.post(`/teacher/messages/${id}`, { body: "Bring a coat tomorrow." }, { headers: EN });
    await settleBackgroundWork();
    const res = await rosa.request(`/messages/${id}/since/1`, { method: "GET", headers: htmx });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("[es] Bring a coat tomorrow.");
    expect(html).toContain("Traducido automáticamente");
    expect(api.calls.length).toBe(2);
  });
});

describe("the parent's Spanish reply read by the teacher", () => {
  it("reaches the teacher in English, with its Spanish original; the page names the family's language", async () => {
    const { id, rosa, teacher, api } = await scene();
    expect((await rosa.post(`/messages/${id}`, { body: "Gracias, nos vemos el lunes." }, { follow: false })).status).toBe(303);
    await settleBackgroundWork();
    const html = await page(teacher, `/teacher/messages/${id}`);
    expect(api.calls.at(-1)).toMatchObject({ source: "es", target: "en" });
    expect(html).toMatch(/<p class="msg-body" lang="en">\[en\] Gracias, nos vemos el lunes\.<\/p>/);
    expect(html).toContain("Translated automatically");
    expect(html).toContain("Show the original (Spanish)");
    expect(html).toContain("Family&#39;s language: Spanish");
    // The teacher's own message is never translated for them.
    expect(html).toMatch(/<p class="msg-body" lang="en">Maya did well today\.<\/p>/);
  });

  it("a teacher who turned translation off sees the family's words as written (and the setting says so)", async () => {
    const { id, rosa, teacher, api } = await scene();
    await rosa.post(`/messages/${id}`, { body: "Gracias." }, { follow: false });
    await settleBackgroundWork();
    const off = await teacher.post("/teacher/settings/translation", { translateMessages: "off" }, { headers: EN });
    expect(off.status).toBe(200);
    expect(await pageText(off)).toContain("Families' messages are now shown as written.");
    const calls = api.calls.length;
    const html = await page(teacher, `/teacher/messages/${id}`);
    expect(html).toMatch(/<p class="msg-body" lang="es">Gracias\.<\/p>/);
    expect(html).not.toContain("Translated automatically");
    expect(api.calls.length).toBe(calls);
    // The family still gets the teacher's messages in Spanish.
    expect(await page(rosa, `/messages/${id}`)).toContain("[es] Maya did well today.");
    // And back on.
    await teacher.post("/teacher/settings/translation", { translateMessages: "on" }, { headers: EN });
    expect(await page(teacher, `/teacher/messages/${id}`)).toContain("[en] Gracias.");
  });

  it("the setting refuses anything but on or off (422, in the page's language)", async () => {
    const { teacher } = await scene();
    const res = await teacher.post("/teacher/settings/translation", { translateMessages: "maybe" }, { headers: EN });
    expect(res.status).toBe(422);
    expect(await pageText(res)).toContain("Choose whether translation is on or off.");
  });
});

describe("when translation fails, the original is shown with a note, and a read after a short pause tries again", () => {
  const NOTE = "No pudimos traducir este mensaje en este momento";

  it("the API answering 500", async () => {
    const { id, rosa, api } = await scene({ mode: "500" });
    const html = await page(rosa, `/messages/${id}`);
    expect(html).toMatch(/<p class="msg-body" lang="en">Maya did well today\.<\/p>/);
    expect(html).toContain(NOTE);
    expect(html).not.toContain("Traducido automáticamente");
    // The translator failed when the message was posted: it is paused, so this read did not ask it.
    expect(api.calls.length).toBe(1);
    // Nothing kept: once the pause is over a read asks again, and this time gets it.
    api.mode = "ok";
    expect(await page(rosa, `/messages/${id}`)).toContain(NOTE);
    afterThePause();
    const later = await page(rosa, `/messages/${id}`);
    expect(later).toContain("[es] Maya did well today.");
    expect(later).not.toContain(NOTE);
    // After posting, and the read after the pause.
    expect(api.calls.length).toBe(2);
  });

  it("the API never answering: the page comes after the 5 s timeout, with the original", async () => {
    const { id, rosa, api } = await scene({ mode: "timeout", settle: false });
    const started = Date.now();
    const html = await page(rosa, `/messages/${id}`);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(4_900);
    expect(waited).toBeLessThan(9_000);
    expect(html).toContain("Maya did well today.");
    expect(html).toContain(NOTE);
    // The next reader does not wait again: the translator that just timed out is paused.
    const before = api.calls.length;
    const again = Date.now();
    const next = await page(rosa, `/messages/${id}`);
    expect(Date.now() - again).toBeLessThan(1_500);
    expect(next).toContain(NOTE);
    expect(api.calls.length).toBe(before);
  }, 20_000);

  it("a language the translator refuses (Hmong): the original with the note (in the page's language)", async () => {
    const { id, rosa, api } = await scene({ rosaLanguage: "hmn" });
    const res = await rosa.get(`/messages/${id}`);
    expect(res.status).toBe(200);
    const text = await pageText(res);
    expect(api.calls.at(-1)).toMatchObject({ target: "hmn" });
    expect(text).toContain("Maya did well today.");
    // No catalog for Hmong: the page is English, and says so in English.
    expect(text).toContain("This message could not be translated just now");
  });
});

describe("without a translator", () => {
  it("messages are shown as written, and the page says so once", async () => {
    const m = await messageWorld();
    await setLanguage("teachers", m.w.ids.T1, "en");
    await setLanguage("users", m.users.rosa.id, "es");
    const api = standInTranslator();
    const teacher = await browser("teacher", m.w.ids.T1, env);
    const id = await startThread(teacher, m.w.ids.S1, m.users.rosa.id, "One");
    await teacher.post(`/teacher/messages/${id}`, { body: "Two" });
    const rosa = await browser("parent", m.users.rosa.id, env);
    const html = await page(rosa, `/messages/${id}`);
    expect(html.split("Los mensajes se muestran tal como se escribieron").length - 1).toBe(1);
    expect(html).not.toContain("Traducido automáticamente");
    expect(api.calls).toEqual([]);
  });
});

describe("a broadcast to a section", () => {
  it("is translated once per family language right after sending, and reaches each family in theirs", async () => {
    const m = await messageWorld();
    await setLanguage("teachers", m.w.ids.T1, "en");
    // Rosa and Tom (both Maya's guardians, each in their own thread) read Spanish, Kim Vietnamese.
    await setLanguage("users", m.users.rosa.id, "es");
    await setLanguage("users", m.users.tom.id, "es-MX");
    await setLanguage("users", m.users.kim.id, "vi");
    const api = standInTranslator();
    const bindings = withTranslator();
    const teacher = await browser("teacher", m.w.ids.T1, bindings);
    const form = { body: "No school on Friday, Maya and Leo included.", key: newFormKey() };
    const sent = await teacher.post(`/teacher/messages/broadcast/${m.w.ids.SEC1}`, form, { follow: false });
    expect(sent.status).toBe(303);
    await settleBackgroundWork();
    // The same form sent again (a double tap) stores nothing and asks nothing.
    expect((await teacher.post(`/teacher/messages/broadcast/${m.w.ids.SEC1}`, form, { follow: false })).status).toBe(303);
    await settleBackgroundWork();
    // One call per language, not per family; the students' names went as placeholders.
    expect(api.calls.map((c) => `${c.source}->${c.target}`).sort()).toEqual(["en->es", "en->vi"]);
    expect(api.calls[0]!.q).not.toMatch(/Maya|Leo/);
    const threadOf = async (userId: string) =>
      (await env.DB.prepare("SELECT id FROM threads WHERE teacher_id = ? AND guardian_user_id = ?").bind(m.w.ids.T1, userId).first<{ id: string }>())!.id;
    const read = async (userId: string) => page(await browser("parent", userId, bindings), `/messages/${await threadOf(userId)}`);
    expect(await read(m.users.rosa.id)).toContain("[es] No school on Friday, Maya and Leo included.");
    expect(await read(m.users.tom.id)).toContain("[es] No school on Friday, Maya and Leo included.");
    expect(await read(m.users.kim.id)).toContain("[vi] No school on Friday, Maya and Leo included.");
    // Opening them cost nothing more.
    expect(api.calls.length).toBe(2);
  });

  it("a translator down at sending time: each family's first read translates it instead", async () => {
    const m = await messageWorld();
    await setLanguage("teachers", m.w.ids.T1, "en");
    await setLanguage("users", m.users.rosa.id, "es");
    const api = standInTranslator();
    api.mode = "500";
    const bindings = withTranslator();
    const teacher = await browser("teacher", m.w.ids.T1, bindings);
    await teacher.post(`/teacher/messages/broadcast/${m.w.ids.SEC1}`, { body: "No school on Friday." }, { follow: false });
    await settleBackgroundWork();
    api.mode = "ok";
    afterThePause();
    const id = (await env.DB.prepare("SELECT id FROM threads WHERE guardian_user_id = ?").bind(m.users.rosa.id).first<{ id: string }>())!.id;
    expect(await page(await browser("parent", m.users.rosa.id, bindings), `/messages/${id}`)).toContain("[es] No school on Friday.");
  });
});

describe("privacy", () => {
  it("the translator gets the message text only; the audit trail has none of it; a deleted guardian's translations go", async () => {
    const { m, id, rosa, teacher, api } = await scene({ body: "Maya did well today." });
    await rosa.post(`/messages/${id}`, { body: "Gracias por todo." }, { follow: false });
    await page(teacher, `/teacher/messages/${id}`);
    const everything = JSON.stringify(api.calls);
    for (const secret of [m.users.rosa.email, m.users.rosa.id, "Rosa", "Johnson"]) expect(everything).not.toContain(secret);
    const audit = await env.DB.prepare("SELECT * FROM audit_log").all();
    expect(JSON.stringify(audit.results)).not.toMatch(/did well|Gracias/);
    await runInDurableObject(env.MESSAGE_THREAD.getByName(id), async (o) => (o as unknown as { forgetGuardian(): Promise<void> }).forgetGuardian());
    const left = await runInDurableObject(env.MESSAGE_THREAD.getByName(id), (_o, state) => state.storage.sql.exec<{ text: string }>("SELECT text FROM translations").toArray());
    expect(left.map((r) => r.text)).not.toContain("[en] Gracias por todo.");
  });
});

describe("page weight (SPEC 4: a parent page's HTML ≤ 14 KB compressed)", () => {
  /** Words in a fixed pseudo-random order, so a text compresses like prose, not like a repeated string. */
  function prose(length: number, seed: number, words: string[]): string {
    let x = seed;
    let out = "";
    while (out.length < length) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out += `${words[x % words.length]} `;
    }
    return out.slice(0, length).trim();
  }
  const EN_WORDS = "school reading families lunch calendar library math bus routes after care sports music art nurse forms grades homework weather closures supplies".split(" ");
  const ES_WORDS = "escuela lectura familias almuerzo calendario biblioteca matemáticas autobús rutas después cuidado deportes música arte enfermera formularios notas tarea clima cierres útiles".split(" ");

  async function gzipSize(text: string): Promise<number> {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
    return (await new Response(stream).arrayBuffer()).byteLength;
  }

  it("a thread of 20 ordinary teacher messages, each shown translated with its original folded, stays within budget", async () => {
    const { id, rosa, api } = await scene({ body: prose(240, 1, EN_WORDS) });
    // The stand-in's "translation": other words of the same length (compresses like a real one would).
    vi.restoreAllMocks();
    let n = 0;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(API)) return new Response('{"ok":true}', { status: 202 });
      n++;
      return Response.json({ translatedText: prose(260, 1000 + n, ES_WORDS) });
    });
    const row = (await env.DB.prepare("SELECT district_id, teacher_id, guardian_user_id, student_id FROM threads WHERE id = ?").bind(id).first<Record<string, string>>())!;
    const meta = { id, districtId: row.district_id!, teacherId: row.teacher_id!, guardianUserId: row.guardian_user_id!, studentId: row.student_id! };
    for (let i = 2; i <= 20; i++) {
      const r = await env.MESSAGE_THREAD.getByName(id).post(meta, { kind: "teacher", id: meta.teacherId }, "Ana Rivera", prose(240, i, EN_WORDS), null, "en");
      expect(r.ok).toBe(true);
    }
    expect(api.calls.length).toBe(1);
    const html = await page(rosa, `/messages/${id}`);
    expect(html.match(/Traducido automáticamente/g)).toHaveLength(20);
    const size = await gzipSize(html);
    console.info(`thread, 20 translated messages: ${html.length} bytes of HTML, ${size} gzipped`);
    expect(size).toBeLessThanOrEqual(14 * 1024);
  });
});
