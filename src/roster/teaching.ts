/**
 * What a teacher teaches, read from the roster as it is now: the grant behind every teacher page.
 * Their own sections (section_teachers, in their own district) and the students enrolled in them,
 * as subqueries, so no id list is bound and nothing of another district slips in.
 */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { enrollments, sections, sectionTeachers, teachers } from "../db/schema";

/** A teacher as these checks need them: their row and their district. */
export interface TeacherRef {
  id: string;
  districtId: string;
}

/** A teacher as a statement may name them: ids or SQL (e.g. subqueries on the session, in its batch). */
export interface TeacherKey {
  id: string | SQL;
  districtId: string | SQL;
}

/** The teacher whose id is `id` (SQL), their district read from their own row. */
export const teacherKeyOf = (id: SQL): TeacherKey => ({ id, districtId: sql`(SELECT ${teachers.districtId} FROM ${teachers} WHERE ${teachers.id} = ${id})` });

/** The ids of the teacher's sections (optionally just `sectionId`). */
export function teacherSectionIds(db: Db, teacher: TeacherKey, sectionId?: string) {
  return db
    .select({ id: sectionTeachers.sectionId })
    .from(sectionTeachers)
    .innerJoin(sections, eq(sections.id, sectionTeachers.sectionId))
    .where(and(eq(sectionTeachers.teacherId, teacher.id), eq(sections.districtId, teacher.districtId), sectionId ? eq(sections.id, sectionId) : undefined));
}

/** The ids of the students enrolled in the teacher's sections (optionally just `sectionId`). */
export function teacherStudentIds(db: Db, teacher: TeacherKey, sectionId?: string) {
  return db.select({ id: enrollments.studentId }).from(enrollments).where(inArray(enrollments.sectionId, teacherSectionIds(db, teacher, sectionId)));
}

/** The teacher teaches the student now: a section of the district with both of them in it. */
export const teaches = (teacherId: SQLWrapper | string, districtId: SQLWrapper | string, studentId: SQLWrapper | string): SQL => sql`exists (
  select 1 from ${enrollments}
  join ${sectionTeachers} on ${sectionTeachers.sectionId} = ${enrollments.sectionId}
  join ${sections} on ${sections.id} = ${enrollments.sectionId}
  where ${enrollments.studentId} = ${studentId} and ${sectionTeachers.teacherId} = ${teacherId} and ${sections.districtId} = ${districtId})`;
