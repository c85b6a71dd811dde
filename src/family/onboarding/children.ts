/** A parent's connected children for the home page. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { guardianships, schools, students } from "../../db/schema";

export interface ConnectedChild {
  studentId: string;
  districtId: string;
  firstName: string;
  lastName: string;
  grade: string | null;
  schoolName: string;
  badgesEnabled: boolean;
}

/** One query: guardianships → students → schools, only this parent's own rows. */
export async function listChildren(db: Db, userId: string): Promise<ConnectedChild[]> {
  return db
    .select({
      studentId: students.id,
      districtId: students.districtId,
      firstName: students.firstName,
      lastName: students.lastName,
      grade: students.grade,
      schoolName: schools.name,
      badgesEnabled: students.badgesEnabled,
    })
    .from(guardianships)
    .innerJoin(students, eq(students.id, guardianships.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(eq(guardianships.userId, userId))
    .orderBy(asc(students.firstName), asc(students.lastName), asc(students.id))
    .all();
}
