/**
 * Verifying a parent's phone with a 6-digit code by text: one pending code per account, stored
 * hashed, good for 10 minutes and 5 tries, used once; sending codes is rate-limited per account
 * (a stolen session must not turn the portal into a text relay).
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { rateLimit, type Rule } from "../auth/rate-limiter";
import type { Db } from "../db/client";
import { phoneCodes, users } from "../db/schema";
import type { Bindings } from "../env";
import type { Locale } from "../i18n/locale";
import { hashToken, randomBytes, safeEqual } from "../lib/random";
import { HOUR, MINUTE } from "../lib/time";
import { outboxInsert } from "../outbox/enqueue";

export const CODE_TTL_MS = 10 * MINUTE;
export const CODE_TRIES = 5;
/** Codes sent per account: a few mistyped numbers are fine, a relay is not. */
export const CODES_PER_HOUR: Rule = { limit: 3, windowMs: HOUR };

/** Six digits from the CSPRNG (the tiny modulo bias of 2^32 mod 10^6 does not matter against 5 tries). */
export function newCode(): string {
  const [a = 0, b = 0, c = 0, d = 0] = randomBytes(4);
  const n = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  return String(n % 1_000_000).padStart(6, "0");
}

/** Keyed with the account, so the same code for two accounts never hashes alike. */
const codeHash = (userId: string, code: string) => hashToken(`${userId}:${code}`);

export type SendCodeResult = { ok: true } | { ok: false; retryAfter: number };

/** Sends a fresh code to `phone` (E.164) for this account, replacing any pending one. */
export async function sendPhoneCode(env: Pick<Bindings, "RATE_LIMITER">, db: Db, userId: string, phone: string, locale: Locale, now: number): Promise<SendCodeResult> {
  const verdict = await rateLimit(env, `phone-code:${userId}`, CODES_PER_HOUR);
  if (!verdict.allowed) return { ok: false, retryAfter: verdict.retryAfter };
  const code = newCode();
  const row = { userId, phone, codeHash: codeHash(userId, code), attempts: 0, expiresAt: now + CODE_TTL_MS, usedAt: null, createdAt: now };
  await db.batch([
    db.insert(phoneCodes).values(row).onConflictDoUpdate({ target: phoneCodes.userId, set: row }),
    outboxInsert(db, { kind: "phone_code", channel: "sms", to: phone, text: locale.t.account.phone.codeText(code) }),
  ]);
  return { ok: true };
}

export type CheckCodeResult = "verified" | "wrong" | "expired" | "used" | "too_many" | "none";

/**
 * Checks a typed code. The try is counted before comparing (one conditional UPDATE), so parallel
 * guesses cannot exceed the limit; the right code sets the account's verified phone and is spent.
 */
export async function checkPhoneCode(db: Db, userId: string, typed: string, now: number): Promise<CheckCodeResult> {
  const counted = await db
    .update(phoneCodes)
    .set({ attempts: sql`${phoneCodes.attempts} + 1` })
    .where(and(eq(phoneCodes.userId, userId), isNull(phoneCodes.usedAt), sql`${phoneCodes.attempts} < ${CODE_TRIES}`, sql`${phoneCodes.expiresAt} > ${now}`))
    .returning();
  const row = counted[0];
  if (!row) {
    const pending = await db.select().from(phoneCodes).where(eq(phoneCodes.userId, userId)).get();
    if (!pending) return "none";
    if (pending.usedAt !== null) return "used";
    if (pending.expiresAt <= now) return "expired";
    return "too_many";
  }
  if (!safeEqual(codeHash(userId, typed.trim()), row.codeHash)) return row.attempts >= CODE_TRIES ? "too_many" : "wrong";
  const [spent] = await db.batch([
    db
      .update(phoneCodes)
      .set({ usedAt: now })
      .where(and(eq(phoneCodes.userId, userId), isNull(phoneCodes.usedAt), eq(phoneCodes.codeHash, row.codeHash)))
      .returning({ userId: phoneCodes.userId }),
    db
      .update(users)
      .set({ phone: row.phone, phoneVerifiedAt: now, updatedAt: now })
      .where(and(eq(users.id, userId), sql`EXISTS (SELECT 1 FROM phone_codes WHERE user_id = ${userId} AND used_at = ${now} AND code_hash = ${row.codeHash})`)),
  ]);
  return spent.length > 0 ? "verified" : "used";
}

/** The parent's code row as a statement for a batch (`userId` may be SQL: a subquery on the session). */
export function pendingCodeQuery(db: Db, userId: string | SQL) {
  return db.select({ phone: phoneCodes.phone, usedAt: phoneCodes.usedAt, expiresAt: phoneCodes.expiresAt, attempts: phoneCodes.attempts }).from(phoneCodes).where(eq(phoneCodes.userId, userId));
}

/** The number a still-good code was sent to (the page then asks for it), or null. */
export function pendingPhoneOf(row: { phone: string; usedAt: number | null; expiresAt: number; attempts: number } | undefined, now: number): string | null {
  return row && row.usedAt === null && row.expiresAt > now && row.attempts < CODE_TRIES ? row.phone : null;
}

/** How the unread notice reaches the parent: by email, by text (to the verified phone), both or neither. */
export function setNotifyChannels(db: Db, userId: string, on: { email: boolean; sms: boolean }) {
  return db.update(users).set({ notifyUnread: on.email, notifySms: on.sms, updatedAt: Date.now() }).where(eq(users.id, userId));
}
