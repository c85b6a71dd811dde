/** What the student portal shows: the student's school and the district's links for students (SPEC 3.3). */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { districtLinks, schools } from "../db/schema";

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

/** One round trip: the school's name and the district's links for students, in key order. */
export async function loadStudentPortal(db: Db, student: { districtId: string; schoolId: string }): Promise<StudentPortal> {
  const [school, links] = await db.batch([
    db
      .select({ name: schools.name })
      .from(schools)
      .where(and(eq(schools.id, student.schoolId), eq(schools.districtId, student.districtId))),
    db
      .select({ title: districtLinks.title, url: districtLinks.url, description: districtLinks.description })
      .from(districtLinks)
      .where(and(eq(districtLinks.districtId, student.districtId), inArray(districtLinks.audience, [...AUDIENCES_FOR.students])))
      .orderBy(asc(districtLinks.key)),
  ]);
  return { schoolName: school[0]?.name ?? null, links };
}
