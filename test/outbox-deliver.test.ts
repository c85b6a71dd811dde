import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { outbox, type OutboxRow } from "../src/db/schema";
import { MAX_ATTEMPTS, parseRetryAfter, retryDelay } from "../src/outbox/backoff";
import { deliverDue, deliveryConfig, type DeliveryConfig } from "../src/outbox/deliver";
import { outboxRow, type OutgoingMessage } from "../src/outbox/enqueue";
import type { FetchFn } from "../src/outbox/send";

const db = getDb(env.DB);
const T0 = Date.UTC(2026, 8, 1, 12, 0, 0);
const SEC = 1000;

interface ApiCall {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A stand-in mail/SMS API: records each call and answers with `respond`. */
function fakeApi(respond: (call: ApiCall, n: number, signal: AbortSignal) => Response | Promise<Response> = () => new Response("{}", { status: 202 })) {
  const calls: ApiCall[] = [];
  const fetchFn: FetchFn = async (url, init) => {
    const call: ApiCall = {
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: JSON.parse(String(init.body)) as Record<string, unknown>,
    };
    calls.push(call);
    return respond(call, calls.length, init.signal as AbortSignal);
  };
  return { calls, fetchFn };
}

const config = (overrides: Partial<DeliveryConfig> = {}) => deliveryConfig(env, { random: () => 0, ...overrides });

let counter = 0;
async function insertMessage(msg: Partial<OutgoingMessage> = {}, at = T0): Promise<OutboxRow> {
  const n = ++counter;
  const row = outboxRow(
    {
      kind: "invitation",
      channel: "email",
      to: `parent${n}@example.org`,
      subject: `Invitation ${n}`,
      text: `Hello ${n}: http://127.0.0.1:8787/i/abc${n}`,
      html: `<p>Hello ${n}</p>`,
      ...msg,
    },
    at,
  );
  await db.insert(outbox).values(row);
  return readRow(row.id);
}

async function readRow(id: string): Promise<OutboxRow> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

beforeEach(async () => {
  // Storage is isolated per test file, so this only clears this file's rows.
  await env.DB.exec("DELETE FROM outbox");
});

describe("deliverDue: delivery", () => {
  it("posts an email once with the key, the idempotency key and the JSON body of SPEC 3.9", async () => {
    const row = await insertMessage();
    const api = fakeApi();
    const run = await deliverDue(db, config(), api.fetchFn, T0);
    expect(run).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0, held: 0, nextRunAt: null });
    expect(api.calls).toHaveLength(1);
    const [call] = api.calls;
    expect(call?.url).toBe("http://mail.test/send");
    expect(call?.headers).toMatchObject({
      authorization: "Bearer test-mail-key",
      "idempotency-key": row.idempotencyKey,
      "content-type": "application/json",
    });
    expect(call?.body).toEqual({
      from: "Family Portal <no-reply@family.test>",
      to: [row.toAddress],
      subject: row.subject,
      text: row.bodyText,
      html: row.bodyHtml,
    });
    const after = await readRow(row.id);
    expect(after).toMatchObject({ status: "sent", sentAt: T0, attempts: 1, leaseUntil: null, lastError: null });

    await deliverDue(db, config(), api.fetchFn, T0 + 60 * SEC);
    expect(api.calls).toHaveLength(1);
  });

  it("posts a text to the SMS API as {to, body}", async () => {
    const row = await insertMessage({ channel: "sms", to: "+15555550100", subject: undefined, html: undefined, text: "Join: http://x.test/i/1" });
    const api = fakeApi();
    await deliverDue(db, config(), api.fetchFn, T0);
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]?.url).toBe("http://sms.test/send");
    expect(api.calls[0]?.headers).toMatchObject({ authorization: "Bearer test-sms-key", "idempotency-key": row.idempotencyKey });
    expect(api.calls[0]?.body).toEqual({ to: "+15555550100", body: "Join: http://x.test/i/1" });
    expect((await readRow(row.id)).status).toBe("sent");
  });

  it("uses the default sender and leaves html out of a text-only email", async () => {
    const row = await insertMessage({ html: undefined });
    const api = fakeApi();
    await deliverDue(db, deliveryConfig({ ...env, MAIL_FROM: undefined }, { random: () => 0 }), api.fetchFn, T0);
    expect(api.calls[0]?.body).toEqual({ from: "Family Portal <no-reply@localhost>", to: [row.toAddress], subject: row.subject, text: row.bodyText });
  });

  it("treats any 2xx as delivered", async () => {
    const row = await insertMessage();
    await deliverDue(db, config(), fakeApi(() => new Response(null, { status: 204 })).fetchFn, T0);
    expect((await readRow(row.id)).status).toBe("sent");
  });

  it("does not deliver a row before its next_attempt_at", async () => {
    const row = await insertMessage({}, T0 + 60 * SEC);
    const api = fakeApi();
    const run = await deliverDue(db, config(), api.fetchFn, T0);
    expect(api.calls).toHaveLength(0);
    expect(run.nextRunAt).toBe(T0 + 60 * SEC);
    expect((await readRow(row.id)).status).toBe("pending");
  });
});

