import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../src/db/client";
import { writeIndex } from "../src/messaging/index-sync";
import { ensureThreads } from "../src/messaging/start";
import type { ThreadMeta } from "../src/messaging/types";
import { indexSettled, messageWorld, storedMessages, threadRow } from "./world";

/** A thread row in the index for Rosa and Maya, with no message yet. */
async function freshThread(): Promise<{ meta: ThreadMeta; rosa: string; tom: string }> {
  const { w, users } = await messageWorld();
  const [meta] = await ensureThreads(getDb(env.DB), { id: w.ids.T1, districtId: w.district.id }, [
    { studentId: w.ids.S1, studentFirstName: "Maya", studentLastName: "Johnson", guardianUserId: users.rosa.id, guardianName: "Rosa Johnson" },
  ], Date.now());
  return { meta: meta!, rosa: users.rosa.id, tom: users.tom.id };
}

const stub = (id: string) => env.MESSAGE_THREAD.getByName(id);

afterEach(() => {
  vi.useRealTimers();
});

describe("the thread object", () => {
  it("teachers write first: a guardian cannot bring a thread into being, and only the two participants can write or read", async () => {
    const { meta, rosa, tom } = await freshThread();
    const s = stub(meta.id);
    expect(await s.post(meta, { kind: "guardian", id: rosa }, "Rosa", "Hi")).toEqual({ ok: false, reason: "not_participant" });
    expect(await storedMessages(meta.id)).toEqual([]);
    expect(await s.post(meta, { kind: "teacher", id: meta.teacherId }, "Ana", "Hello")).toMatchObject({ ok: true, seq: 1 });
    expect(await s.post(meta, { kind: "guardian", id: tom }, "Tom", "Me too")).toEqual({ ok: false, reason: "not_participant" });
    expect(await s.post({ ...meta, guardianUserId: tom }, { kind: "guardian", id: tom }, "Tom", "Me too")).toEqual({ ok: false, reason: "not_participant" });
    expect(await s.list({ kind: "guardian", id: tom }, { limit: 10, markRead: true })).toBeNull();
    expect(await s.list({ kind: "teacher", id: "tch_other" }, { limit: 10, markRead: true })).toBeNull();
    expect(await s.markRead({ kind: "guardian", id: tom })).toBe(false);
    // Bodies are checked again here: normal form, within the limit.
    expect(await s.post(meta, { kind: "guardian", id: rosa }, "Rosa", " padded ")).toEqual({ ok: false, reason: "invalid_body" });
    expect(await s.post(meta, { kind: "guardian", id: rosa }, "Rosa", "x".repeat(2001))).toEqual({ ok: false, reason: "invalid_body" });
    expect(await s.post(meta, { kind: "guardian", id: rosa }, "Rosa", "")).toEqual({ ok: false, reason: "invalid_body" });
    expect((await storedMessages(meta.id)).length).toBe(1);
    // An object no thread was ever posted to has nothing for anyone.
    expect(await stub("thr_zzzzzzzzzzzzzzzz").list({ kind: "teacher", id: meta.teacherId }, { limit: 10, markRead: false })).toBeNull();
  });

  it("concurrent posts get distinct, ordered seqs, and the index ends at the newest state", async () => {
    const { meta, rosa } = await freshThread();
    const s = stub(meta.id);
    expect((await s.post(meta, { kind: "teacher", id: meta.teacherId }, "Ana", "start")).ok).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? s.post(meta, { kind: "teacher", id: meta.teacherId }, "Ana", `t${i}`) : s.post(meta, { kind: "guardian", id: rosa }, "Rosa", `g${i}`))),
    );
    const seqs = results.map((r) => (r.ok ? r.seq : -1)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    const stored = await storedMessages(meta.id);
    expect(stored.length).toBe(41);
    // The object's alarm writes the index (src/messaging/thread-object.ts); once it has, it shows the newest state.
    await indexSettled(meta.id);
    const version = await runInDurableObject(s, (_o, state) => state.storage.sql.exec<{ version: number; synced_version: number }>("SELECT version, synced_version FROM thread").one());
    expect(version.synced_version).toBe(version.version);
    const row = await env.DB.prepare("SELECT index_version, last_sender_kind FROM threads WHERE id = ?").bind(meta.id).first<{ index_version: number; last_sender_kind: string }>();
    expect(row?.index_version).toBe(version.version);
    expect(row?.last_sender_kind).toBe(stored.at(-1)?.sender_kind);
  });

  it("an index write from an older state never overwrites a newer one", async () => {
    const { meta } = await freshThread();
    await stub(meta.id).post(meta, { kind: "teacher", id: meta.teacherId }, "Ana", "one");
    await stub(meta.id).post(meta, { kind: "teacher", id: meta.teacherId }, "Ana", "two");
    const now = await threadRow(meta.id);
    await writeIndex(getDb(env.DB), meta.id, { lastMessageAt: 1, lastSenderKind: "guardian", lastPreview: "old", teacherUnread: 7, guardianUnread: 0, version: 1 });
    expect(await threadRow(meta.id)).toEqual(now);
  });

  it("an index write still owed is made by the alarm, from the object's state", async () => {
    const { meta, rosa } = await freshThread();
    const s = stub(meta.id);
    await s.post(meta, { kind: "teacher", id: meta.teacherId }, "Ana", "one");
    await s.post(meta, { kind: "guardian", id: rosa }, "Rosa", "two");
    // As if the last D1 write had failed: the row is stale and the object knows it owes one.
    await env.DB.prepare("UPDATE threads SET teacher_unread = 0, guardian_unread = 5, last_sender_kind = 'teacher', index_version = 0 WHERE id = ?").bind(meta.id).run();
    await runInDurableObject(s, (_o, state) => {
      state.storage.sql.exec("UPDATE thread SET synced_version = 0");
      // Later than now, so the runtime does not run it before we do.
      return state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(s)).toBe(true);
    expect(await threadRow(meta.id)).toMatchObject({ teacher_unread: 1, guardian_unread: 0, last_sender_kind: "guardian" });
  });

  it("a thread remembers the form keys of its newest 500 messages, and clears older ones now and then rather than at every post", async () => {
    const { meta } = await freshThread();
    const s = stub(meta.id);
    const teacher = { kind: "teacher" as const, id: meta.teacherId };
    const key = (i: number) => `key-${String(i).padStart(4, "0")}-${"k".repeat(20)}`;
    for (let i = 1; i <= 560; i++) expect(await s.post(meta, teacher, "Ana", `note ${i}`, key(i))).toMatchObject({ ok: true, seq: i });
    const kept = await runInDurableObject(s, (_o, state) => state.storage.sql.exec<{ n: number; oldest: number }>("SELECT count(*) AS n, min(seq) AS oldest FROM form_keys").one());
    // Cleared at message 550: the keys of messages 51..560 are left.
    expect(kept).toEqual({ n: 510, oldest: 51 });
    // Message 1's key is forgotten: sent again, it stores a new message; message 100's is still a repeat.
    expect(await s.post(meta, teacher, "Ana", "note 1", key(1))).toMatchObject({ ok: true, seq: 561 });
    expect(await s.post(meta, teacher, "Ana", "note 100", key(100))).toMatchObject({ ok: true, seq: 100, repeated: true });
  });

  it("a form key stores its message once, even when sent five times at once, per sender, and is forgotten after a day", async () => {
    const { meta, rosa } = await freshThread();
    const s = stub(meta.id);
    const teacher = { kind: "teacher" as const, id: meta.teacherId };
    const key = "k".repeat(32);
    const results = await Promise.all(Array.from({ length: 5 }, () => s.post(meta, teacher, "Ana", "Picture day", key)));
    expect(results.map((r) => (r.ok ? r.seq : -1))).toEqual([1, 1, 1, 1, 1]);
    expect(results.filter((r) => r.ok && r.repeated).length).toBe(4);
    // The other side's form with the same key is its own form.
    expect(await s.post(meta, { kind: "guardian", id: rosa }, "Rosa", "Thanks", key)).toMatchObject({ ok: true, seq: 2 });
    expect(await s.storedForKey(teacher, key)).toBe(true);
    expect(await s.storedForKey({ kind: "teacher", id: "tch_other" }, key)).toBe(false);
    // A day later the key is forgotten (kept bounded), so the same key stores a new message.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 25 * 3600 * 1000);
    expect(await s.post(meta, teacher, "Ana", "Next week", "n".repeat(32))).toMatchObject({ ok: true, seq: 3 });
    expect(await s.post(meta, teacher, "Ana", "Picture day", key)).toMatchObject({ ok: true, seq: 4 });
    expect((await storedMessages(meta.id)).map((m) => m.body)).toEqual(["Picture day", "Thanks", "Next week", "Picture day"]);
  });
});
