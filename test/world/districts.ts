// Districts and their roster rows. A district is made through the admin API (it returns the
// district's API token); schools and students are inserted straight into D1 where the roster API
// is not what a test is about (classes through the roster API: see classes.ts).
import { env } from "cloudflare:workers";
import { newId } from "../../src/lib/random";
import { ADMIN_TOKEN, api } from "./requests";
import { uniq } from "./names";

export interface TestDistrict {
  id: string;
  name: string;
  token: string;
}

export interface TestSchool {
  id: string;
  sisId: string;
  name: string;
}

export interface TestStudent {
  id: string;
  sisId: string;
  firstName: string;
  lastName: string;
}

/** A fresh district through the admin API. */
export async function createDistrict(name = uniq("District ")): Promise<TestDistrict> {
  const res = await api(ADMIN_TOKEN, "POST", "/admin/districts", { name });
  if (res.status !== 201) throw new Error(`createDistrict: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestDistrict;
}

export async function insertSchool(districtId: string, name = "Maple Grove Elementary", sisId = uniq("sch-")): Promise<TestSchool> {
  const id = newId("sch");
  const t = Date.now();
  await env.DB.prepare("INSERT INTO schools (id, district_id, sis_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(id, districtId, sisId, name, t, t)
    .run();
  return { id, sisId, name };
}

export async function insertStudent(districtId: string, schoolId: string, s: Partial<TestStudent> = {}): Promise<TestStudent> {
  const student = { id: newId("stu"), sisId: s.sisId ?? uniq("s-"), firstName: s.firstName ?? "Maya", lastName: s.lastName ?? "Johnson" };
  const t = Date.now();
  await env.DB.prepare("INSERT INTO students (id, district_id, sis_id, school_id, first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .bind(student.id, districtId, student.sisId, schoolId, student.firstName, student.lastName, t, t)
    .run();
  return student;
}

/** Many students in a few multi-row statements (for batch tests); returns their sisIds. */
export async function insertStudents(districtId: string, schoolId: string, n: number, prefix = uniq("b") + "-"): Promise<string[]> {
  const sisIds = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const t = Date.now();
  const statements = [];
  for (let i = 0; i < n; i += 12) {
    const part = sisIds.slice(i, i + 12);
    statements.push(
      env.DB.prepare(
        `INSERT INTO students (id, district_id, sis_id, school_id, first_name, last_name, created_at, updated_at) VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      ).bind(...part.flatMap((sis) => [newId("stu"), districtId, sis, schoolId, `First ${sis}`, `Last ${sis}`, t, t])),
    );
  }
  await env.DB.batch(statements);
  return sisIds;
}

/** A fresh district with one school and one student. */
export async function districtWithStudent(opts: { schoolName?: string; student?: Partial<TestStudent>; districtName?: string } = {}): Promise<{ district: TestDistrict; school: TestSchool; student: TestStudent }> {
  const district = await createDistrict(opts.districtName);
  const school = await insertSchool(district.id, opts.schoolName);
  const student = await insertStudent(district.id, school.id, opts.student);
  return { district, school, student };
}

export interface Siblings {
  district: TestDistrict;
  school: TestSchool;
  otherSchool: TestSchool;
  maya: TestStudent;
  leo: TestStudent;
  ethan: TestStudent;
}

/** A district with two schools and three siblings: Maya and Leo at Maple Grove, Ethan at Riverside Middle. */
export async function districtWithSiblings(): Promise<Siblings> {
  const district = await createDistrict();
  const school = await insertSchool(district.id, "Maple Grove Elementary");
  const otherSchool = await insertSchool(district.id, "Riverside Middle School");
  const maya = await insertStudent(district.id, school.id, { firstName: "Maya", lastName: "Johnson" });
  const leo = await insertStudent(district.id, school.id, { firstName: "Leo", lastName: "Johnson" });
  const ethan = await insertStudent(district.id, otherSchool.id, { firstName: "Ethan", lastName: "Johnson" });
  return { district, school, otherSchool, maya, leo, ethan };
}

export async function setDistrictSettings(districtId: string, s: { invitationMessage?: string | null; invitationTtlDays?: number | null }): Promise<void> {
  await env.DB.prepare("UPDATE districts SET invitation_message = ?, invitation_ttl_days = ? WHERE id = ?")
    .bind(s.invitationMessage ?? null, s.invitationTtlDays ?? null, districtId)
    .run();
}
