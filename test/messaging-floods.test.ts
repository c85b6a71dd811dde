// Finding 9 (floods and duplicates) and finding 11 (bidi controls) for messages, and the page a
// parent gets when the teacher switched Messages off.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../src/auth/rate-limiter";
import { Browser, browserAs, insertGuardianship, messageWorld, pageText, startThread, storedMessages } from "./world";

/** The one-time key the page's message form carries. */
async function formKey(b: Browser, path: string): Promise<string> {
  const html = await (await b.get(path)).text();
  const key = html.match(/<input type="hidden" name="key" value="([A-Za-z0-9_-]{16,64})"/)?.[1];
  if (!key) throw new Error(`no one-time key in the form of ${path}`);
  return key;
}

const textareaOf = (html: string) => html.match(/<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/)?.[1] ?? null;

describe("floods", () => {
  it("40 posts in quick succession from one parent: 10 stored, the 11th and later answer 429 with the draft kept and when to try again", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    const answers: Response[] = [];
    for (let i = 1; i <= 40; i++) answers.push(await rosa.post(`/messages/${id}`, { body: `Message number ${i}` }, { follow: false }));
    expect(answers.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(303));
    expect(answers.slice(10).every((r) => r.status === 429)).toBe(true);

    const eleventh = answers[10]!;
    const retryAfter = Number(eleventh.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const html = await eleventh.text();
    expect(textareaOf(html)).toBe("Message number 11");
    const text = await pageText(new Response(html));
    expect(text).toContain("You've sent a lot of messages in a short time");
    expect(text).toMatch(/try again in (\d+ seconds|a minute)/);
    expect(text).toContain("Ana Rivera"); // still the thread page

    const guardianBodies = (await storedMessages(id)).filter((m) => m.sender_kind === "guardian").map((m) => m.body);
    expect(guardianBodies).toEqual(Array.from({ length: 10 }, (_, i) => `Message number ${i + 1}`));
  });

  it("a burst of 40 at once stores at most 10", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.tom.id);
    const tom = await browserAs("parent", users.tom.id, `/messages/${id}`);
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => tom.post(`/messages/${id}`, { body: `burst ${i}` }, { follow: false }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 303).length).toBe(10);
    expect(statuses.filter((s) => s === 429).length).toBe(30);
    expect((await storedMessages(id)).filter((m) => m.sender_kind === "guardian").length).toBe(10);
  });

  it("teachers are limited too, and a broadcast counts once however many families it reaches", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const bc = await t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "Field trip on Friday" }, { follow: false });
    expect([bc.status, bc.headers.get("location")]).toEqual([303, "/teacher/messages?sent=3&failed=0"]);
    const threads = [...(await (await t1.get("/teacher/messages")).text()).matchAll(/\/teacher\/messages\/(thr_[a-z2-7]{16})/g)].map((m) => m[1]!);
    const id = threads[0]!;
    // 1 broadcast + 9 replies = 10 a minute; the 11th is refused.
    for (let i = 0; i < 9; i++) expect((await t1.post(`/teacher/messages/${id}`, { body: `reply ${i}` }, { follow: false })).status).toBe(303);
    const refused = await t1.post(`/teacher/messages/${id}`, { body: "one too many" });
    expect(refused.status).toBe(429);
    expect(textareaOf(await refused.text())).toBe("one too many");
    const again = await t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "Another broadcast" });
    expect(again.status).toBe(429);
    expect(textareaOf(await again.text())).toBe("Another broadcast");
    const start = await t1.post("/teacher/messages/new", { student: w.ids.S2, guardian: users.kim.id, body: "Hello Kim" });
    expect(start.status).toBe(429);
    expect(start.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await storedMessages(id)).length).toBe(10);
  });

  it("the limits are 10 a minute and 200 a day per sender; the day's limit says when", async () => {
    expect(LIMITS.messagePostsPerMinute).toEqual({ limit: 10, windowMs: 60_000 });
    expect(LIMITS.messagePostsPerDay).toEqual({ limit: 200, windowMs: 86_400_000 });
    const limiter = env.RATE_LIMITER.getByName("messages-day-check");
    const rules = [LIMITS.messagePostsPerMinute, LIMITS.messagePostsPerDay];
    // 200 posts spread over the last 20 hours: under the minute's limit, at the day's.
    const now = Date.now();
    await runInDurableObject(limiter, (_o, state) => state.storage.put("hits", Array.from({ length: 200 }, (_, i) => now - 20 * 3_600_000 + i * 60_000)));
    const verdict = await limiter.take(rules);
    expect(verdict.allowed).toBe(false);
    // The oldest of the 200 leaves the day's window in about 4 hours.
    expect(verdict.retryAfter).toBeGreaterThan(4 * 3600 - 120);
    expect(verdict.retryAfter).toBeLessThanOrEqual(4 * 3600);
    expect((await runInDurableObject(limiter, (_o, state) => state.storage.get<number[]>("hits")))?.length).toBe(200);
  });
});

