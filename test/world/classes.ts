// A school with two classes, made through the roster API as a district's script would.
import { expect } from "vitest";
import { createDistrict, type TestDistrict } from "./districts";
import { uniq } from "./names";
import { api } from "./requests";
import { idOf } from "./rows";

export type ClassIds = Record<"T1" | "T2" | "SEC1" | "SEC2" | "S1" | "S2" | "S3", string>;

interface RosterStudent {
  firstName: string;
  lastName: string;
  grade: string;
  badgesEnabled?: boolean;
}

/** T1 teaches SEC1 (S1, S2); T2 teaches SEC2 (S3). */
async function twoClasses(opts: {
  districtName?: string;
  school: string;
  t1Email: string;
  students: [RosterStudent, RosterStudent, RosterStudent];
  sectionNames: [string, string];
}): Promise<{ district: TestDistrict; emails: { t1: string; t2: string }; ids: ClassIds }> {
  const district = await createDistrict(opts.districtName);
  const emails = { t1: opts.t1Email, t2: `${uniq("dev.")}@school.test` };
  const res = await api(district.token, "POST", "/roster", {
    schools: [{ sisId: "SCH1", name: opts.school }],
    teachers: [
      { sisId: "T1", name: "Ana Rivera", email: emails.t1 },
      { sisId: "T2", name: "Dev Shah", email: emails.t2 },
    ],
    students: opts.students.map((s, i) => ({ sisId: `S${i + 1}`, schoolSisId: "SCH1", ...s })),
    sections: [
      { sisId: "SEC1", name: opts.sectionNames[0], schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1", "S2"] },
      { sisId: "SEC2", name: opts.sectionNames[1], schoolSisId: "SCH1", teacherSisIds: ["T2"], studentSisIds: ["S3"] },
    ],
  });
  expect(res.status).toBe(200);
  const ids = {} as ClassIds;
  for (const [table, keys] of [
    ["teachers", ["T1", "T2"]],
    ["sections", ["SEC1", "SEC2"]],
    ["students", ["S1", "S2", "S3"]],
  ] as const) {
    for (const key of keys) ids[key] = await idOf(table, district.id, key);
  }
  return { district, emails, ids };
}

export interface TeacherWorld {
  district: TestDistrict;
  /** Roster emails of T1 and T2. */
  emails: { t1: string; t2: string };
  ids: ClassIds;
}

/**
 * Lincoln Elementary: T1 (Ana Rivera) teaches SEC1 (S1 Maya Johnson, S2 Leo Brown); T2 (Dev Shah)
 * teaches SEC2 (S3 Ava Patel).
 */
export function teacherWorld(opts: { t1Email?: string; districtName?: string } = {}): Promise<TeacherWorld> {
  return twoClasses({
    districtName: opts.districtName,
    school: "Lincoln Elementary",
    t1Email: opts.t1Email ?? `${uniq("ana.")}@school.test`,
    students: [
      { firstName: "Maya", lastName: "Johnson", grade: "3" },
      { firstName: "Leo", lastName: "Brown", grade: "3" },
      { firstName: "Ava", lastName: "Patel", grade: "1" },
    ],
    sectionNames: ["Grade 3 · Room 12", "Grade 1 · Room 4"],
  });
}

/**
 * Oak Hill Elementary: T1 teaches SEC1 (S1 Maya Lopez, badges on; S2 Leo Lopez, badges off), T2
 * teaches SEC2 (S3 Ava Chen, badges on).
 */
export function badgeClasses(): Promise<Omit<TeacherWorld, "emails">> {
  return twoClasses({
    school: "Oak Hill Elementary",
    t1Email: `${uniq("ana.")}@school.test`,
    students: [
      { firstName: "Maya", lastName: "Lopez", grade: "3", badgesEnabled: true },
      { firstName: "Leo", lastName: "Lopez", grade: "1", badgesEnabled: false },
      { firstName: "Ava", lastName: "Chen", grade: "3", badgesEnabled: true },
    ],
    sectionNames: ["Grade 3 · Room 12", "Grade 3 · Room 14"],
  });
}
