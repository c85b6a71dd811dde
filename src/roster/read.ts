import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { enrollments, schools, sectionTeachers, sections, students, teachers } from "../db/schema";
import { isoDate } from "../lib/time";

const iso = (row: { createdAt: number; updatedAt: number }) => ({ createdAt: isoDate(row.createdAt), updatedAt: isoDate(row.updatedAt) });

export async function getSchool(db: Db, districtId: string, sisId: string) {
  const row = await db
    .select()
    .from(schools)
    .where(and(eq(schools.districtId, districtId), eq(schools.sisId, sisId)))
    .get();
  return row ? { id: row.id, sisId: row.sisId, name: row.name, ...iso(row) } : null;
}

export async function getTeacher(db: Db, districtId: string, sisId: string) {
  const row = await db
    .select()
    .from(teachers)
    .where(and(eq(teachers.districtId, districtId), eq(teachers.sisId, sisId)))
    .get();
  return row ? { id: row.id, sisId: row.sisId, name: row.name, email: row.email, ...iso(row) } : null;
}

const studentColumns = {
  id: students.id,
  sisId: students.sisId,
  firstName: students.firstName,
  lastName: students.lastName,
  schoolSisId: schools.sisId,
  grade: students.grade,
  email: students.email,
  badgesEnabled: students.badgesEnabled,
  createdAt: students.createdAt,
  updatedAt: students.updatedAt,
};

const studentJson = <T extends { createdAt: number; updatedAt: number }>(row: T) => ({ ...row, ...iso(row) });

/** The student of this district with this sisId, with its school's sisId. */
export async function getStudent(db: Db, districtId: string, sisId: string) {
  const row = await db
    .select(studentColumns)
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(and(eq(students.districtId, districtId), eq(students.sisId, sisId)))
    .get();
  return row ? studentJson(row) : null;
}

/** One page of the district's students in sisId order; `afterSisId` is the last sisId of the previous page. */
export async function listStudents(db: Db, districtId: string, limit: number, afterSisId: string | null) {
  const rows = await db
    .select(studentColumns)
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(and(eq(students.districtId, districtId), afterSisId === null ? undefined : gt(students.sisId, afterSisId)))
    .orderBy(asc(students.sisId))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return { data: page.map(studentJson), lastSisId: rows.length > limit ? (page.at(-1)?.sisId ?? null) : null };
}

/** A section with its school's sisId and its members' sisIds (one round trip). */
export async function getSection(db: Db, districtId: string, sisId: string) {
  const inSection = and(eq(sections.districtId, districtId), eq(sections.sisId, sisId));
  const [section, teacherRows, studentRows] = await db.batch([
    // A subquery, not a join: batched rows are keyed by column name, and both tables have sis_id.
    db
      .select({
        id: sections.id,
        sisId: sections.sisId,
        name: sections.name,
        schoolSisId: sql<string>`(select ${schools.sisId} from ${schools} where ${schools.id} = ${sections.schoolId})`,
        createdAt: sections.createdAt,
        updatedAt: sections.updatedAt,
      })
      .from(sections)
      .where(inSection),
    db
      .select({ sisId: teachers.sisId })
      .from(sectionTeachers)
      .innerJoin(sections, eq(sections.id, sectionTeachers.sectionId))
      .innerJoin(teachers, eq(teachers.id, sectionTeachers.teacherId))
      .where(inSection)
      .orderBy(asc(teachers.sisId)),
    db
      .select({ sisId: students.sisId })
      .from(enrollments)
      .innerJoin(sections, eq(sections.id, enrollments.sectionId))
      .innerJoin(students, eq(students.id, enrollments.studentId))
      .where(inSection)
      .orderBy(asc(students.sisId)),
  ]);
  const row = section[0];
  if (!row) return null;
  return {
    id: row.id,
    sisId: row.sisId,
    name: row.name,
    schoolSisId: row.schoolSisId,
    teacherSisIds: teacherRows.map((t) => t.sisId),
    studentSisIds: studentRows.map((s) => s.sisId),
    ...iso(row),
  };
}
