/** The parent account for a Google sign-in: keyed by Google's `sub`, never by email alone. */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { signUpAttempts, users } from "../db/schema";
import type { GoogleProfile } from "../auth/google";
import { runBatch } from "../db/batch";
import { newId } from "../lib/random";
import { cleanLine } from "../lib/text";
import { isStudentEmail } from "./sign-up";
import { claimAddressStatements } from "./claim-address";

export type GoogleAccountOutcome =
  | { ok: true; userId: string; created: boolean }
  /** Anything we will not explain in detail (one generic page). */
  | { ok: false; error: "refused" }
  /** The Google account's address is a student's school address on the roster of an inviting district. */
  | { ok: false; error: "student_email" };

/**
 * 1. An account with this Google `sub` → that account.
 * 2. Otherwise Google must have verified the address: an account claims an address only when
 *    someone proved they hold it (an unverified one would block, or later join, its owner).
 * 3. A confirmed account with the same email → link the `sub` (refused if it has another one).
 * 4. Otherwise a new, confirmed account with Google's email, unless it is a student's address on
 *    the roster of a district being joined (`invitationIds`). An unconfirmed row on that address
 *    (left by the old email sign-up, or an unverified Google account) is never merged: its
 *    password goes, or the other Google account lets go of the address. Pending email sign-ups
 *    for the address are retired.
 */
export async function resolveGoogleAccount(
  db: Db,
  profile: GoogleProfile,
  invitationIds: readonly string[],
  now: number,
  /** The language the pages were shown in: a new account's language (an existing account keeps its own). */
  language: string | null = null,
): Promise<GoogleAccountOutcome> {
  const bySub = await db.select({ id: users.id }).from(users).where(eq(users.googleSub, profile.sub)).get();
  if (bySub) return { ok: true, userId: bySub.id, created: false };
  const email = profile.email;
  if (!email || email.length > 254 || !email.includes("@") || !profile.emailVerified) return { ok: false, error: "refused" };

  const byEmail = await db.select({ id: users.id, emailVerifiedAt: users.emailVerifiedAt, googleSub: users.googleSub }).from(users).where(eq(users.email, email)).get();
  if (byEmail && byEmail.emailVerifiedAt !== null) {
    if (byEmail.googleSub !== null) return { ok: false, error: "refused" };
    const linked = await db
      .update(users)
      .set({ googleSub: profile.sub, updatedAt: now })
      .where(and(eq(users.id, byEmail.id), isNull(users.googleSub), isNotNull(users.emailVerifiedAt)))
      .returning({ id: users.id });
    return linked.length === 1 ? { ok: true, userId: byEmail.id, created: false } : { ok: false, error: "refused" };
  }

  if (await isStudentEmail(db, email, invitationIds)) return { ok: false, error: "student_email" };
  const id = byEmail && byEmail.googleSub === null ? byEmail.id : newId("usr");
  const name = (cleanLine(profile.name ?? "").trim() || email.split("@")[0] || "Parent").slice(0, 200);
  try {
    await runBatch(db, [
      ...claimAddressStatements(db, { id, email, name, passwordHash: null, googleSub: profile.sub, language }, now),
      db.update(signUpAttempts).set({ usedAt: now }).where(and(eq(signUpAttempts.email, email), isNull(signUpAttempts.usedAt))),
    ]);
  } catch {
    // The same Google account signed up a moment ago in another tab (its sub is taken).
    const again = await db.select({ id: users.id }).from(users).where(eq(users.googleSub, profile.sub)).get();
    return again ? { ok: true, userId: again.id, created: false } : { ok: false, error: "refused" };
  }
  // Ours only if the row on the address now carries this sub (a racing confirmation may have won).
  const mine = await db.select({ id: users.id }).from(users).where(and(eq(users.id, id), eq(users.email, email), eq(users.googleSub, profile.sub))).get();
  return mine ? { ok: true, userId: id, created: true } : { ok: false, error: "refused" };
}
