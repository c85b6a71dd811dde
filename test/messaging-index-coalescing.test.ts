// The D1 threads index is written by the thread's object from its alarm, off the posting path:
// a quiet thread's row follows at once, a busy thread's gets one write of its newest state per
// window (src/messaging/thread-object.ts, INDEX_WINDOW_MS). D1 itself counts the writes here: a
// trigger logs every change of a threads row's index_version, and can be told to refuse them.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { INDEX_WINDOW_MS } from "../src/messaging/thread-object";
import { browserAs, indexSettled, messageWorld, startThread, storedMessages } from "./world";

const thread = (id: string) => env.MESSAGE_THREAD.getByName(id);
const alarmAt = (id: string) => runInDurableObject(thread(id), (_o, state) => state.storage.getAlarm());
const objectState = (id: string) =>
  runInDurableObject(thread(id), (_o, state) =>
    state.storage.sql.exec<{ version: number; synced_version: number; index_attempt_at: number }>("SELECT version, synced_version, index_attempt_at FROM thread").one(),
  );

/** The row as D1 has it now, without waiting for the object (unlike world's threadRow). */
const rowNow = (id: string) =>
  env.DB.prepare("SELECT index_version, last_sender_kind, last_preview, teacher_unread, guardian_unread FROM threads WHERE id = ?").bind(id).first<{
    index_version: number;
    last_sender_kind: string | null;
    last_preview: string | null;
    teacher_unread: number;
    guardian_unread: number;
  }>();

/** Index writes D1 took for this thread (each UPDATE that changed index_version). */
const writesTo = async (id: string) => (await env.DB.prepare("SELECT count(*) AS n FROM test_index_writes WHERE thread_id = ?").bind(id).first<{ n: number }>())?.n ?? 0;
const refuseIndexWrites = (on: boolean) => env.DB.prepare("UPDATE test_index_refuse SET on_ = ?").bind(on ? 1 : 0).run();

