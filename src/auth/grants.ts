/**
 * A student session lives only as long as the grant that opened it (`sessions.grant_id`): the
 * badge of a badge login, or the parent's guardianship of an Instant Login. loadActor checks the
 * grant on every request (liveGrantedStudent).
 */
import { and, eq, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { badges, guardianships, students } from "../db/schema";
import type { Session } from "./sessions";

/**
 * The student of a student session, in one query, only while its grant holds: a badge of theirs
 * that is not voided (their badges still on), or a guardianship of theirs that still exists.
 * A session without a grant (made before grants were recorded) is not trusted: null, no query.
 */
export async function liveGrantedStudent(db: Db, session: Pick<Session, "subjectId" | "grantId">): Promise<typeof students.$inferSelect | null> {
  if (!session.grantId) return null;
  const row = await db
    .select({ student: students })
    .from(students)
    .leftJoin(
      badges,
      and(eq(badges.id, session.grantId), eq(badges.studentId, students.id), eq(badges.districtId, students.districtId), isNull(badges.voidedAt), eq(students.badgesEnabled, true)),
    )
    .leftJoin(guardianships, and(eq(guardianships.id, session.grantId), eq(guardianships.studentId, students.id), eq(guardianships.districtId, students.districtId)))
    .where(and(eq(students.id, session.subjectId), or(isNotNull(badges.id), isNotNull(guardianships.id))))
    .get();
  return row?.student ?? null;
}
