/**
 * A parent's own children: the one place that joins guardianships → students → schools, so that
 * every page that names a child asks the same question (is this child theirs?) the same way.
 */
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianships, schools, students } from "../db/schema";
import { isRowId } from "../lib/ids";

export interface ConnectedChild {
  studentId: string;
  districtId: string;
  firstName: string;
  lastName: string;
  grade: string | null;
  schoolName: string;
  badgesEnabled: boolean;
}

const childColumns = {
  studentId: students.id,
  districtId: students.districtId,
  firstName: students.firstName,
  lastName: students.lastName,
  grade: students.grade,
  schoolName: schools.name,
  badgesEnabled: students.badgesEnabled,
};

/** From guardianships: the child, and the child's school, each of the guardianship's district. */
export const childOfGuardianship = and(eq(students.id, guardianships.studentId), eq(students.districtId, guardianships.districtId));
export const schoolOfChild = and(eq(schools.id, students.schoolId), eq(schools.districtId, students.districtId));

/** This parent's children (or only `studentId`, if it is theirs). */
export const ownChildOf = (userId: string | SQL, studentId?: string) => and(eq(guardianships.userId, userId), studentId === undefined ? undefined : eq(guardianships.studentId, studentId));

function ownChildren(db: Db, userId: string | SQL, studentId?: string) {
  return db.select(childColumns).from(guardianships).innerJoin(students, childOfGuardianship).innerJoin(schools, schoolOfChild).where(ownChildOf(userId, studentId));
}

/** The parent's children, by name: a query to run alone or inside a batch. */
export function ownChildrenQuery(db: Db, userId: string | SQL) {
  return ownChildren(db, userId).orderBy(asc(students.firstName), asc(students.lastName), asc(students.id));
}

export function listChildren(db: Db, userId: string): Promise<ConnectedChild[]> {
  return ownChildrenQuery(db, userId).all();
}

/** This parent's own child with this id, or undefined (another family's child, another district's id, no such row). */
export async function findOwnChild(db: Db, userId: string, studentId: string): Promise<ConnectedChild | undefined> {
  if (!isRowId(studentId)) return undefined;
  return ownChildren(db, userId, studentId).get();
}
