import { and, asc, eq, gte, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { outbox, smsOptOuts, type OutboxRow } from "../db/schema";
import { SENT_WHEN_STOPPED } from "../sms/opt-out";
import { config as envConfig, type ConfigSource } from "../config";
import { MINUTE, SECOND } from "../lib/time";
import { MAX_ATTEMPTS, retryDelay } from "./backoff";
import { sendOne, type ChannelApi, type FetchFn } from "./send";

/*
 * Exactly-once towards the recipient rests on two things:
 *  (a) a row is claimed with one conditional UPDATE (pending, due, lease free) that sets a lease,
 *      so two runs (alarm twice, cron + alarm) never deliver the same row at the same time; and
 *  (b) every try of a row carries the same Idempotency-Key, so when a run dies after the API
 *      accepted a message but before the row was marked sent, the retry is dropped by the API.
 */

type Channel = OutboxRow["channel"];

export interface DeliveryConfig {
  /** null = no API configured for the channel: its messages are held for /dev/mailbox. */
  email: ChannelApi | null;
  sms: ChannelApi | null;
  from: string;
  /** Rows claimed per run; the alarm drains a backlog in runs (keeps each run's subrequests bounded). */
  batchSize: number;
  /** Deliveries in flight at once within a run. */
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
  /** How long a claimed row stays reserved; far above a run's worst case (batch / concurrency × timeout). */
  leaseMs: number;
  random: () => number;
}

/** Rows moved to `held` per run; a plain UPDATE, no network calls. */
const HOLD_LIMIT = 500;

export function deliveryConfig(env: ConfigSource, overrides: Partial<DeliveryConfig> = {}): DeliveryConfig {
  const { mail, sms, mailFrom } = envConfig(env);
  return {
    email: mail,
    sms,
    from: mailFrom,
    batchSize: 25,
    concurrency: 8,
    timeoutMs: 10 * SECOND,
    maxAttempts: MAX_ATTEMPTS,
    leaseMs: 5 * MINUTE,
    random: Math.random,
    ...overrides,
  };
}

export interface DeliveryRun {
  held: number;
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** When the next run should happen: `now` when more rows may be due, null when nothing is pending. */
  nextRunAt: number | null;
}

/**
 * One delivery run: hold what has no API, claim a bounded set of due rows, deliver them,
 * record each outcome, and say when to run next. Throws only when D1 does.
 */
export async function deliverDue(db: Db, config: DeliveryConfig, fetchFn: FetchFn, now: number): Promise<DeliveryRun> {
  const run: DeliveryRun = { held: 0, claimed: 0, sent: 0, retrying: 0, failed: 0, nextRunAt: null };
  const apis: Record<Channel, ChannelApi | null> = { email: config.email, sms: config.sms };
  const configured = (Object.keys(apis) as Channel[]).filter((ch) => apis[ch] !== null);
  const unconfigured = (Object.keys(apis) as Channel[]).filter((ch) => apis[ch] === null);

  // Before anything is held or sent: a number that texted STOP gets no text of any kind (but the STOP confirmation).
  await stopOptedOut(db);

  if (unconfigured.length > 0) {
    run.held = await holdUnconfigured(db, unconfigured, now);
    if (run.held > 0) console.warn(`outbox: ${run.held} message(s) held: no API configured for ${unconfigured.join(", ")}`);
  }

  const claimed = configured.length > 0 ? await claimDue(db, configured, now, config) : [];
  run.claimed = claimed.length;

  await forEachLimited(claimed, config.concurrency, async (row) => {
    const api = apis[row.channel];
    if (!api) return; // Not reachable: only configured channels are claimed.
    const outcome = await sendOne(row, api, config.from, fetchFn, config.timeoutMs, now);
    if (outcome.result === "sent") {
      run.sent++;
      // Delivered is a fact even if our lease ran out meanwhile, so no lease check here.
      await db
        .update(outbox)
        .set({ status: "sent", sentAt: now, leaseUntil: null, lastError: null })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, "pending")));
    } else if (outcome.result === "retry" && row.attempts < config.maxAttempts) {
      run.retrying++;
      const delay = outcome.retryAfterMs ?? retryDelay(row.attempts, config.random);
      await db
        .update(outbox)
        .set({ nextAttemptAt: now + Math.max(delay, SECOND), lastError: outcome.error, leaseUntil: null })
        .where(ownLease(row));
    } else {
      run.failed++;
      const error = outcome.result === "retry" ? `gave up after ${row.attempts} attempts; last: ${outcome.error}` : outcome.error;
      await db.update(outbox).set({ status: "failed", lastError: error, leaseUntil: null }).where(ownLease(row));
    }
  });

  const moreDue = run.claimed >= config.batchSize || run.held >= HOLD_LIMIT;
  run.nextRunAt = moreDue ? now : await nextWake(db, now);
  return run;
}