beforeEach(async () => {
  await env.DB.batch([
    env.DB.prepare("CREATE TABLE IF NOT EXISTS test_index_writes (thread_id TEXT NOT NULL, version INTEGER NOT NULL)"),
    env.DB.prepare("CREATE TABLE IF NOT EXISTS test_index_refuse (on_ INTEGER NOT NULL)"),
    env.DB.prepare("DELETE FROM test_index_refuse"),
    env.DB.prepare("INSERT INTO test_index_refuse (on_) VALUES (0)"),
    env.DB.prepare(
      "CREATE TRIGGER IF NOT EXISTS test_index_refused BEFORE UPDATE OF index_version ON threads WHEN (SELECT on_ FROM test_index_refuse) = 1 BEGIN SELECT RAISE(ABORT, 'test: index write refused'); END",
    ),
    env.DB.prepare(
      "CREATE TRIGGER IF NOT EXISTS test_index_logged AFTER UPDATE OF index_version ON threads WHEN new.index_version <> old.index_version BEGIN INSERT INTO test_index_writes VALUES (new.id, new.index_version); END",
    ),
  ]);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Freezes the clock an hour ahead: the object's alarms are then due an hour from now on the runtime's clock, so only the test runs them. */
function freezeAhead(): number {
  const at = Date.now() + 3600_000;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  return at;
}

const navText = async (res: Response) => ((await res.text()).match(/<nav aria-label="Main">[\s\S]*?<\/nav>/)?.[0] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const move = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe("the threads index, written by the thread object", () => {
  it("a new thread is in the index when the teacher's post returns; in a quiet thread a reply's row follows on its own at once", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const rosa = await browserAs("parent", users.rosa.id);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Picture day is Tuesday");
    // The first message's row is what shows the thread to the family at all: written before the post returns.
    expect(await rowNow(id)).toMatchObject({ index_version: 1, last_sender_kind: "teacher", last_preview: "Picture day is Tuesday", guardian_unread: 1 });
    expect(await writesTo(id)).toBe(1);

    // A window later the thread is quiet: Rosa's reply is due to be written now, and the runtime does it unasked.
    await new Promise((r) => setTimeout(r, INDEX_WINDOW_MS + 100));
    expect((await rosa.post(`/messages/${id}`, { body: "Thanks, we will be there" }, { follow: false })).status).toBe(303);
    // Due at once, not at a window's end: still set for now, running (none set meanwhile), or already
    // run (then the row is written and the next alarm is the teacher's unread email, hours away).
    const due = await alarmAt(id);
    const written = (await rowNow(id))?.index_version === 2;
    expect(written || due === null || due <= Date.now()).toBe(true);
    let row = await rowNow(id);
    for (let i = 0; i < 500 && row?.index_version === 1; i++) {
      await new Promise((r) => setTimeout(r, 10));
      row = await rowNow(id);
    }
    expect(row).toMatchObject({ index_version: 2, last_sender_kind: "guardian", last_preview: "Thanks, we will be there", guardian_unread: 0, teacher_unread: 1 });
    expect(await writesTo(id)).toBe(2);
  });

  it("20 form posts from both sides within one window cost D1 no write until the window ends, then ONE write of the newest state", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const rosa = await browserAs("parent", users.rosa.id);
    freezeAhead();
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Welcome to Room 5");
    await indexSettled(id);
    expect(await writesTo(id)).toBe(1);
    const written = await rowNow(id);
    const { index_attempt_at: lastWrite } = await objectState(id);

    // 9 more from the teacher (the first counted toward the limit) and 10 from Rosa, all at once, through the pages.
    const posts = await Promise.all([
      ...Array.from({ length: 9 }, (_, i) => t1.post(`/teacher/messages/${id}`, { body: `teacher ${i}` }, { follow: false })),
      ...Array.from({ length: 10 }, (_, i) => rosa.post(`/messages/${id}`, { body: `rosa ${i}` }, { follow: false })),
    ]);
    expect(posts.map((r) => r.status)).toEqual(Array(19).fill(303));
    expect((await storedMessages(id)).length).toBe(20);
    // Nothing reached D1's index: the row is the one written before, and the alarm waits for the window's end.
    expect(await writesTo(id)).toBe(1);
    expect(await rowNow(id)).toEqual(written);
    expect(await alarmAt(id)).toBe(lastWrite + INDEX_WINDOW_MS);

    move(INDEX_WINDOW_MS);
    expect(await runDurableObjectAlarm(thread(id))).toBe(true);
    expect(await writesTo(id)).toBe(2);
    const last = (await storedMessages(id)).at(-1)!;
    const { version, synced_version } = await objectState(id);
    expect(synced_version).toBe(version);
    const row = await rowNow(id);
    expect(row).toMatchObject({ index_version: version, last_sender_kind: last.sender_kind, last_preview: last.body });
    // Each side's unread count: the other side's messages after the last one it wrote (writing reads everything before).
    const stored = await storedMessages(id);
    const unreadFor = (kind: string) => {
      const lastOwn = stored.findLast((m) => m.sender_kind === kind)?.seq ?? 0;
      return stored.filter((m) => m.seq > lastOwn && m.sender_kind !== kind).length;
    };
    expect(row).toMatchObject({ teacher_unread: unreadFor("teacher"), guardian_unread: unreadFor("guardian") });
    // Nothing more owed: no alarm for the index (the unread email's, three hours out, may stay).
    const next = await alarmAt(id);
    expect(next === null || next > Date.now() + 60_000).toBe(true);
  });

  it("a failed index write is not lost: the alarm tries again later and then writes the newest state", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const rosa = await browserAs("parent", users.rosa.id);
    freezeAhead();
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Field trip form due Friday");
    await indexSettled(id);
    // D1 refuses index writes from here on (as if it were unreachable).
    await refuseIndexWrites(true);
    move(INDEX_WINDOW_MS);
    expect((await rosa.post(`/messages/${id}`, { body: "Signed it, thanks!" }, { follow: false })).status).toBe(303);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await runDurableObjectAlarm(thread(id))).toBe(true);
    expect(errors).toHaveBeenCalledWith("message thread: index write failed", id, expect.anything());
    expect(await rowNow(id)).toMatchObject({ index_version: 1, last_sender_kind: "teacher", last_preview: "Field trip form due Friday" });
    // Tried again in 30 s (not at once, not never), and the state is still owed.
    expect(await alarmAt(id)).toBe(Date.now() + 30_000);
    expect(await objectState(id)).toMatchObject({ version: 2, synced_version: 1 });

    // The teacher reads meanwhile: still owed, and the retry writes that too.
    move(INDEX_WINDOW_MS);
    expect((await t1.get(`/teacher/messages/${id}`)).status).toBe(200);
    expect(await runDurableObjectAlarm(thread(id))).toBe(true);
    expect(await alarmAt(id)).toBe(Date.now() + 30_000);
    await refuseIndexWrites(false);
    move(30_000);
    expect(await runDurableObjectAlarm(thread(id))).toBe(true);
    expect(await rowNow(id)).toMatchObject({ index_version: 3, last_sender_kind: "guardian", last_preview: "Signed it, thanks!", teacher_unread: 0, guardian_unread: 0 });
    expect(await writesTo(id)).toBe(2);
    expect(await alarmAt(id)).toBeNull();
  });

  it("reading clears the unread count the same way: once the alarm ran, the list and the nav say nothing is unread", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const rosa = await browserAs("parent", users.rosa.id);
    freezeAhead();
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "one");
    await indexSettled(id);
    expect((await t1.post(`/teacher/messages/${id}`, { body: "two" }, { follow: false })).status).toBe(303);
    expect((await rosa.get(`/messages/${id}`)).status).toBe(200);
    // Within the window: D1 still has the state before the second message and the reading.
    expect(await rowNow(id)).toMatchObject({ guardian_unread: 1, last_preview: "one" });
    expect(await navText(await rosa.get("/"))).toContain("Messages 1 unread conversation");
    move(INDEX_WINDOW_MS);
    expect(await runDurableObjectAlarm(thread(id))).toBe(true);
    expect(await rowNow(id)).toMatchObject({ guardian_unread: 0, last_preview: "two" });
    expect(await writesTo(id)).toBe(2);
    const list = await (await rosa.get("/messages")).text();
    expect(list).toContain("<p class=\"thread-preview\">two</p>");
    expect(list).not.toContain("1 new");
    expect(await navText(await rosa.get("/"))).toMatch(/Messages Ideas/);
  });
});
