/**
 * "Continue with email" waits in a sign-up attempt (name, password hash, the children confirmed
 * in that browser) until its confirmation link is used: no account exists for an address before
 * its owner proves it, the link names exactly one attempt, and a newer sign-up for the same
 * address replaces the older attempt's password and children (trust issue, finding 1).
 */
import { and, desc, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { outbox, signUpAttempts, users } from "../db/schema";
import { insertWhere, runBatch, type Statement } from "../db/batch";
import { hashToken, newId, newSecret } from "../lib/random";
import { DAY } from "../lib/time";
import { outboxRow } from "../outbox/enqueue";
import { localeFor, type Locale } from "../i18n/locale";
import { claimAddressStatements } from "./claim-address";
import { verifyEmailMessage } from "./messages";
import { invitationIdsPayload, parseInvitationIds } from "./state";
import { LINK_TOKEN } from "../lib/ids";

export const SIGN_UP_TTL_MS = DAY;

/**
 * The attempt's children, and the SHA-256 of a secret kept in the cookie of the browser that
 * signed up: that browser confirms with one press; any other must type the attempt's password,
 * so a stranger's sign-up cannot be confirmed by the address's owner clicking an email they
 * never asked for.
 */
function attemptPayload(invitationIds: readonly string[], browserHash: string): string {
  return JSON.stringify({ ...JSON.parse(invitationIdsPayload(invitationIds)), browserHash });
}

function browserHashOf(payload: string): string | null {
  try {
    const v: unknown = JSON.parse(payload);
    const hash = v && typeof v === "object" && "browserHash" in v ? v.browserHash : null;
    return typeof hash === "string" ? hash : null;
  } catch {
    return null;
  }
}

/** In the language the pages were shown in at sign-up. */
function confirmationMail(publicUrl: string, email: string, token: string, locale: Locale, now: number) {
  return outboxRow({ kind: "verify_email", channel: "email", to: email, ...verifyEmailMessage(publicUrl, token, locale) }, now);
}

/** Retires every live attempt for the address, then writes the new one and its email (for one batch), in `locale` (localeFor(input.language)). */
export function newAttemptStatements(
  db: Db,
  input: { email: string; name: string; passwordHash: string; invitationIds: readonly string[]; browserHash: string; language: string },
  publicUrl: string,
  now: number,
  locale: Locale,
): Statement[] {
  const token = newSecret();
  return [
    db.update(signUpAttempts).set({ usedAt: now }).where(and(eq(signUpAttempts.email, input.email), isNull(signUpAttempts.usedAt))),
    db.insert(signUpAttempts).values({
      id: newId("sua"),
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      payload: attemptPayload(input.invitationIds, input.browserHash),
      tokenHash: hashToken(token),
      language: input.language,
      createdAt: now,
      expiresAt: now + SIGN_UP_TTL_MS,
    }),
    db.insert(outbox).values(confirmationMail(publicUrl, input.email, token, locale, now)),
  ];
}

/** A fresh link for the newest live attempt of the address (its old link stops working); false for any other address. */
export async function resendSignUpLink(db: Db, email: string, publicUrl: string, now: number): Promise<boolean> {
  const live = await db
    .select({ id: signUpAttempts.id, tokenHash: signUpAttempts.tokenHash, language: signUpAttempts.language })
    .from(signUpAttempts)
    .where(and(eq(signUpAttempts.email, email), isNull(signUpAttempts.usedAt), gt(signUpAttempts.expiresAt, now)))
    .orderBy(desc(signUpAttempts.createdAt))
    .limit(1)
    .get();
  if (!live) return false;
  const locale = await localeFor(live.language);
  const token = newSecret();
  const tokenHash = hashToken(token);
  await runBatch(db, [
    db
      .update(signUpAttempts)
      .set({ tokenHash, expiresAt: now + SIGN_UP_TTL_MS })
      .where(and(eq(signUpAttempts.id, live.id), eq(signUpAttempts.tokenHash, live.tokenHash), isNull(signUpAttempts.usedAt))),
    // Mailed only if the attempt was still live and took the new token.
    insertWhere(db, outbox, confirmationMail(publicUrl, email, token, locale, now), sql`EXISTS (SELECT 1 FROM sign_up_attempts WHERE id = ${live.id} AND token_hash = ${tokenHash})`),
  ]);
  return true;
}

export interface SignUpLink {
  attempt: {
    id: string;
    email: string;
    name: string;
    passwordHash: string;
    tokenHash: string;
    invitationIds: string[];
    browserHash: string | null;
    /** The language of the pages at sign-up: its confirmation page's, and the account's. */
    language: string | null;
  };
  /** The account already holding the address, if any (confirmed, or left unconfirmed by the old sign-up). */
  account: { id: string; emailVerifiedAt: number | null; googleSub: string | null } | null;
}

/** The live attempt a confirmation link names, with any account on its address; null when unknown, used, replaced or expired. */
export async function openSignUpLink(db: Db, token: string, now: number): Promise<SignUpLink | null> {
  if (!LINK_TOKEN.test(token)) return null;
  const row = await db
    .select({
      id: signUpAttempts.id,
      email: signUpAttempts.email,
      name: signUpAttempts.name,
      passwordHash: signUpAttempts.passwordHash,
      tokenHash: signUpAttempts.tokenHash,
      language: signUpAttempts.language,
      payload: signUpAttempts.payload,
      accountId: users.id,
      emailVerifiedAt: users.emailVerifiedAt,
      googleSub: users.googleSub,
    })
    .from(signUpAttempts)
    .leftJoin(users, eq(users.email, signUpAttempts.email))
    .where(and(eq(signUpAttempts.tokenHash, hashToken(token)), isNull(signUpAttempts.usedAt), gt(signUpAttempts.expiresAt, now)))
    .get();
  if (!row) return null;
  const { accountId, emailVerifiedAt, googleSub, payload, ...attempt } = row;
  return {
    attempt: { ...attempt, invitationIds: parseInvitationIds(payload), browserHash: browserHashOf(payload) },
    account: accountId ? { id: accountId, emailVerifiedAt, googleSub } : null,
  };
}

export interface UseSignUpLink {
  /** The account the attempt becomes (a new id, or the unconfirmed row it replaces). */
  userId: string;
  statements: Statement[];
  /** True inside the batch only when THIS request used the attempt and wrote the account. */
  ours: SQL;
  /** Marks this request's use of the attempt (a racing request cannot share it). */
  marker: string;
}

/**
 * Statements that use the attempt once (its token hash replaced by a marker only this request
 * knows) and make its account: a new verified row, or the unconfirmed row the old sign-up left on
 * the address, overwritten with this attempt's password and name. Never touches a confirmed account.
 */
export function useSignUpLinkStatements(db: Db, link: SignUpLink, now: number): UseSignUpLink {
  const { attempt, account } = link;
  const marker = `used:${newSecret()}`;
  const usedByUs = sql`EXISTS (SELECT 1 FROM sign_up_attempts WHERE id = ${attempt.id} AND token_hash = ${marker})`;
  // An unconfirmed password-only row is the old sign-up's; an unconfirmed Google row is released and a new row made.
  const userId = account && account.emailVerifiedAt === null && account.googleSub === null ? account.id : newId("usr");
  const ours = sql`(${usedByUs} AND EXISTS (SELECT 1 FROM users WHERE id = ${userId} AND email = ${attempt.email} AND email_verified_at = ${now} AND password_hash = ${attempt.passwordHash}))`;
  return {
    userId,
    marker,
    ours,
    statements: [
      db
        .update(signUpAttempts)
        .set({ usedAt: now, tokenHash: marker })
        .where(and(eq(signUpAttempts.id, attempt.id), eq(signUpAttempts.tokenHash, attempt.tokenHash), isNull(signUpAttempts.usedAt), gt(signUpAttempts.expiresAt, now))),
      ...claimAddressStatements(
        db,
        { id: userId, email: attempt.email, name: attempt.name, passwordHash: attempt.passwordHash, googleSub: null, language: attempt.language },
        now,
        usedByUs,
      ),
    ],
  };
}

/** After the batch: did this request use the link and make the account? */
export async function usedSignUpLink(db: Db, use: UseSignUpLink): Promise<boolean> {
  const row = await db.get<{ ok: number }>(sql`SELECT ${use.ours} AS ok`);
  return Number(row?.ok) === 1;
}
