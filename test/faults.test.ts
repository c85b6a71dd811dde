// Faults not covered elsewhere: the thread's unread-email alarm running while D1 refuses its
// write is retried, and the email is queued exactly once when D1 is back. (Mail API outages,
// duplicate deliveries and a failing last batch statement are in outbox-*, idempotency,
// invitations-batch and messaging-alarm tests.)
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { unreadNoticeKey } from "../src/messaging/unread-notice";
import { browserAs, messageWorld, startThread } from "./world";

const DELAY_MS = config(env).unreadNotifyAfterMs;
const thread = (id: string) => env.MESSAGE_THREAD.getByName(id);

afterEach(() => {
  vi.useRealTimers();
});

describe("the thread alarm while D1 is failing", () => {
  it("is retried, and queues one email when the database answers again", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Field trip forms are due Friday.");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + DELAY_MS + 1_000);
    const mails = async () =>
      (await env.DB.prepare("SELECT idempotency_key FROM outbox WHERE to_address = ? AND kind = 'unread_message'").bind(users.rosa.email).all<{ idempotency_key: string }>()).results;

    // The outbox table is unavailable: the alarm's write fails.
    await env.DB.exec("ALTER TABLE outbox RENAME TO outbox_away");
    try {
      await runDurableObjectAlarm(thread(id)).catch(() => true);
    } finally {
      await env.DB.exec("ALTER TABLE outbox_away RENAME TO outbox");
    }
    expect(await mails()).toEqual([]);
    // Still owed: an alarm is set again (by the object, or by the runtime's retry of a failed alarm).
    const retry = await runInDurableObject(thread(id), (_o, state) => state.storage.getAlarm());
    expect(retry).not.toBeNull();

    expect(await runDurableObjectAlarm(thread(id))).toBe(true);
    expect(await mails()).toEqual([{ idempotency_key: unreadNoticeKey(id, "guardian", users.rosa.id, 1) }]);
    // A late duplicate run of the retried alarm sends nothing more.
    await runInDurableObject(thread(id), (_o, state) => state.storage.setAlarm(Date.now()));
    await runDurableObjectAlarm(thread(id));
    expect((await mails()).length).toBe(1);
  });
});
