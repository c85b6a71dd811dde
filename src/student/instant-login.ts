/** Instant Login: a parent hands this device to one of their children (SPEC 3.3). */
import { and, eq } from "drizzle-orm";
import { auditInsert } from "../audit";
import { deleteSession, newSessionRow } from "../auth/sessions";
import type { Db } from "../db/client";
import { guardianships, schools, sessions, students } from "../db/schema";

export interface OwnChild {
  studentId: string;
  districtId: string;
  firstName: string;
  lastName: string;
  schoolName: string;
}

/** Our ids are `prefix_base32`: anything else cannot name a student and is simply not found. */
export const isRowId = (s: string) => s.length <= 64 && /^[a-z]+_[a-z0-9]+$/.test(s);

/** This parent's own child with this id, or undefined (another family's child, another district's id, no such row). */
export async function findOwnChild(db: Db, userId: string, studentId: string): Promise<OwnChild | undefined> {
  if (!isRowId(studentId)) return undefined;
  return db
    .select({
      studentId: students.id,
      districtId: students.districtId,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: schools.name,
    })
    .from(guardianships)
    .innerJoin(students, and(eq(students.id, guardianships.studentId), eq(students.districtId, guardianships.districtId)))
    .innerJoin(schools, and(eq(schools.id, students.schoolId), eq(schools.districtId, students.districtId)))
    .where(and(eq(guardianships.userId, userId), eq(guardianships.studentId, studentId)))
    .get();
}

/**
 * In one batch: ends the parent's session on this device, starts the child's (8 hours, see
 * SESSION_LIMITS) and records who did it. Returns the child's cookie token.
 */
export async function startInstantLogin(
  db: Db,
  parent: { userId: string; sessionId: string },
  child: Pick<OwnChild, "studentId" | "districtId">,
  userAgent?: string | null,
): Promise<string> {
  const { token, row } = newSessionRow("student", child.studentId, userAgent);
  await db.batch([
    deleteSession(db, parent.sessionId),
    db.insert(sessions).values(row),
    auditInsert(db, { districtId: child.districtId, actorKind: "parent", actorId: parent.userId, action: "instant_login", studentId: child.studentId }),
  ]);
  return token;
}