/** Due and not leased by a live run: the condition under which a row may be taken. */
function available(now: number) {
  return and(
    eq(outbox.status, "pending"),
    lte(outbox.nextAttemptAt, now),
    or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, now)),
  );
}

/** Only the run that claimed a row (lease unchanged) may record its failure or retry. */
function ownLease(row: OutboxRow) {
  return and(eq(outbox.id, row.id), eq(outbox.status, "pending"), eq(outbox.leaseUntil, row.leaseUntil ?? -1));
}

/** Pending texts to numbers that said STOP become `stopped`: never delivered, visible at /dev/mailbox. */
async function stopOptedOut(db: Db): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "stopped", leaseUntil: null, lastError: "the number texted STOP" })
    .where(
      and(
        eq(outbox.status, "pending"),
        eq(outbox.channel, "sms"),
        notInArray(outbox.kind, [...SENT_WHEN_STOPPED]),
        inArray(outbox.toAddress, db.select({ phone: smsOptOuts.phone }).from(smsOptOuts)),
      ),
    );
}

/** No API for a channel: keep its due rows, visibly, as `held` (shown at /dev/mailbox). */
async function holdUnconfigured(db: Db, channels: Channel[], now: number): Promise<number> {
  const ids = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(available(now), inArray(outbox.channel, channels)))
    .limit(HOLD_LIMIT);
  const rows = await db
    .update(outbox)
    .set({ status: "held", leaseUntil: null })
    .where(and(inArray(outbox.id, ids), available(now)))
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * Claims up to batchSize due rows in one statement: the condition is re-checked by the UPDATE
 * itself, so of two overlapping runs only one gets each row. The claim counts as an attempt,
 * so a run that dies mid-delivery still moves a row towards its limit.
 */
async function claimDue(db: Db, channels: Channel[], now: number, config: DeliveryConfig): Promise<OutboxRow[]> {
  const ids = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(available(now), inArray(outbox.channel, channels)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(config.batchSize);
  return db
    .update(outbox)
    .set({ leaseUntil: now + config.leaseMs, attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, ids), available(now)))
    .returning();
}

/** The earliest time a pending row becomes deliverable: its next_attempt_at, or the end of a stale lease. */
async function nextWake(db: Db, now: number): Promise<number | null> {
  const [free, leased] = await db.batch([
    db
      .select({ at: outbox.nextAttemptAt })
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, now))))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(1),
    // Leased rows were due when claimed, so the (status, next_attempt_at) index bounds this scan.
    db
      .select({ at: sql<number | null>`min(${outbox.leaseUntil})` })
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now), gte(outbox.leaseUntil, now))),
  ]);
  const candidates = [free[0]?.at, leased[0]?.at == null ? undefined : leased[0].at + 1].filter((t): t is number => typeof t === "number");
  return candidates.length > 0 ? Math.max(now, Math.min(...candidates)) : null;
}

/** Run `task` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
