/** The parent account for a Google sign-in: keyed by Google's `sub`, never by email alone. */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import type { GoogleProfile } from "../../auth/google";
import { newId } from "../../lib/random";
import { isStudentEmail } from "./accounts";

export type GoogleAccountOutcome =
  | { ok: true; userId: string; created: boolean }
  /** Anything we will not explain in detail (one generic page). */
  | { ok: false; error: "refused" }
  /** The Google account's address is a student's school address on the roster of an inviting district. */
  | { ok: false; error: "student_email" };

/**
 * 1. An account with this Google `sub` → that account.
 * 2. An account with the same email → link the `sub` only when both that account's email and
 *    Google's are verified (else refuse: someone else may hold that address).
 * 3. Otherwise a new account with Google's email (confirmed if Google says it is verified),
 *    unless that email is a student's address on the roster of a district being joined.
 */
export async function resolveGoogleAccount(db: Db, profile: GoogleProfile, invitationIds: readonly string[], now: number): Promise<GoogleAccountOutcome> {
  const bySub = await db.select({ id: users.id }).from(users).where(eq(users.googleSub, profile.sub)).get();
  if (bySub) return { ok: true, userId: bySub.id, created: false };
  const email = profile.email;
  if (!email || email.length > 254 || !email.includes("@")) return { ok: false, error: "refused" };

  const byEmail = await db.select({ id: users.id, emailVerifiedAt: users.emailVerifiedAt, googleSub: users.googleSub }).from(users).where(eq(users.email, email)).get();
  if (byEmail) {
    if (byEmail.emailVerifiedAt === null || !profile.emailVerified || byEmail.googleSub !== null) return { ok: false, error: "refused" };
    const linked = await db
      .update(users)
      .set({ googleSub: profile.sub, updatedAt: now })
      .where(and(eq(users.id, byEmail.id), isNull(users.googleSub), isNotNull(users.emailVerifiedAt)))
      .returning({ id: users.id });
    return linked.length === 1 ? { ok: true, userId: byEmail.id, created: false } : { ok: false, error: "refused" };
  }

  if (await isStudentEmail(db, email, invitationIds)) return { ok: false, error: "student_email" };
  const id = newId("usr");
  const name = (profile.name?.trim() || email.split("@")[0] || "Parent").slice(0, 200);
  try {
    await db.insert(users).values({ id, email, name, googleSub: profile.sub, emailVerifiedAt: profile.emailVerified ? now : null, createdAt: now, updatedAt: now });
  } catch {
    // The same Google account or address signed up a moment ago in another tab.
    const again = await db.select({ id: users.id }).from(users).where(eq(users.googleSub, profile.sub)).get();
    return again ? { ok: true, userId: again.id, created: false } : { ok: false, error: "refused" };
  }
  return { ok: true, userId: id, created: true };
}
