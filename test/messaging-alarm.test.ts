import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { unreadNoticeKey } from "../src/messaging/unread-notice";
import { browserAs, indexSettled, messageWorld, startThread, storedMessages } from "./world";

const DELAY_MS = config(env).unreadNotifyAfterMs;
const thread = (id: string) => env.MESSAGE_THREAD.getByName(id);

/** Moves the clock (Date only: the thread object runs in this isolate and reads the same Date). */
function advance(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
}

/** Runs the thread's alarm now if one is set; true when it ran. */
const runAlarm = (id: string) => runDurableObjectAlarm(thread(id));
const alarmAt = (id: string) => runInDurableObject(thread(id), (_o, state) => state.storage.getAlarm());

interface Mail {
  id: string;
  kind: string;
  subject: string;
  body_text: string;
  body_html: string;
  idempotency_key: string;
  status: string;
}
const unreadMail = async (to: string): Promise<Mail[]> =>
  (await env.DB.prepare("SELECT * FROM outbox WHERE to_address = ? AND kind = 'unread_message' ORDER BY created_at, rowid").bind(to).all<Mail>()).results;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the unread-message email", () => {
  it("is sent once, after the delay, to the parent, with who wrote, which child and a link, never the text; the alarm running twice sends one", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    await t1.post("/teacher/settings/name", { displayName: "Ms. Rivera" });
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Secret: Maya's test score is 98");
    const sentAt = Date.now();
    const alarm = await alarmAt(id);
    expect(alarm).not.toBeNull();
    expect(alarm! - sentAt).toBeGreaterThan(DELAY_MS - 5_000);
    expect(alarm! - sentAt).toBeLessThanOrEqual(DELAY_MS);

    // Early: nothing yet, and the alarm stays for later.
    expect(await runAlarm(id)).toBe(true);
    expect(await unreadMail(users.rosa.email)).toEqual([]);
    expect(await alarmAt(id)).not.toBeNull();

    advance(DELAY_MS + 1_000);
    expect(await runAlarm(id)).toBe(true);
    const mail = await unreadMail(users.rosa.email);
    expect(mail.length).toBe(1);
    const [m] = mail;
    expect(m!.subject).toBe("Unread message from Ms. Rivera about Maya");
    expect(m!.body_text).toContain(`Ms. Rivera sent you a message about Maya on Family Portal`);
    expect(m!.body_text).toContain(`${env.PUBLIC_URL}/messages/${id}`);
    expect(m!.body_text).toContain(`${env.PUBLIC_URL}/account`);
    expect(m!.body_text + m!.body_html + m!.subject).not.toContain("98");
    expect(m!.body_html).toContain(`href="${env.PUBLIC_URL}/messages/${id}"`);
    expect(m!.idempotency_key).toBe(unreadNoticeKey(id, "guardian", users.rosa.id, 1));

    // Nothing more is due: no alarm; forcing another run sends nothing.
    expect(await alarmAt(id)).toBeNull();
    await runInDurableObject(thread(id), (_o, state) => state.storage.setAlarm(Date.now()));
    expect(await runAlarm(id)).toBe(true);
    // Even with the object's memory of it wiped, the outbox key keeps it to one.
    await runInDurableObject(thread(id), (_o, state) => state.storage.sql.exec("UPDATE participants SET notified_seq = 0"));
    await runInDurableObject(thread(id), (_o, state) => state.storage.setAlarm(Date.now()));
    expect(await runAlarm(id)).toBe(true);
    expect((await unreadMail(users.rosa.email)).length).toBe(1);
  });

  it("reading within the window sends nothing", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    // Read (and the index written by the alarm): nothing left to wait for.
    await indexSettled(id);
    expect(await alarmAt(id)).toBeNull();
    advance(DELAY_MS + 1_000);
    await runInDurableObject(thread(id), (_o, state) => state.storage.setAlarm(Date.now()));
    expect(await runAlarm(id)).toBe(true);
    expect(await unreadMail(users.rosa.email)).toEqual([]);
  });

  it("with unread-message emails turned off in Account settings, none is sent (read at send time)", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    expect((await rosa.get("/account")).status).toBe(200);
    expect((await rosa.post("/account/notifications", {}, { follow: false })).status).toBe(303);
    advance(DELAY_MS + 1_000);
    expect(await runAlarm(id)).toBe(true);
    expect(await unreadMail(users.rosa.email)).toEqual([]);
    expect(await alarmAt(id)).toBeNull();
  });

  it("a second message in the same unread run: still one email; after reading, a new run: a new email", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "one");
    advance(60_000);
    await t1.post(`/teacher/messages/${id}`, { body: "two" });
    advance(DELAY_MS);
    expect(await runAlarm(id)).toBe(true);
    expect((await unreadMail(users.rosa.email)).length).toBe(1);
    // The second message's own three hours pass: same run, nothing new.
    advance(120_000);
    await runInDurableObject(thread(id), (_o, state) => state.storage.setAlarm(Date.now()));
    await runAlarm(id);
    expect((await unreadMail(users.rosa.email)).length).toBe(1);

    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    await t1.post(`/teacher/messages/${id}`, { body: "three" });
    advance(DELAY_MS + 1_000);
    expect(await runAlarm(id)).toBe(true);
    const mail = await unreadMail(users.rosa.email);
    expect(mail.length).toBe(2);
    expect(mail.map((m) => m.idempotency_key)).toEqual([unreadNoticeKey(id, "guardian", users.rosa.id, 1), unreadNoticeKey(id, "guardian", users.rosa.id, 3)]);
  });

  it("works for teachers receiving a parent's reply: one email to the roster address with a link to the teacher's page", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Hello");
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    await rosa.post(`/messages/${id}`, { body: "Private family matter" });
    advance(DELAY_MS + 1_000);
    expect(await runAlarm(id)).toBe(true);
    const mail = await unreadMail(w.emails.t1);
    expect(mail.length).toBe(1);
    expect(mail[0]!.subject).toBe("Unread message from Rosa Johnson about Maya Johnson");
    expect(mail[0]!.body_text).toContain(`${env.PUBLIC_URL}/teacher/messages/${id}`);
    expect(mail[0]!.body_text).toContain(`${env.PUBLIC_URL}/teacher/settings`);
    expect(mail[0]!.body_text).not.toContain("Private family matter");
    expect(await unreadMail(users.rosa.email)).toEqual([]);

    // A teacher who turned these emails off gets none for the next run.
    await t1.get(`/teacher/messages/${id}`);
    await t1.post("/teacher/settings/notifications", { notifyUnread: "off" });
    await rosa.post(`/messages/${id}`, { body: "Again" });
    advance(DELAY_MS + 1_000);
    expect(await runAlarm(id)).toBe(true);
    expect((await unreadMail(w.emails.t1)).length).toBe(1);
  });

  it("the mail API failing then recovering: one outbox row, delivered once (the outbox retries)", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    let apiUp = false;
    const calls: string[] = [];
    let accepted = 0;
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const body = JSON.parse(String(init?.body ?? "{}")) as { to?: string[] };
      if (body.to?.[0] !== users.rosa.email) return new Response("{}", { status: 202 });
      calls.push(new Headers(init?.headers).get("idempotency-key") ?? "");
      if (!apiUp) return new Response("down", { status: 503 });
      accepted++;
      return new Response("{}", { status: 202 });
    });
    advance(DELAY_MS + 1_000);
    expect(await runAlarm(id)).toBe(true);
    const [row] = await unreadMail(users.rosa.email);
    expect(row?.status).toBe("pending");

    const outbox = env.OUTBOX.getByName("global");
    const deliver = async () => {
      await runInDurableObject(outbox, (_o, state) => state.storage.setAlarm(Date.now()));
      await runDurableObjectAlarm(outbox);
    };
    await deliver();
    let after = (await unreadMail(users.rosa.email))[0]!;
    expect(after.status).toBe("pending");
    expect(calls.length).toBeGreaterThanOrEqual(1);

    // The thread's alarm running again meanwhile stores nothing new.
    await runInDurableObject(thread(id), (_o, state) => state.storage.setAlarm(Date.now()));
    await runAlarm(id);

    apiUp = true;
    await env.DB.prepare("UPDATE outbox SET next_attempt_at = ? WHERE id = ?").bind(Date.now(), after.id).run();
    await deliver();
    const mail = await unreadMail(users.rosa.email);
    expect(mail.length).toBe(1);
    after = mail[0]!;
    expect(after.status).toBe("sent");
    // Every try carried the run's key; exactly one was accepted.
    expect(new Set(calls)).toEqual(new Set([unreadNoticeKey(id, "guardian", users.rosa.id, 1)]));
    expect(fetchSpy).toHaveBeenCalled();
    expect(accepted).toBe(1);
    await deliver();
    expect(accepted).toBe(1);
    expect((await unreadMail(users.rosa.email))[0]!.status).toBe("sent");
  });

  it("the alarm is rebuilt from stored state: deleting it and posting again still leads to the email", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    await runInDurableObject(thread(id), (_o, state) => state.storage.deleteAlarm());
    advance(10_000);
    await t1.post(`/teacher/messages/${id}`, { body: "follow-up" });
    // The alarm is due from the FIRST unread message, not the latest.
    const at = await alarmAt(id);
    expect(at).not.toBeNull();
    expect(at! - Date.now()).toBeLessThanOrEqual(DELAY_MS - 10_000 + 50);
    advance(DELAY_MS);
    expect(await runAlarm(id)).toBe(true);
    expect((await unreadMail(users.rosa.email)).map((m) => m.idempotency_key)).toEqual([unreadNoticeKey(id, "guardian", users.rosa.id, 1)]);
    expect((await storedMessages(id)).length).toBe(2);
  });
});
