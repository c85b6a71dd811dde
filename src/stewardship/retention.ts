/**
 * Keeping data no longer than needed (SPEC / issue 7), in ONE function the cron runs:
 *   delivered mail: body after 30 days, the row (delivery metadata) after 90;
 *   sessions past their absolute end or idle limit; auth tokens and sign-up attempts used or expired;
 *   trusted devices (sign-in device cookies) unused for a year;
 *   idempotency keys after 24 hours; audit entries after one year.
 * Each is one statement in one batch, returning the rows touched per kind.
 */
import { TRUSTED_DEVICE_TTL } from "../auth/trusted-devices";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { SESSION_LIMITS } from "../auth/sessions";
import { DAY, HOUR } from "../lib/time";
import { REPLY_WINDOW_MS } from "../sms/inbound";
import { rawBatch } from "../db/batch";

export const RETENTION = {
  outboxBodyMs: 30 * DAY,
  outboxRowMs: 90 * DAY,
  idempotencyMs: 24 * HOUR,
  auditMs: 365 * DAY,
} as const;

export interface PurgeCounts {
  outboxBodiesBlanked: number;
  outboxRowsDeleted: number;
  sessionsDeleted: number;
  authTokensDeleted: number;
  signUpAttemptsDeleted: number;
  trustedDevicesDeleted: number;
  idempotencyKeysDeleted: number;
  auditEntriesDeleted: number;
  /** Text notices past their reply window: which number was told about which conversation. */
  smsNoticesDeleted: number;
}

export async function purgeExpired(db: Db, now: number): Promise<PurgeCounts> {
  const idle = (kind: keyof typeof SESSION_LIMITS) => sql`(kind = ${kind} AND last_seen_at + ${SESSION_LIMITS[kind].idle} <= ${now})`;
  const statements: [keyof PurgeCounts, SQL][] = [
    // Rows first, so a row past both limits counts once (deleted, not blanked).
    ["outboxRowsDeleted", sql`DELETE FROM outbox WHERE status = 'sent' AND sent_at <= ${now - RETENTION.outboxRowMs}`],
    // What was said stays only as long as a family might ask "did the email go out?"; who and when, a little longer.
    [
      "outboxBodiesBlanked",
      sql`UPDATE outbox SET body_text = '', body_html = NULL WHERE status = 'sent' AND sent_at <= ${now - RETENTION.outboxBodyMs} AND (body_text <> '' OR body_html IS NOT NULL)`,
    ],
    ["sessionsDeleted", sql`DELETE FROM sessions WHERE expires_at <= ${now} OR ${idle("parent")} OR ${idle("teacher")} OR ${idle("student")}`],
    ["authTokensDeleted", sql`DELETE FROM auth_tokens WHERE used_at IS NOT NULL OR expires_at <= ${now}`],
    // A used, replaced or expired sign-up keeps a name and a password hash nobody needs any more.
    ["signUpAttemptsDeleted", sql`DELETE FROM sign_up_attempts WHERE used_at IS NOT NULL OR expires_at <= ${now}`],
    // A browser unused for as long as its cookie lives is not trusted any more (trusted-devices.ts): its row goes too.
    ["trustedDevicesDeleted", sql`DELETE FROM trusted_devices WHERE last_used_at <= ${now - TRUSTED_DEVICE_TTL}`],
    ["idempotencyKeysDeleted", sql`DELETE FROM idempotency_keys WHERE created_at <= ${now - RETENTION.idempotencyMs}`],
    // A reply after its window finds no notice anyway (src/sms/inbound.ts): keep no phone number longer.
    ["smsNoticesDeleted", sql`DELETE FROM sms_notices WHERE created_at <= ${now - REPLY_WINDOW_MS}`],
    // A deletion whose thread objects are still owed keeps its row (the list of work) until the work is done.
    [
      "auditEntriesDeleted",
      sql`DELETE FROM audit_log WHERE at <= ${now - RETENTION.auditMs}
        AND CASE WHEN json_valid(detail) THEN coalesce(json_array_length(detail, '$.erase'), 0) + coalesce(json_array_length(detail, '$.forget'), 0) ELSE 0 END = 0`,
    ],
  ];
  const results = await rawBatch(db, statements.map(([, s]) => s));
  return Object.fromEntries(statements.map(([kind], i) => [kind, results[i]?.meta.changes ?? 0])) as unknown as PurgeCounts;
}
