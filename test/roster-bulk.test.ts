import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { getDb } from "../src/db/client";
import { applyRosterPlan, planRosterUpsert } from "../src/roster/upsert";
import { api, countRows, createDistrict, type TestDistrict } from "./world";

interface ApiErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}
type Counts = Record<"schools" | "teachers" | "students" | "sections", { created: number; updated: number }>;

const json = async <T>(res: Response) => (await res.json()) as T;
const roster = (d: TestDistrict | null, body: unknown) => api(d?.token ?? null, "POST", "/roster", body);
const districtRows = (table: string, d: TestDistrict) => countRows(table, "district_id = ?", d.id);
const rosterRows = async (d: TestDistrict) => ({
  schools: await districtRows("schools", d),
  teachers: await districtRows("teachers", d),
  students: await districtRows("students", d),
  sections: await districtRows("sections", d),
  enrollments: await countRows("enrollments", "section_id IN (SELECT id FROM sections WHERE district_id = ?)", d.id),
  sectionTeachers: await countRows("section_teachers", "section_id IN (SELECT id FROM sections WHERE district_id = ?)", d.id),
});

const student = (sisId: string, schoolSisId = "SCH1") => ({ sisId, firstName: "First", lastName: `Last ${sisId}`, schoolSisId });
const range = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, "0")}`);

describe("POST /roster", () => {
  it("creates a school, its teachers, students and sections in one call, references resolved within the call", async () => {
    const d = await createDistrict();
    const res = await roster(d, {
      schools: [{ sisId: "SCH1", name: "Lincoln Elementary" }],
      teachers: [
        { sisId: "T1", name: "Ada Lovelace", email: "ADA@school.test" },
        { sisId: "T2", name: "Alan Turing", email: "alan@school.test" },
      ],
      students: [
        { ...student("S1"), grade: "2", badgesEnabled: true },
        { ...student("S2"), email: "s2@students.test" },
        student("S3"),
      ],
      sections: [
        { sisId: "SEC1", name: "Room 1", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1", "S2"] },
        { sisId: "SEC2", name: "Room 2", schoolSisId: "SCH1", teacherSisIds: ["T1", "T2"], studentSisIds: ["S3"] },
      ],
    });
    expect(res.status).toBe(200);
    expect(await json<Counts>(res)).toEqual({
      schools: { created: 1, updated: 0 },
      teachers: { created: 2, updated: 0 },
      students: { created: 3, updated: 0 },
      sections: { created: 2, updated: 0 },
    });
    expect(await rosterRows(d)).toEqual({ schools: 1, teachers: 2, students: 3, sections: 2, enrollments: 3, sectionTeachers: 3 });
    expect(await json(await api(d.token, "GET", "/students/S1"))).toMatchObject({ grade: "2", badgesEnabled: true, email: null });
    expect(await json(await api(d.token, "GET", "/teachers/T1"))).toMatchObject({ email: "ada@school.test" });
    expect(await json(await api(d.token, "GET", "/sections/SEC2"))).toMatchObject({ teacherSisIds: ["T1", "T2"], studentSisIds: ["S3"] });

    // A later call refers to rows stored by the first one.
    const next = await roster(d, {
      students: [student("S4")],
      sections: [{ sisId: "SEC1", name: "Room 1", schoolSisId: "SCH1", studentSisIds: ["S1", "S4"] }],
    });
    expect(next.status).toBe(200);
    expect(await json<Counts>(next)).toMatchObject({ students: { created: 1, updated: 0 }, sections: { created: 0, updated: 1 } });
    expect(await json(await api(d.token, "GET", "/sections/SEC1"))).toMatchObject({ teacherSisIds: ["T1"], studentSisIds: ["S1", "S4"] });
  });

  it("loads 1,000 students in one call, and a second call updates them all", async () => {
    const d = await createDistrict();
    expect((await roster(d, { schools: [{ sisId: "SCH1", name: "One" }, { sisId: "SCH2", name: "Two" }] })).status).toBe(200);
    const ids = range(1000, "S");
    // Mixed shapes: some carry the optional fields, some do not.
    const first = ids.map((sisId, i) => ({ ...student(sisId), ...(i % 3 === 0 ? { grade: "K", badgesEnabled: true } : {}), ...(i % 5 === 0 ? { email: `${sisId}@students.test` } : {}) }));
    const created = await roster(d, { students: first });
    expect(created.status).toBe(200);
    expect(await json<Counts>(created)).toEqual({
      schools: { created: 0, updated: 0 },
      teachers: { created: 0, updated: 0 },
      students: { created: 1000, updated: 0 },
      sections: { created: 0, updated: 0 },
    });
    expect(await districtRows("students", d)).toBe(1000);
    expect(await countRows("students", "district_id = ? AND badges_enabled = 1", d.id)).toBe(334);

    const updated = await roster(d, { students: ids.map((sisId) => ({ ...student(sisId, "SCH2"), lastName: `Renamed ${sisId}` })) });
    expect(updated.status).toBe(200);
    expect(await json<Counts>(updated)).toMatchObject({ students: { created: 0, updated: 1000 } });
    expect(await districtRows("students", d)).toBe(1000);
    expect(await countRows("students", "district_id = ? AND last_name LIKE 'Renamed %' AND school_id = (SELECT id FROM schools WHERE district_id = ? AND sis_id = 'SCH2')", d.id, d.id)).toBe(1000);
    // Left-out optional fields kept their values.
    expect(await countRows("students", "district_id = ? AND badges_enabled = 1 AND grade = 'K'", d.id)).toBe(334);
    expect(await countRows("students", "district_id = ? AND email IS NOT NULL", d.id)).toBe(200);
  });

  it("takes a call at the limits: 20,000 memberships across 40 full sections", async () => {
    const d = await createDistrict();
    const studentIds = range(999, "S");
    const teacherIds = range(20, "T");
    expect(
      (await roster(d, { schools: [{ sisId: "SCH1", name: "One" }], students: studentIds.map((s) => student(s)) })).status,
    ).toBe(200);
    expect((await roster(d, { teachers: teacherIds.map((t) => ({ sisId: t, name: t, email: `${t}@school.test` })) })).status).toBe(200);

    const sections = range(40, "SEC").map((sisId, i) => ({
      sisId,
      name: `Section ${i}`,
      schoolSisId: "SCH1",
      teacherSisIds: [],
      studentSisIds: Array.from({ length: 500 }, (_, k) => studentIds[(i * 37 + k) % studentIds.length]!),
    }));
    const res = await roster(d, { sections });
    expect(res.status).toBe(200);
    expect(await json<Counts>(res)).toMatchObject({ sections: { created: 40, updated: 0 } });
    expect((await rosterRows(d)).enrollments).toBe(20_000);

    // Replacing every list in a second call rewrites the memberships, still within one call.
    const again = await roster(d, { sections: sections.map((s) => ({ ...s, teacherSisIds: teacherIds.slice(0, 10), studentSisIds: s.studentSisIds.slice(0, 490) })) });
    expect(again.status).toBe(200);
    expect(await rosterRows(d)).toMatchObject({ enrollments: 19_600, sectionTeachers: 400 });
  });

  it("is all-or-nothing: one bad reference among many writes nothing and names each bad item", async () => {
    const d = await createDistrict();
    expect((await roster(d, { schools: [{ sisId: "SCH1", name: "One" }] })).status).toBe(200);
    const before = await rosterRows(d);
    const students = range(50, "S").map((s) => student(s));
    students[12] = student("S00012", "NOPE");
    students[30] = student("S00030", "ALSO-NOPE");
    const res = await roster(d, {
      schools: [{ sisId: "SCH2", name: "Two" }],
      students,
      sections: [{ sisId: "SEC1", name: "Room", schoolSisId: "SCH2", teacherSisIds: ["T404"], studentSisIds: ["S00001", "S99999"] }],
    });
    expect(res.status).toBe(422);
    const err = (await json<ApiErrorBody>(res)).error;
    expect(err.code).toBe("validation_failed");
    expect(err.message).toMatch(/nothing was written/);
    expect(err.details?.map((x) => x.path)).toEqual([
      "students.12.schoolSisId",
      "students.30.schoolSisId",
      "sections.0.teacherSisIds.0",
      "sections.0.studentSisIds.1",
    ]);
    expect(err.details?.[0]?.message).toContain('"NOPE"');
    expect(await rosterRows(d)).toEqual(before);
  });

  it("rejects duplicate sisIds within one call", async () => {
    const d = await createDistrict();
    const res = await roster(d, { schools: [{ sisId: "SCH1", name: "One" }, { sisId: "SCH1", name: "Again" }] });
    expect(res.status).toBe(422);
    expect((await json<ApiErrorBody>(res)).error.details).toEqual([{ path: "schools.1.sisId", message: expect.stringContaining("schools.0") }]);
    expect(await districtRows("schools", d)).toBe(0);
  });

  it("refuses calls over the limits, saying what the limits are, and writes nothing", async () => {
    const d = await createDistrict();
    const tooMany = await roster(d, { schools: [{ sisId: "SCH1", name: "One" }], students: range(1000, "S").map((s) => student(s)) });
    expect(tooMany.status).toBe(422);
    expect((await json<ApiErrorBody>(tooMany)).error.details?.[0]?.message).toMatch(/at most 1,000 items.*20,000 section memberships/);

    const oneList = await roster(d, { students: range(1001, "S").map((s) => student(s)) });
    expect(oneList.status).toBe(422);

    const memberships = await roster(d, {
      schools: [{ sisId: "SCH1", name: "One" }],
      sections: range(41, "SEC").map((sisId) => ({ sisId, name: sisId, schoolSisId: "SCH1", studentSisIds: range(500, "S") })),
    });
    expect(memberships.status).toBe(422);
    expect((await json<ApiErrorBody>(memberships)).error.details?.[0]?.message).toMatch(/20500 memberships/);
    expect(await rosterRows(d)).toEqual({ schools: 0, teachers: 0, students: 0, sections: 0, enrollments: 0, sectionTeachers: 0 });
  });

  it("rejects malformed JSON, wrong types, missing fields and over-long strings with nothing written", async () => {
    const d = await createDistrict();
    const bad: unknown[] = [
      "{",
      "[]",
      { schools: "SCH1" },
      { schools: [{ sisId: "SCH1" }] },
      { schools: [{ sisId: "SCH1", name: "x".repeat(201) }] },
      { schools: [{ sisId: "x".repeat(129), name: "ok" }] },
      { schools: [{ sisId: "SCH1", name: "ok" }], teachers: [{ sisId: "T1", name: "T", email: "bad" }] },
      { schools: [{ sisId: "SCH1", name: "ok" }], students: [{ ...student("S1"), grade: 3 }] },
      { schools: [{ sisId: "SCH1", name: "ok" }], guardians: [] },
    ];
    for (const body of bad) {
      const res = await roster(d, body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await districtRows("schools", d)).toBe(0);
  });

  it("needs a valid token, and cannot reach another district's rows", async () => {
    const a = await createDistrict();
    expect((await roster(a, { schools: [{ sisId: "SCH1", name: "A" }], students: [student("S1")] })).status).toBe(200);
    for (const token of [null, "fpd_wrong"]) {
      const res = await api(token, "POST", "/roster", { schools: [{ sisId: "X", name: "X" }] });
      expect(res.status).toBe(401);
    }
    const b = await createDistrict();
    const res = await roster(b, {
      students: [student("S2")],
      sections: [{ sisId: "SEC1", name: "Room", schoolSisId: "SCH1", studentSisIds: ["S1"] }],
    });
    expect(res.status).toBe(422);
    expect((await json<ApiErrorBody>(res)).error.details?.map((x) => x.path)).toEqual(["students.0.schoolSisId", "sections.0.schoolSisId", "sections.0.studentSisIds.0"]);
    expect(await rosterRows(b)).toEqual({ schools: 0, teachers: 0, students: 0, sections: 0, enrollments: 0, sectionTeachers: 0 });

    // B's own SCH1 and S1 are new rows; A's stay as they were.
    const own = await roster(b, { schools: [{ sisId: "SCH1", name: "B" }], students: [student("S1")] });
    expect(await json<Counts>(own)).toMatchObject({ schools: { created: 1, updated: 0 }, students: { created: 1, updated: 0 } });
    expect(await json(await api(a.token, "GET", "/schools/SCH1"))).toMatchObject({ name: "A" });
  });
});

describe("planRosterUpsert: statements per call", () => {
  it("costs a small fraction of a statement per item, within D1's per-call budget", async () => {
    const d = await createDistrict();
    const db = getDb(env.DB);
    const students = range(999, "S").map((s) => student(s));
    const plan = await planRosterUpsert(db, d.id, { schools: [{ sisId: "SCH1", name: "One" }], students });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    // At most 11 bound values per student row: at least 9 rows per statement, plus one for the school.
    expect(plan.statements.length).toBeLessThanOrEqual(1 + Math.ceil(999 / 9));
    for (const st of plan.statements) expect((st as unknown as { toSQL(): { params: unknown[] } }).toSQL().params.length).toBeLessThanOrEqual(100);

    await db.batch(plan.statements as [typeof plan.statements[number]]);
    const sections = range(40, "SEC").map((sisId) => ({ sisId, name: sisId, schoolSisId: "SCH1", teacherSisIds: [], studentSisIds: range(500, "S") }));
    const full = await planRosterUpsert(db, d.id, { sections });
    expect(full.ok).toBe(true);
    // 20,000 memberships at 50 pairs per statement, plus the sections themselves.
    if (full.ok) expect(full.statements.length).toBeLessThanOrEqual(400 + Math.ceil(40 / 14) + 2);
  });
});

describe("applyRosterPlan: concurrent calls", () => {
  it("reports a conflict, with nothing written, when another call created the same sisId in between", async () => {
    const d = await createDistrict();
    const db = getDb(env.DB);
    expect((await roster(d, { schools: [{ sisId: "SCH1", name: "One" }] })).status).toBe(200);
    const plan = await planRosterUpsert(db, d.id, {
      students: [student("S1")],
      sections: [{ sisId: "SEC1", name: "Room", schoolSisId: "SCH1", studentSisIds: ["S1"] }],
    });
    if (!plan.ok) throw new Error("plan failed");
    // The other call wins the race for S1 (with its own id) before this plan runs.
    expect((await roster(d, { students: [student("S1")] })).status).toBe(200);
    expect(await applyRosterPlan(db, plan.statements)).toBe("conflict");
    expect(await rosterRows(d)).toEqual({ schools: 1, teachers: 0, students: 1, sections: 0, enrollments: 0, sectionTeachers: 0 });
  });
});