describe("duplicates", () => {
  it("every message form carries a one-time key; the same reply form sent twice stores one message", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    const key = await formKey(rosa, `/messages/${id}`);
    const first = await rosa.post(`/messages/${id}`, { key, body: "See you Friday" }, { follow: false });
    const second = await rosa.post(`/messages/${id}`, { key, body: "See you Friday" }, { follow: false });
    expect([first.status, first.headers.get("location")]).toEqual([303, `/messages/${id}#reply`]);
    expect([second.status, second.headers.get("location")]).toEqual([303, `/messages/${id}#reply`]);
    // The next page has a new key, so the next message is a new one.
    const next = await formKey(rosa, `/messages/${id}`);
    expect(next).not.toBe(key);
    expect((await rosa.post(`/messages/${id}`, { key: next, body: "See you Friday" }, { follow: false })).status).toBe(303);
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Hello from school!", "See you Friday", "See you Friday"]);

    // The teacher's reply form too.
    const tkey = await formKey(t1, `/teacher/messages/${id}`);
    for (let i = 0; i < 2; i++) expect((await t1.post(`/teacher/messages/${id}`, { key: tkey, body: "Great" }, { follow: false })).headers.get("location")).toBe(`/teacher/messages/${id}#reply`);
    expect((await storedMessages(id)).length).toBe(4);
    // A key that is not ours is refused with the draft kept.
    const bad = await rosa.post(`/messages/${id}`, { key: "<nope>", body: "Odd key" });
    expect(bad.status).toBe(422);
    expect(textareaOf(await bad.text())).toBe("Odd key");
    expect((await storedMessages(id)).length).toBe(4);
  });

  it("a repeat of a form that went through is answered as the first even when the sender is now over the limit", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    for (let i = 0; i < 9; i++) expect((await rosa.post(`/messages/${id}`, { body: `note ${i}` }, { follow: false })).status).toBe(303);
    const key = await formKey(rosa, `/messages/${id}`);
    expect((await rosa.post(`/messages/${id}`, { key, body: "The tenth" }, { follow: false })).status).toBe(303);
    const repeat = await rosa.post(`/messages/${id}`, { key, body: "The tenth" }, { follow: false });
    expect([repeat.status, repeat.headers.get("location")]).toEqual([303, `/messages/${id}#reply`]);
    expect((await rosa.post(`/messages/${id}`, { key: await formKey(rosa, `/messages/${id}`), body: "Eleventh" }, { follow: false })).status).toBe(429);
    expect((await storedMessages(id)).filter((m) => m.body === "The tenth").length).toBe(1);
    expect((await storedMessages(id)).length).toBe(11);
  });

  it("the same new-conversation form twice: one thread, one message", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const key = await formKey(t1, `/teacher/messages/new?student=${w.ids.S2}&guardian=${users.kim.id}`);
    const a = await t1.post("/teacher/messages/new", { key, student: w.ids.S2, guardian: users.kim.id, body: "Welcome, Kim" }, { follow: false });
    const b = await t1.post("/teacher/messages/new", { key, student: w.ids.S2, guardian: users.kim.id, body: "Welcome, Kim" }, { follow: false });
    expect(a.status).toBe(303);
    expect(b.headers.get("location")).toBe(a.headers.get("location"));
    const id = a.headers.get("location")!.match(/thr_[a-z2-7]{16}/)![0];
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Welcome, Kim"]);
  });

  it("the same broadcast form twice (double tap, retry on a slow network) arrives once in every family's thread", async () => {
    const { w, users } = await messageWorld();
    await insertGuardianship(w.district.id, users.tom.id, w.ids.S2);
    const t1 = await browserAs("teacher", w.ids.T1);
    const key = await formKey(t1, `/teacher/messages/broadcast/${w.ids.SEC1}`);
    const [a, b] = await Promise.all([
      t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { key, body: "Picture day is Tuesday" }, { follow: false }),
      t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { key, body: "Picture day is Tuesday" }, { follow: false }),
    ]);
    expect(a!.headers.get("location")).toBe("/teacher/messages?sent=4&failed=0");
    expect(b!.headers.get("location")).toBe("/teacher/messages?sent=4&failed=0");
    const c = await t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { key, body: "Picture day is Tuesday" }, { follow: false });
    expect(c.headers.get("location")).toBe("/teacher/messages?sent=4&failed=0");
    const ids = [...new Set([...(await (await t1.get("/teacher/messages")).text()).matchAll(/\/teacher\/messages\/(thr_[a-z2-7]{16})/g)].map((m) => m[1]!))];
    expect(ids.length).toBe(4);
    for (const id of ids) expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Picture day is Tuesday"]);
  });
});

