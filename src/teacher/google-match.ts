/** Which roster teachers a Google account may sign in as. */
import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { teachers } from "../db/schema";
import type { GoogleProfile } from "../auth/google";
import { findTeachersByEmail, type TeacherRecord } from "./sign-in-link";

/**
 * Rows whose roster email equals the account's VERIFIED email, and that are either not yet bound
 * to a Google account or bound to this one (a row, once bound, follows the account's `sub`).
 */
export async function teachersForGoogle(db: Db, profile: GoogleProfile): Promise<TeacherRecord[]> {
  if (!profile.email || !profile.emailVerified) return [];
  const rows = await findTeachersByEmail(db, profile.email);
  return rows.filter((r) => r.googleSub === null || r.googleSub === profile.sub);
}

/**
 * Binds the row to the Google account the first time; afterwards only the same account passes.
 * Conditional, so two accounts racing for an unbound row cannot both win.
 */
export async function bindGoogleSub(db: Db, teacherId: string, email: string, sub: string): Promise<boolean> {
  const result = await db
    .update(teachers)
    // updated_at is the roster's: a sign-in is not a roster change.
    .set({ googleSub: sub })
    .where(and(eq(teachers.id, teacherId), eq(teachers.email, email), or(isNull(teachers.googleSub), eq(teachers.googleSub, sub))))
    .run();
  return result.meta.changes === 1;
}