describe("deliverDue: failures and retries", () => {
  it("retries after a 500 with backoff, then sends exactly once more with the same Idempotency-Key", async () => {
    const row = await insertMessage();
    let up = false;
    const api = fakeApi(() => (up ? new Response("{}", { status: 200 }) : new Response("mail service unavailable", { status: 500 })));

    const first = await deliverDue(db, config(), api.fetchFn, T0);
    expect(first).toMatchObject({ claimed: 1, retrying: 1, sent: 0 });
    let after = await readRow(row.id);
    expect(after).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null, nextAttemptAt: T0 + 30 * SEC });
    expect(after.lastError).toBe("HTTP 500: mail service unavailable");
    expect(first.nextRunAt).toBe(T0 + 30 * SEC);

    // Not due yet: nothing is sent.
    await deliverDue(db, config(), api.fetchFn, T0 + 10 * SEC);
    expect(api.calls).toHaveLength(1);

    up = true;
    await deliverDue(db, config(), api.fetchFn, T0 + 30 * SEC);
    await deliverDue(db, config(), api.fetchFn, T0 + 3600 * SEC);
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]?.headers["idempotency-key"]).toBe(api.calls[0]?.headers["idempotency-key"]);
    expect(api.calls[1]?.headers["idempotency-key"]).toBe(row.idempotencyKey);
    after = await readRow(row.id);
    expect(after).toMatchObject({ status: "sent", attempts: 2, sentAt: T0 + 30 * SEC, lastError: null });
  });

  it("retries when the API times out, then delivers once when it recovers", async () => {
    const row = await insertMessage();
    let up = false;
    const api = fakeApi(
      (_call, _n, signal) =>
        up
          ? new Response("{}")
          : new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    );
    await deliverDue(db, config({ timeoutMs: 50 }), api.fetchFn, T0);
    const after = await readRow(row.id);
    expect(after).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null, lastError: "timed out after 50 ms" });
    expect(after.nextAttemptAt).toBeGreaterThan(T0);

    up = true;
    await deliverDue(db, config({ timeoutMs: 50 }), api.fetchFn, after.nextAttemptAt);
    await deliverDue(db, config({ timeoutMs: 50 }), api.fetchFn, after.nextAttemptAt + 3600 * SEC);
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]?.headers["idempotency-key"]).toBe(api.calls[0]?.headers["idempotency-key"]);
    expect(await readRow(row.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("retries on a network error, then delivers once when it recovers", async () => {
    const row = await insertMessage();
    let up = false;
    const api = fakeApi(() => {
      if (!up) throw new TypeError("Network connection lost.");
      return new Response("{}");
    });
    await deliverDue(db, config(), api.fetchFn, T0);
    const after = await readRow(row.id);
    expect(after).toMatchObject({ status: "pending", attempts: 1, lastError: "network error: Network connection lost." });
    expect(after.nextAttemptAt).toBeGreaterThan(T0);
    up = true;
    await deliverDue(db, config(), api.fetchFn, after.nextAttemptAt);
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]?.headers["idempotency-key"]).toBe(row.idempotencyKey);
    expect((await readRow(row.id)).status).toBe("sent");
  });

  it("retries on 408 and 429, honouring Retry-After", async () => {
    const a = await insertMessage();
    const b = await insertMessage();
    const api = fakeApi((call) =>
      (call.body.to as string[])[0] === a.toAddress
        ? new Response("slow down", { status: 429, headers: { "retry-after": "120" } })
        : new Response("", { status: 408 }),
    );
    await deliverDue(db, config(), api.fetchFn, T0);
    expect(await readRow(a.id)).toMatchObject({ status: "pending", nextAttemptAt: T0 + 120 * SEC, lastError: "HTTP 429: slow down" });
    expect(await readRow(b.id)).toMatchObject({ status: "pending", nextAttemptAt: T0 + 30 * SEC, lastError: "HTTP 408" });
  });

  it("backs off exponentially: 30 s, 1 min, 2 min … capped at an hour", async () => {
    const row = await insertMessage();
    const api = fakeApi(() => new Response("", { status: 503 }));
    let at = T0;
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      await deliverDue(db, config(), api.fetchFn, at);
      const next = (await readRow(row.id)).nextAttemptAt;
      delays.push((next - at) / SEC);
      at = next;
    }
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(api.calls).toHaveLength(9);
  });

  it("fails a row at once on a 400, and never retries it", async () => {
    const row = await insertMessage();
    const api = fakeApi(() => new Response(JSON.stringify({ message: "invalid recipient" }), { status: 400 }));
    const run = await deliverDue(db, config(), api.fetchFn, T0);
    expect(run).toMatchObject({ failed: 1, nextRunAt: null });
    expect(await readRow(row.id)).toMatchObject({ status: "failed", attempts: 1, leaseUntil: null, lastError: 'HTTP 400: {"message":"invalid recipient"}' });
    await deliverDue(db, config(), api.fetchFn, T0 + 86_400 * SEC);
    expect(api.calls).toHaveLength(1);
  });

  it("fails a row on a redirect instead of following it", async () => {
    const row = await insertMessage();
    const api = fakeApi(() => new Response(null, { status: 302, headers: { location: "http://elsewhere.test/" } }));
    await deliverDue(db, config(), api.fetchFn, T0);
    expect(await readRow(row.id)).toMatchObject({ status: "failed", lastError: "HTTP 302" });
  });

  it("gives up after the maximum number of attempts (about two days of tries)", async () => {
    const row = await insertMessage();
    await env.DB.prepare("UPDATE outbox SET attempts = ? WHERE id = ?").bind(MAX_ATTEMPTS - 1, row.id).run();
    const api = fakeApi(() => new Response("down", { status: 503 }));
    const run = await deliverDue(db, config(), api.fetchFn, T0);
    expect(run).toMatchObject({ failed: 1, nextRunAt: null });
    const after = await readRow(row.id);
    expect(after).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, leaseUntil: null });
    expect(after.lastError).toBe(`gave up after ${MAX_ATTEMPTS} attempts; last: HTTP 503: down`);
    // The schedule really spans about two days.
    let total = 0;
    for (let a = 1; a < MAX_ATTEMPTS; a++) total += retryDelay(a, () => 0.5);
    expect(total / 3_600_000).toBeGreaterThan(44);
    expect(total / 3_600_000).toBeLessThan(52);
  });

  it("keeps the API key out of last_error", async () => {
    const row = await insertMessage();
    const api = fakeApi((call) => new Response(`bad token: ${call.headers.authorization} test-mail-key`, { status: 500 }));
    await deliverDue(db, config(), api.fetchFn, T0);
    const { lastError } = await readRow(row.id);
    expect(lastError).not.toContain("test-mail-key");
    expect(lastError).toContain("[redacted]");
  });
});