describe("bidirectional controls in messages", () => {
  it("a body with U+202E is stored and shown without it, links included; older stored messages are shown without it too", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Homework: https://school.example.org/\u202Egpj.exe \u2066see\u2069 it");
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Homework: https://school.example.org/gpj.exe see it"]);
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    expect((await rosa.post(`/messages/${id}`, { body: "Thanks \u202Eenod\u202C!" }, { follow: false })).status).toBe(303);
    expect((await storedMessages(id)).at(-1)?.body).toBe("Thanks enod!");

    // A message stored before this rule (written straight into the object's storage).
    await runInDurableObject(env.MESSAGE_THREAD.getByName(id), (_o, state) => {
      state.storage.sql.exec(
        "INSERT INTO messages (seq, sender_kind, sender_id, sender_name, body, created_at) VALUES (3, 'teacher', ?, 'Ana \u202ERivera', ?, ?)",
        w.ids.T1,
        "Old: https://school.example.org/\u202Efdp.exe",
        Date.now(),
      );
    });
    for (const [b, path] of [[rosa, `/messages/${id}`], [t1, `/teacher/messages/${id}`]] as const) {
      const html = await (await b.get(path)).text();
      expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(html).toContain('<a href="https://school.example.org/fdp.exe"');
      expect(html).toContain("https://school.example.org/fdp.exe<span");
    }
    const poll = await rosa.request(`/messages/${id}/since/2`, { headers: { "hx-request": "true" } });
    expect(poll.status).toBe(200);
    expect(await poll.text()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

describe("when the teacher has switched Messages off", () => {
  it("a parent's reply is refused with 403, nothing stored, and what they wrote is still on the page", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    const key = await formKey(rosa, `/messages/${id}`);
    await t1.post("/teacher/settings/messages", { messagesEnabled: "off" });
    const res = await rosa.post(`/messages/${id}`, { key, body: "Can we meet on Monday?" });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Can we meet on Monday?");
    expect(await pageText(new Response(html))).toContain("Ana Rivera has turned off Messages for now");
    expect((await storedMessages(id)).length).toBe(1);
    // Switched on again: the same form goes through.
    await t1.post("/teacher/settings/messages", { messagesEnabled: "on" });
    expect((await rosa.post(`/messages/${id}`, { key, body: "Can we meet on Monday?" }, { follow: false })).status).toBe(303);
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Hello from school!", "Can we meet on Monday?"]);
  });
});
