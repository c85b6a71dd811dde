import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { buildZip, CLASSES, countRows, createDistrict, csv, ENROLLMENTS, importZip, manifest, ORGS, USERS_11, type Row } from "./world";

/** A district export of this size: 10 schools, a teacher and a class per 25 students, 1.5 parents per student. */
export function largeExport(studentCount: number, parentCount: number): Record<string, string> {
  const schools: Row[] = Array.from({ length: 10 }, (_, i) => ({ sourcedId: `sch-${i}`, name: `School ${i}`, type: "school" }));
  const classCount = Math.ceil(studentCount / 25);
  const users: Row[] = [];
  const classes: Row[] = [];
  const enrollments: Row[] = [];
  for (let c = 0; c < classCount; c++) {
    const school = `sch-${c % 10}`;
    users.push({ sourcedId: `t-${c}`, role: "teacher", orgSourcedIds: school, givenName: "Teacher", familyName: `Number ${c}`, email: `t${c}@school.test` });
    classes.push({ sourcedId: `c-${c}`, title: `Class ${c}`, schoolSourcedId: school });
    enrollments.push({ sourcedId: `et-${c}`, classSourcedId: `c-${c}`, userSourcedId: `t-${c}`, role: "teacher" });
  }
  for (let s = 0; s < studentCount; s++) {
    const c = Math.floor(s / 25);
    users.push({ sourcedId: `s-${s}`, role: "student", orgSourcedIds: `sch-${c % 10}`, givenName: "Student", familyName: `Number ${s}`, grades: String(s % 12) });
    enrollments.push({ sourcedId: `es-${s}`, classSourcedId: `c-${c}`, userSourcedId: `s-${s}`, role: "student" });
  }
  for (let p = 0; p < parentCount; p++) {
    users.push({ sourcedId: `p-${p}`, role: "parent", orgSourcedIds: "sch-0", givenName: "Parent", familyName: `Number ${p}`, email: `p${p}@family.test`, agentSourcedIds: `s-${p % studentCount}` });
  }
  return {
    "manifest.csv": manifest("1.1"),
    "orgs.csv": csv(ORGS, schools),
    "users.csv": csv(USERS_11, users),
    "classes.csv": csv(CLASSES, classes),
    "enrollments.csv": csv(ENROLLMENTS, enrollments),
  };
}

describe("OneRoster import at district scale", () => {
  it("imports a 20,000-student, 30,000-parent zip in one upload, every step within D1's 1,000 queries per invocation", { timeout: 600_000 }, async () => {
    const d = await createDistrict();
    const zip = await buildZip(largeExport(20_000, 30_000));
    const started = Date.now();
    const done = await importZip(d.token, zip, "", 580_000);
    const seconds = (Date.now() - started) / 1000;
    expect(done).toMatchObject({ status: "done", errors: [] });
    expect(done.counts.students.created).toBe(20_000);
    expect(done.counts.contacts.created).toBe(30_000);
    expect(done.counts.enrollments.created).toBe(20_800);
    expect(await countRows("students", "district_id = ?", d.id)).toBe(20_000);
    expect(await countRows("guardian_contacts", "district_id = ?", d.id)).toBe(30_000);
    const row = await env.DB.prepare("SELECT max_step_queries AS q FROM roster_imports WHERE id = ?").bind(done.id).first<{ q: number }>();
    expect(row!.q).toBeGreaterThan(0);
    expect(row!.q).toBeLessThan(1000);
    console.log(`oneroster scale: ${Math.round(50_800 / seconds)} users/s, ${seconds.toFixed(1)} s, at most ${row!.q} queries per step`);
  });
});
