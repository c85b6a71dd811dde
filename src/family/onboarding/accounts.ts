/** Parent accounts made during onboarding: sign-up with email, the confirmation link, the roster check. */
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { authTokens, invitations, students, users } from "../../db/schema";
import { runBatch, type Statement } from "../../invitations/statements";
import { hashToken, newId, newSecret } from "../../lib/random";
import { DAY } from "../../lib/time";
import { outboxRow } from "../../outbox/enqueue";
import { outbox } from "../../db/schema";
import { accountExistsMessage, verifyEmailMessage } from "./messages";
import { invitationIdsPayload, parseInvitationIds } from "./state";
import { consumeOnboardingState } from "./state";

export const VERIFY_EMAIL_TTL_MS = DAY;

export type UserRow = typeof users.$inferSelect;

/**
 * A student's own school address, on the roster of a district whose invitation is being accepted:
 * no guardian account may use it (a child must not become their own guardian). Other districts'
 * rosters do not count, so one district cannot block another district's parents.
 */
export async function isStudentEmail(db: Db, email: string, invitationIds: readonly string[]): Promise<boolean> {
  if (invitationIds.length === 0) return false;
  const row = await db
    .select({ id: students.id })
    .from(students)
    .where(
      and(
        eq(students.email, email.trim().toLowerCase()),
        inArray(students.districtId, db.select({ districtId: invitations.districtId }).from(invitations).where(inArray(invitations.id, [...invitationIds]))),
      ),
    )
    .limit(1)
    .get();
  return Boolean(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  return (await db.select().from(users).where(eq(users.email, email)).get()) ?? null;
}

/** A new single-use confirmation link for `user` (24 h, stored hashed) and its email, as statements. */
export function verificationStatements(db: Db, user: { id: string; email: string; name: string }, invitationIds: readonly string[], publicUrl: string, now: number): Statement[] {
  const token = newSecret();
  const message = verifyEmailMessage(publicUrl, token, user.name);
  return [
    db.insert(authTokens).values({
      id: newId("atk"),
      purpose: "verify_email",
      tokenHash: hashToken(token),
      subjectId: user.id,
      payload: invitationIdsPayload(invitationIds),
      expiresAt: now + VERIFY_EMAIL_TTL_MS,
      createdAt: now,
    }),
    db.insert(outbox).values(outboxRow({ kind: "verify_email", channel: "email", to: user.email, ...message }, now)),
  ];
}

export type SignUpOutcome = { kind: "created"; userId: string } | { kind: "exists" };

/**
 * "Continue with email": a new, unverified account and its confirmation email, in one batch with
 * consuming the onboarding state (its confirmed invitations travel in the link, so the email can be
 * opened on another device). An address that already has an account gets a "sign in instead" email
 * (when `notifyExisting`), so the page cannot tell whether an account exists.
 */
export async function signUpWithEmail(
  db: Db,
  input: { name: string; email: string; passwordHash: string; invitationIds: readonly string[]; onboardingStateId: string | null; publicUrl: string; notifyExisting: boolean },
  now: number,
): Promise<SignUpOutcome> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    if (input.notifyExisting) {
      await db.insert(outbox).values(outboxRow({ kind: "account_exists", channel: "email", to: input.email, ...accountExistsMessage(input.publicUrl) }, now));
    }
    return { kind: "exists" };
  }
  const user = { id: newId("usr"), email: input.email, name: input.name };
  try {
    await runBatch(db, [
      db.insert(users).values({ ...user, passwordHash: input.passwordHash, emailVerifiedAt: null, createdAt: now, updatedAt: now }),
      ...verificationStatements(db, user, input.invitationIds, input.publicUrl, now),
      ...(input.onboardingStateId ? [consumeOnboardingState(db, input.onboardingStateId, now)] : []),
    ]);
  } catch (err) {
    // Another sign-up for the same address won the race: the unique email refused ours, nothing was written.
    if (await findUserByEmail(db, input.email)) return { kind: "exists" };
    throw err;
  }
  return { kind: "created", userId: user.id };
}

/** A fresh confirmation link for an account still waiting for one; nothing for any other address. */
export async function resendVerification(db: Db, email: string, extraInvitationIds: readonly string[], publicUrl: string, now: number): Promise<boolean> {
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt !== null) return false;
  // Keep the children confirmed earlier: the newest unused link's ids travel on.
  const last = await db
    .select({ payload: authTokens.payload })
    .from(authTokens)
    .where(and(eq(authTokens.purpose, "verify_email"), eq(authTokens.subjectId, user.id), isNull(authTokens.usedAt)))
    .orderBy(sql`${authTokens.createdAt} DESC`)
    .limit(1)
    .get();
  const ids = [...parseInvitationIds(last?.payload ?? null), ...extraInvitationIds];
  await runBatch(db, verificationStatements(db, user, ids, publicUrl, now));
  return true;
}

export interface VerifyLink {
  tokenId: string;
  user: UserRow;
  invitationIds: string[];
}

/** The live confirmation link a token names, with its account, or null (unknown, used or expired). */
export async function openVerifyLink(db: Db, token: string, now: number): Promise<VerifyLink | null> {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
  const row = await db
    .select({ tokenId: authTokens.id, payload: authTokens.payload, user: users })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.subjectId))
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, "verify_email"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .get();
  return row ? { tokenId: row.tokenId, user: row.user, invitationIds: parseInvitationIds(row.payload) } : null;
}

/**
 * Statements that use the link once and mark the email confirmed (kept from the first time: an
 * address is confirmed only once), plus the condition "this request used the link" for the
 * connection that follows in the same batch.
 */
export function confirmEmailStatements(db: Db, link: VerifyLink, now: number): { statements: Statement[]; usedByUs: ReturnType<typeof sql> } {
  const usedByUs = sql`EXISTS (SELECT 1 FROM auth_tokens WHERE id = ${link.tokenId} AND used_at = ${now})`;
  return {
    statements: [
      db.update(authTokens).set({ usedAt: now }).where(and(eq(authTokens.id, link.tokenId), isNull(authTokens.usedAt))),
      db
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`, updatedAt: now })
        .where(and(eq(users.id, link.user.id), usedByUs)),
    ],
    usedByUs,
  };
}
