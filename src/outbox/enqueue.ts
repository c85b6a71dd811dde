import type { Db } from "../db/client";
import { outbox } from "../db/schema";
import type { Bindings } from "../env";
import { newId } from "../lib/random";
import { now } from "../lib/time";

export interface OutgoingMessage {
  kind: string;
  channel: "email" | "sms";
  to: string;
  /** Email only. */
  subject?: string;
  text: string;
  /** Email only. */
  html?: string;
  districtId?: string | null;
  studentId?: string | null;
}

/**
 * The outbox insert for one message, to be put in the same D1 batch as the change that causes
 * it; delivery happens afterwards (see dispatcher.ts), so a failed mail API loses nothing.
 */
export function outboxRow(msg: OutgoingMessage, at = now()): typeof outbox.$inferInsert {
  const id = newId("msg");
  return {
    id,
    districtId: msg.districtId ?? null,
    studentId: msg.studentId ?? null,
    kind: msg.kind,
    channel: msg.channel,
    toAddress: msg.to,
    subject: msg.subject ?? null,
    bodyText: msg.text,
    bodyHtml: msg.html ?? null,
    idempotencyKey: id,
    status: "pending",
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
  };
}

export function outboxInsert(db: Db, msg: OutgoingMessage) {
  return db.insert(outbox).values(outboxRow(msg));
}

/** Ask the dispatcher to deliver what is due now. Call through executionCtx.waitUntil. */
export async function kickOutbox(env: Pick<Bindings, "OUTBOX">): Promise<void> {
  await env.OUTBOX.getByName("global").kick();
}
