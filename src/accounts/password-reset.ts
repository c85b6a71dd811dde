import { and, eq, ne, sql } from "drizzle-orm";
import type { User } from "../auth/actor";
import type { Db } from "../db/client";
import { authTokens, sessions, trustedDevices, users } from "../db/schema";
import { hashToken, newId, newSecret } from "../lib/random";
import { HOUR, now } from "../lib/time";
import { outboxInsert } from "../outbox/enqueue";
import { googleAccountEmail, passwordResetEmail, resetLink } from "./messages";
import { SECRET } from "../lib/ids";
import { localeFor } from "../i18n/locale";

/** How long a reset link works (short: whoever holds it can take the account). */
export const RESET_TTL = HOUR;

/**
 * Queues the email for "forgot password" to an existing account, in one batch with its token:
 * a single-use link, or (Google-only accounts have no password) how to sign in. In the account's
 * language, whoever asked.
 */
export async function sendPasswordReset(db: Db, user: User, publicUrl: string, at = now()): Promise<void> {
  const locale = await localeFor(user.language);
  if (user.passwordHash === null && user.googleSub !== null) {
    await outboxInsert(db, { kind: "password_reset_google", channel: "email", to: user.email, ...googleAccountEmail(publicUrl, locale) });
    return;
  }
  const token = newSecret();
  const message = passwordResetEmail(resetLink(publicUrl, token), locale);
  await db.batch([
    db.insert(authTokens).values({
      id: newId("tok"),
      purpose: "reset_password",
      tokenHash: hashToken(token),
      subjectId: user.id,
      payload: null,
      expiresAt: at + RESET_TTL,
      usedAt: null,
      createdAt: at,
    }),
    outboxInsert(db, { kind: "password_reset", channel: "email", to: user.email, ...message }),
  ]);
}

export type ResetLookup = { ok: true; tokenId: string; user: User } | { ok: false; reason: "unknown" | "used" | "expired" };

/** What a reset link leads to. Reading only: opening the link changes nothing. */
export async function findResetToken(db: Db, token: string, at = now()): Promise<ResetLookup> {
  if (!SECRET.test(token)) return { ok: false, reason: "unknown" };
  const row = await db
    .select({ id: authTokens.id, usedAt: authTokens.usedAt, expiresAt: authTokens.expiresAt, user: users })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.subjectId))
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, "reset_password")))
    .get();
  if (!row) return { ok: false, reason: "unknown" };
  if (row.usedAt !== null) return { ok: false, reason: "used" };
  if (row.expiresAt <= at) return { ok: false, reason: "expired" };
  return { ok: true, tokenId: row.id, user: row.user };
}

/**
 * Sets the new password, marks the email confirmed, ends every session of the account, forgets
 * its trusted devices and uses up every open reset link, in one batch. Each statement runs only while the token is still
 * unused and unexpired, and the token is consumed last, so of two racing requests exactly one
 * changes anything. Returns false when the token was no longer usable.
 */
export async function completePasswordReset(db: Db, tokenId: string, userId: string, passwordHash: string, at = now()): Promise<boolean> {
  const tokenUsable = sql`exists (select 1 from auth_tokens live where live.id = ${tokenId} and live.used_at is null and live.expires_at > ${at})`;
  const results = await db.batch([
    db
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${at})`, updatedAt: at })
      .where(and(eq(users.id, userId), tokenUsable)),
    db.delete(sessions).where(and(eq(sessions.kind, "parent"), eq(sessions.subjectId, userId), tokenUsable)),
    // Browsers trusted with the old password are not trusted with the new one.
    db.delete(trustedDevices).where(and(eq(trustedDevices.userId, userId), tokenUsable)),
    db
      .update(authTokens)
      .set({ usedAt: at })
      .where(and(eq(authTokens.purpose, "reset_password"), eq(authTokens.subjectId, userId), sql`${authTokens.usedAt} is null`, ne(authTokens.id, tokenId), tokenUsable)),
    db
      .update(authTokens)
      .set({ usedAt: at })
      .where(and(eq(authTokens.id, tokenId), sql`${authTokens.usedAt} is null`, sql`${authTokens.expiresAt} > ${at}`))
      .returning({ id: authTokens.id }),
  ]);
  return results[4].length === 1;
}
