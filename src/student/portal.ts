/** What the student portal shows: the student's school and the district's links for students (SPEC 3.3). */
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { pageLoad } from "../auth/page-load";
import type { Db } from "../db/client";
import { districtLinks, schools, students } from "../db/schema";

/** Which link audiences each kind of reader sees. */
export const AUDIENCES_FOR = { families: ["families", "both"], students: ["students", "both"] } as const;

export interface PortalLink {
  title: string;
  url: string;
  description: string | null;
}

export interface StudentPortal {
  schoolName: string | null;
  links: PortalLink[];
}

/**
 * Two statements for one round trip: the student's school's name and their district's links for
 * students, in key order. `studentId` may be SQL (a subquery on the session).
 */
export function portalStatements(db: Db, studentId: string | SQL) {
  const districtOfStudent = db.select({ id: students.districtId }).from(students).where(eq(students.id, studentId));
  return [
    db
      .select({ name: schools.name })
      .from(schools)
      .innerJoin(students, and(eq(students.schoolId, schools.id), eq(students.districtId, schools.districtId)))
      .where(eq(students.id, studentId)),
    db
      .select({ title: districtLinks.title, url: districtLinks.url, description: districtLinks.description })
      .from(districtLinks)
      .where(and(eq(districtLinks.districtId, districtOfStudent), inArray(districtLinks.audience, [...AUDIENCES_FOR.students])))
      .orderBy(asc(districtLinks.key)),
  ] as const;
}

const portalOf = ([school, links]: readonly [{ name: string }[], PortalLink[]]): StudentPortal => ({ schoolName: school[0]?.name ?? null, links });

/** The student portal, in the session's round trip. */
export const portalLoad = pageLoad("student", portalStatements, portalOf);

export async function loadStudentPortal(db: Db, studentId: string): Promise<StudentPortal> {
  return portalOf(await db.batch(portalStatements(db, studentId)));
}
