import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { getDb } from "../src/db/client";
import { outbox } from "../src/db/schema";
import { deliverDue, deliveryConfig } from "../src/outbox/deliver";
import { outboxRow } from "../src/outbox/enqueue";
import type { FetchFn } from "../src/outbox/send";
import { browserAs, countRows, inboundText, messageWorld, startThread, textsOn, textsTo, uniquePhone } from "./world";

const DELAY_MS = config(env).unreadNotifyAfterMs;

afterEach(() => vi.useRealTimers());

function advance(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
}

/** The teacher writes, the delay passes, the alarm runs: the unread notices (if any) are written. */
async function unreadRun(t1: Awaited<ReturnType<typeof browserAs>>, threadId: string, body: string) {
  expect((await t1.post(`/teacher/messages/${threadId}`, { body }, { follow: false })).status).toBe(303);
  advance(DELAY_MS + 1_000);
  await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(threadId));
}

describe("STOP, START and HELP", () => {
  it("STOP stops the next notice and confirms; START resumes it", async () => {
    const { w, users } = await messageWorld();
    const phone = await textsOn(users.rosa.id);
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "First message");
    advance(DELAY_MS + 1_000);
    await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(id));
    expect((await textsTo(phone, "unread_message")).length).toBe(1);

    expect((await inboundText({ From: phone, Body: "Stop" })).status).toBe(200);
    const [confirm] = await textsTo(phone, "sms_stopped");
    expect(confirm!.body_text).toContain("START");
    expect(await countRows("sms_opt_outs", "phone = ?", phone)).toBe(1);

    // The parent reads the thread (a new unread run can start), then the teacher writes again.
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    await unreadRun(t1, id, "Second message");
    expect((await textsTo(phone, "unread_message")).length).toBe(1);

    expect((await inboundText({ From: phone, Body: "START" })).status).toBe(200);
    expect((await textsTo(phone, "sms_started")).length).toBe(1);
    expect(await countRows("sms_opt_outs", "phone = ?", phone)).toBe(0);
    await rosa.get(`/messages/${id}`);
    await unreadRun(t1, id, "Third message");
    expect((await textsTo(phone, "unread_message")).length).toBe(2);
  });

  it("ALTO answers in Spanish, AYUDA explains how to stop, from any number", async () => {
    const phone = uniquePhone();
    await inboundText({ From: phone, Body: "alto" });
    expect((await textsTo(phone, "sms_stopped"))[0]!.body_text).toContain("ya no le enviaremos");
    await inboundText({ From: phone, Body: "AYUDA" });
    expect((await textsTo(phone, "sms_help"))[0]!.body_text).toContain("ALTO");
  });

  it("the outbox sends no text of any kind to a stopped number (an invitation included), but the STOP confirmation", async () => {
    const db = getDb(env.DB);
    const phone = uniquePhone();
    await inboundText({ From: phone, Body: "STOP" });
    const invitation = outboxRow({ kind: "invitation", channel: "sms", to: phone, text: "Join: http://127.0.0.1:8787/i/abc" });
    await db.insert(outbox).values(invitation);
    const calls: string[] = [];
    const fetchFn: FetchFn = async (_url, init) => {
      calls.push(String(init.body));
      return new Response("{}", { status: 202 });
    };
    await deliverDue(db, deliveryConfig(env), fetchFn, Date.now() + 1_000);
    const rows = await textsTo(phone);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ["sms_stopped", "sent"],
      ["invitation", "stopped"],
    ]);
    const toThisNumber = calls.filter((c) => c.includes(phone));
    expect(toThisNumber.length).toBe(1);
    expect(toThisNumber[0]).toContain("START");
  });
});
