import { createExecutionContext, createScheduledController, runDurableObjectAlarm, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../src/db/client";
import { outbox, type OutboxRow } from "../src/db/schema";
import { kickOutbox, outboxRow } from "../src/outbox/enqueue";
import worker from "../src/index";

// The Durable Object runs in the test's isolate, so a stub of globalThis.fetch reaches it.
// Responses must be created inside the stub (an I/O object made here cannot cross into the DO).

const db = getDb(env.DB);
const stub = () => env.OUTBOX.getByName("global");
const HOUR = 3_600_000;

let counter = 0;
async function insertMessage(at = Date.now(), channel: "email" | "sms" = "email"): Promise<OutboxRow> {
  const n = ++counter;
  const row = outboxRow(
    channel === "email"
      ? { kind: "invitation", channel, to: `dispatch${n}@example.org`, subject: `Subject ${n}`, text: `Text ${n}`, html: `<p>${n}</p>` }
      : { kind: "invitation", channel, to: `+1555555${String(1000 + n)}`, text: `Text ${n}` },
    at,
  );
  await db.insert(outbox).values(row);
  return row as OutboxRow;
}

async function readRow(id: string): Promise<OutboxRow> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

const getAlarm = () => runInDurableObject(stub(), (_o, state) => state.storage.getAlarm());
const setAlarm = (at: number) => runInDurableObject(stub(), (_o, state) => state.storage.setAlarm(at));

/** Run the dispatcher's alarm now, the way the runtime would (setting one first if none is due). */
async function runAlarm(): Promise<void> {
  await setAlarm(Date.now() + HOUR);
  expect(await runDurableObjectAlarm(stub())).toBe(true);
}

function mockApi(respond: () => Response = () => new Response("{}", { status: 202 })) {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async () => respond());
}

const callHeaders = (spy: ReturnType<typeof mockApi>, i: number) => new Headers(spy.mock.calls[i]?.[1]?.headers);

beforeEach(async () => {
  await env.DB.exec("DELETE FROM outbox");
  await runInDurableObject(stub(), (_o, state) => state.storage.deleteAlarm());
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("OutboxDispatcher alarm", () => {
  it("delivers due email and SMS once, with the right headers and bodies", async () => {
    const mail = await insertMessage();
    const text = await insertMessage(Date.now(), "sms");
    const fetchSpy = mockApi();
    await runAlarm();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    const byUrl = new Map(fetchSpy.mock.calls.map((c, i) => [String(c[0]), { init: c[1], headers: callHeaders(fetchSpy, i) }]));
    const m = byUrl.get("http://mail.test/send");
    expect(m?.headers.get("authorization")).toBe("Bearer test-mail-key");
    expect(m?.headers.get("idempotency-key")).toBe(mail.idempotencyKey);
    expect(JSON.parse(String(m?.init?.body))).toEqual({
      from: "Family Portal <no-reply@family.test>",
      to: [mail.toAddress],
      subject: mail.subject,
      text: mail.bodyText,
      html: mail.bodyHtml,
    });
    const s = byUrl.get("http://sms.test/send");
    expect(s?.headers.get("authorization")).toBe("Bearer test-sms-key");
    expect(s?.headers.get("idempotency-key")).toBe(text.idempotencyKey);
    expect(JSON.parse(String(s?.init?.body))).toEqual({ to: text.toAddress, body: text.bodyText });
    expect((await readRow(mail.id)).status).toBe("sent");
    expect((await readRow(text.id)).status).toBe("sent");
    // Nothing else pending: no alarm left.
    expect(await getAlarm()).toBeNull();
  });

  it("running the alarm twice sends nothing twice", async () => {
    const row = await insertMessage();
    const fetchSpy = mockApi();
    await runAlarm();
    await runAlarm();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(await readRow(row.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("does not throw when the mail API fails, and wakes up for the retry", async () => {
    const row = await insertMessage();
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async () => {
      throw new TypeError("Network connection lost.");
    });
    await runAlarm();
    const after = await readRow(row.id);
    expect(after).toMatchObject({ status: "pending", attempts: 1, lastError: "network error: Network connection lost." });
    expect(await getAlarm()).toBe(after.nextAttemptAt);

    // The API recovers; the retry alarm delivers exactly once more, with the same key.
    fetchSpy.mockImplementation(async () => new Response("{}"));
    await env.DB.prepare("UPDATE outbox SET next_attempt_at = ? WHERE id = ?").bind(Date.now(), row.id).run();
    await runAlarm();
    await runAlarm();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    expect(callHeaders(fetchSpy, 1).get("idempotency-key")).toBe(callHeaders(fetchSpy, 0).get("idempotency-key"));
    expect(await readRow(row.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("reschedules itself to the earliest pending row, and clears the alarm when nothing is pending", async () => {
    const later = await insertMessage(Date.now() + 2 * HOUR);
    const sooner = await insertMessage(Date.now() + HOUR);
    const fetchSpy = mockApi();
    await runAlarm();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await getAlarm()).toBe(sooner.nextAttemptAt);

    await env.DB.prepare("DELETE FROM outbox WHERE id IN (?, ?)").bind(later.id, sooner.id).run();
    await runAlarm();
    expect(await getAlarm()).toBeNull();
  });

  it("keeps an earlier alarm set by a kick during the run", async () => {
    const row = await insertMessage(Date.now() + HOUR);
    // A kick arrives while the alarm runs: simulated by the API call setting the alarm.
    await insertMessage();
    const soon = Date.now() + 5_000;
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => {
      await setAlarm(soon);
      return new Response("{}");
    });
    await runAlarm();
    expect(await getAlarm()).toBe(soon);
    expect(row.nextAttemptAt).toBeGreaterThan(soon);
  });
});

describe("kickOutbox and the cron backstop", () => {
  it("kickOutbox delivers a new row without further help", async () => {
    const row = await insertMessage();
    const fetchSpy = mockApi();
    await kickOutbox(env);
    await vi.waitFor(async () => expect((await readRow(row.id)).status).toBe("sent"), { timeout: 5_000 });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it("the scheduled handler kicks the dispatcher", async () => {
    const row = await insertMessage();
    const fetchSpy = mockApi();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    await vi.waitFor(async () => expect((await readRow(row.id)).status).toBe("sent"), { timeout: 5_000 });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