describe("deliverDue: exactly once", () => {
  it("two overlapping runs deliver each row once", async () => {
    const rows = await Promise.all([1, 2, 3, 4, 5].map(() => insertMessage()));
    const api = fakeApi(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return new Response("{}");
    });
    const runs = await Promise.all([deliverDue(db, config(), api.fetchFn, T0), deliverDue(db, config(), api.fetchFn, T0)]);
    expect(runs.map((r) => r.claimed).sort()).toEqual([0, 5]);
    expect(api.calls).toHaveLength(5);
    expect(new Set(api.calls.map((c) => c.headers["idempotency-key"])).size).toBe(5);
    for (const r of rows) expect(await readRow(r.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a row leased by a live run is skipped; a row whose lease expired (the run died) is delivered again with the same key", async () => {
    const live = await insertMessage();
    const stale = await insertMessage();
    await env.DB.prepare("UPDATE outbox SET attempts = 1, lease_until = ? WHERE id = ?").bind(T0 + 60 * SEC, live.id).run();
    await env.DB.prepare("UPDATE outbox SET attempts = 1, lease_until = ? WHERE id = ?").bind(T0 - 1, stale.id).run();
    const api = fakeApi();
    const run = await deliverDue(db, config(), api.fetchFn, T0);
    expect(api.calls.map((c) => c.headers["idempotency-key"])).toEqual([stale.idempotencyKey]);
    expect(await readRow(stale.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await readRow(live.id)).toMatchObject({ status: "pending", attempts: 1 });
    // Wake up when the live lease would have expired, in case its run died.
    expect(run.nextRunAt).toBe(T0 + 60 * SEC + 1);
  });

  it("a run whose lease was taken over does not overwrite the new run's state", async () => {
    const row = await insertMessage();
    const api = fakeApi(async () => {
      // While this (slow) run waits, its lease expires and another run takes the row and sends it.
      await env.DB.prepare("UPDATE outbox SET lease_until = ?, attempts = 2 WHERE id = ?").bind(T0 + 999 * SEC, row.id).run();
      return new Response("down", { status: 500 });
    });
    await deliverDue(db, config(), api.fetchFn, T0);
    expect(await readRow(row.id)).toMatchObject({ status: "pending", attempts: 2, leaseUntil: T0 + 999 * SEC, lastError: null });
  });
});

describe("deliverDue: unconfigured channels, batches and scheduling", () => {
  it("holds messages of a channel with no API URL and still delivers the other channel", async () => {
    const mail = await insertMessage();
    const text = await insertMessage({ channel: "sms", to: "+15555550111", subject: undefined, html: undefined });
    const api = fakeApi();
    const run = await deliverDue(db, deliveryConfig({ ...env, MAIL_API_URL: undefined }), api.fetchFn, T0);
    expect(run).toMatchObject({ held: 1, sent: 1 });
    expect(api.calls.map((c) => c.url)).toEqual(["http://sms.test/send"]);
    expect(await readRow(mail.id)).toMatchObject({ status: "held", attempts: 0, sentAt: null });
    expect(await readRow(text.id)).toMatchObject({ status: "sent" });
  });

  it("holds everything when neither API is configured, and a URL that is not http(s) counts as none", async () => {
    const mail = await insertMessage();
    const text = await insertMessage({ channel: "sms", to: "+15555550112" });
    const api = fakeApi();
    await deliverDue(db, deliveryConfig({ ...env, MAIL_API_URL: "", SMS_API_URL: "javascript:alert(1)" }), api.fetchFn, T0);
    expect(api.calls).toHaveLength(0);
    expect((await readRow(mail.id)).status).toBe("held");
    expect((await readRow(text.id)).status).toBe("held");
  });

  it("claims a bounded batch per run and asks to run again at once while rows are due", async () => {
    await Promise.all([1, 2, 3, 4, 5].map(() => insertMessage()));
    const api = fakeApi();
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await deliverDue(db, config({ batchSize: 2 }), api.fetchFn, T0));
    expect(runs.map((r) => [r.claimed, r.nextRunAt])).toEqual([
      [2, T0],
      [2, T0],
      [1, null],
    ]);
    expect(api.calls).toHaveLength(5);
  });

  it("limits deliveries in flight to the configured concurrency", async () => {
    await Promise.all(Array.from({ length: 10 }, () => insertMessage()));
    let inFlight = 0;
    let peak = 0;
    const api = fakeApi(async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      return new Response("{}");
    });
    await deliverDue(db, config({ concurrency: 3 }), api.fetchFn, T0);
    expect(api.calls).toHaveLength(10);
    expect(peak).toBe(3);
  });

  it("schedules the next run for the earliest pending row", async () => {
    await insertMessage({}, T0 + 7200 * SEC);
    await insertMessage({}, T0 + 3600 * SEC);
    const sent = await insertMessage();
    const run = await deliverDue(db, config(), fakeApi().fetchFn, T0);
    expect((await readRow(sent.id)).status).toBe("sent");
    expect(run.nextRunAt).toBe(T0 + 3600 * SEC);
  });
});

describe("backoff helpers", () => {
  it("jitters down by at most 20 % and caps at an hour", () => {
    expect(retryDelay(1, () => 0)).toBe(30_000);
    expect(retryDelay(1, () => 1)).toBe(24_000);
    expect(retryDelay(30, () => 0)).toBe(3_600_000);
  });

  it("reads Retry-After as seconds or a date, capped at an hour", () => {
    expect(parseRetryAfter(null, T0)).toBeNull();
    expect(parseRetryAfter("nonsense", T0)).toBeNull();
    expect(parseRetryAfter("90", T0)).toBe(90_000);
    expect(parseRetryAfter(new Date(T0 + 45_000).toUTCString(), T0)).toBe(45_000);
    expect(parseRetryAfter("999999", T0)).toBe(3_600_000);
  });
});
