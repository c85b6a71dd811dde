/**
 * A student session lives only as long as the grant that opened it (`sessions.grant_id`): the
 * badge of a badge login, or the parent's guardianship of an Instant Login. loadActor checks the
 * grant on every request (liveGrantedStudentQuery, in the session's batch); the changes that end a grant also delete the
 * sessions it opened, in the same batch (the statements below), so no row outlives its grant.
 */
import { and, eq, exists, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { badges, guardianships, sessions, students } from "../db/schema";
import { chunk, type Statement } from "../db/batch";
import type { Session } from "./sessions";

/**
 * The student of a student session, in one query, only while its grant holds: a badge of theirs
 * that is not voided (their badges still on), or a guardianship of theirs that still exists.
 * A session without a grant (made before grants were recorded) is not trusted: null, no query.
 */
export async function liveGrantedStudent(db: Db, session: Pick<Session, "subjectId" | "grantId">): Promise<typeof students.$inferSelect | null> {
  if (!session.grantId) return null;
  const row = await liveGrantedStudentQuery(db, session.subjectId, session.grantId).get();
  return row?.student ?? null;
}

/**
 * The same check as a statement for a batch, the student and grant given as values or SQL (e.g.
 * subqueries on the session row, so it runs in the same round trip as the session's read). A NULL
 * grant matches no badge and no guardianship: no row.
 */
export function liveGrantedStudentQuery(db: Db, subjectId: string | SQL, grantId: string | SQL) {
  return db
    .select({ student: students })
    .from(students)
    .leftJoin(badges, and(eq(badges.id, grantId), eq(badges.studentId, students.id), eq(badges.districtId, students.districtId), isNull(badges.voidedAt), eq(students.badgesEnabled, true)))
    .leftJoin(guardianships, and(eq(guardianships.id, grantId), eq(guardianships.studentId, students.id), eq(guardianships.districtId, students.districtId)))
    .where(and(eq(students.id, subjectId), or(isNotNull(badges.id), isNotNull(guardianships.id))));
}

/** Ends the student sessions that this grant (a badge or guardianship id) opened. */
export function endSessionsOfGrant(db: Db, grantId: string): Statement {
  return db.delete(sessions).where(and(eq(sessions.kind, "student"), eq(sessions.grantId, grantId)));
}

/** Students per statement in endBadgeSessionsOf: the ids travel as ONE JSON parameter. */
const STUDENTS_PER_DELETE = 500;

/**
 * Ends every badge-opened session of these students (a new badge, badges turned off), found on
 * the sessions' own (kind, subject) index, each session's grant looked up by id. A whole
 * district's roster call costs a statement per 500 students.
 */
export function endBadgeSessionsOf(db: Db, studentIds: readonly string[]): Statement[] {
  return chunk([...new Set(studentIds)], STUDENTS_PER_DELETE).map((part) =>
    db
      .delete(sessions)
      .where(
        and(
          eq(sessions.kind, "student"),
          sql`${sessions.subjectId} IN (SELECT value FROM json_each(${JSON.stringify(part)}))`,
          exists(db.select({ one: sql`1` }).from(badges).where(eq(badges.id, sessions.grantId))),
        ),
      ),
  );
}

/** Ends the Instant Login sessions started through this parent's guardianships (their account is going). */
export function endSessionsOfGuardian(db: Db, userId: string): Statement {
  return db
    .delete(sessions)
    .where(and(eq(sessions.kind, "student"), inArray(sessions.grantId, db.select({ id: guardianships.id }).from(guardianships).where(eq(guardianships.userId, userId)))));
}
