import { describe, expect, it } from "vitest";
import { api, countRows, createDistrict, type TestDistrict } from "./world";

interface ApiErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

async function put(d: TestDistrict, path: string, body: unknown) {
  return api(d.token, "PUT", path, body);
}

/** A district with one school, two teachers and three students. */
async function seeded() {
  const d = await createDistrict();
  expect((await put(d, "/schools/SCH1", { name: "Lincoln Elementary" })).status).toBe(201);
  expect((await put(d, "/teachers/T1", { name: "Ada Lovelace", email: "ada@school.test" })).status).toBe(201);
  expect((await put(d, "/teachers/T2", { name: "Alan Turing", email: "alan@school.test" })).status).toBe(201);
  for (const s of ["S1", "S2", "S3"]) {
    expect((await put(d, `/students/${s}`, { firstName: "Kid", lastName: s, schoolSisId: "SCH1" })).status).toBe(201);
  }
  return d;
}

const districtRows = (table: string, d: TestDistrict) => countRows(table, "district_id = ?", d.id);

describe("roster API: schools", () => {
  it("creates with 201, updates idempotently with 200, and echoes the row", async () => {
    const d = await createDistrict();
    const created = await put(d, "/schools/SCH-1", { name: "  Lincoln Elementary " });
    expect(created.status).toBe(201);
    const a = await json(created);
    expect(a).toMatchObject({ sisId: "SCH-1", name: "Lincoln Elementary" });
    expect(a.id).toMatch(/^sch_/);
    expect(a.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const updated = await put(d, "/schools/SCH-1", { name: "Lincoln Elementary School" });
    expect(updated.status).toBe(200);
    const b = await json(updated);
    expect(b).toMatchObject({ id: a.id, sisId: "SCH-1", name: "Lincoln Elementary School", createdAt: a.createdAt });

    const again = await put(d, "/schools/SCH-1", { name: "Lincoln Elementary School" });
    expect(again.status).toBe(200);
    expect(await districtRows("schools", d)).toBe(1);

    const got = await api(d.token, "GET", "/schools/SCH-1");
    expect(got.status).toBe(200);
    expect(await json(got)).toMatchObject({ id: a.id, name: "Lincoln Elementary School" });
  });

  it("rejects bad input with 4xx and writes nothing", async () => {
    const d = await createDistrict();
    const bad: [string, unknown][] = [
      ["/schools/A", "{not json"],
      ["/schools/A", {}],
      ["/schools/A", { name: 42 }],
      ["/schools/A", { name: "   " }],
      ["/schools/A", { name: "x".repeat(201) }],
      ["/schools/A", { name: "ok", extra: true }],
      ["/schools/A", { name: "ok", sisId: "B" }],
      ["/schools/bad%20id", { name: "ok" }],
      [`/schools/${"a".repeat(129)}`, { name: "ok" }],
      ["/schools/A", ["name"]],
    ];
    for (const [path, body] of bad) {
      const res = await put(d, path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await json<ApiErrorBody>(res)).error.code).toMatch(/^(invalid_json|validation_failed)$/);
    }
    expect(await districtRows("schools", d)).toBe(0);
  });
});

describe("roster API: teachers", () => {
  it("normalises the email and validates it", async () => {
    const d = await createDistrict();
    const res = await put(d, "/teachers/T1", { name: "Ada Lovelace", email: "  Ada.Lovelace@School.TEST " });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ sisId: "T1", name: "Ada Lovelace", email: "ada.lovelace@school.test" });
    expect((await put(d, "/teachers/T1", { name: "Ada King", email: "ada@school.test" })).status).toBe(200);
    expect(await json(await api(d.token, "GET", "/teachers/T1"))).toMatchObject({ name: "Ada King", email: "ada@school.test" });

    for (const body of [{ name: "X" }, { name: "X", email: "not-an-email" }, { name: "X", email: `${"a".repeat(250)}@x.test` }, { name: "X", email: 7 }]) {
      const bad = await put(d, "/teachers/T2", body);
      expect(bad.status, JSON.stringify(body)).toBe(422);
    }
    expect(await districtRows("teachers", d)).toBe(1);
  });
});

describe("roster API: students", () => {
  it("creates and updates a student; optional fields left out keep their value, null clears", async () => {
    const d = await seeded();
    expect((await put(d, "/schools/SCH2", { name: "Washington Middle" })).status).toBe(201);
    const res = await put(d, "/students/S9", {
      firstName: "Maya",
      lastName: "Lopez",
      schoolSisId: "SCH1",
      grade: "3",
      badgesEnabled: true,
      email: "Maya.Lopez@Students.School.test",
    });
    expect(res.status).toBe(201);
    const a = await json(res);
    expect(a).toMatchObject({
      sisId: "S9",
      firstName: "Maya",
      lastName: "Lopez",
      schoolSisId: "SCH1",
      grade: "3",
      badgesEnabled: true,
      email: "maya.lopez@students.school.test",
    });
    expect(a.id).toMatch(/^stu_/);

    // Moves school; grade, badgesEnabled and email are left out, so they stay.
    const moved = await put(d, "/students/S9", { firstName: "Maya", lastName: "López", schoolSisId: "SCH2" });
    expect(moved.status).toBe(200);
    expect(await json(moved)).toMatchObject({ id: a.id, lastName: "López", schoolSisId: "SCH2", grade: "3", badgesEnabled: true, email: "maya.lopez@students.school.test" });

    const cleared = await put(d, "/students/S9", { firstName: "Maya", lastName: "López", schoolSisId: "SCH2", grade: null, email: null, badgesEnabled: false });
    expect(await json(cleared)).toMatchObject({ grade: null, email: null, badgesEnabled: false });

    // A new student without the optional fields gets the defaults.
    expect(await json(await api(d.token, "GET", "/students/S1"))).toMatchObject({ grade: null, email: null, badgesEnabled: false, schoolSisId: "SCH1" });
  });

  it("answers 422 for an unknown school and writes nothing", async () => {
    const d = await seeded();
    const before = await districtRows("students", d);
    const res = await put(d, "/students/S9", { firstName: "A", lastName: "B", schoolSisId: "NOPE" });
    expect(res.status).toBe(422);
    const err = (await json<ApiErrorBody>(res)).error;
    expect(err.code).toBe("validation_failed");
    expect(err.details).toEqual([{ path: "schoolSisId", message: expect.stringContaining('"NOPE"') }]);
    expect(await districtRows("students", d)).toBe(before);
  });

  it("rejects wrong types, over-long strings and unknown fields", async () => {
    const d = await seeded();
    const before = await districtRows("students", d);
    const ok = { firstName: "A", lastName: "B", schoolSisId: "SCH1" };
    const bad: unknown[] = [
      "[",
      { ...ok, firstName: undefined },
      { ...ok, lastName: 3 },
      { ...ok, firstName: "x".repeat(201) },
      { ...ok, grade: "x".repeat(33) },
      { ...ok, badgesEnabled: "yes" },
      { ...ok, email: "nope" },
      { ...ok, schoolSisId: "a b" },
      { ...ok, nickname: "Al" },
    ];
    for (const body of bad) {
      const res = await put(d, "/students/S9", body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await districtRows("students", d)).toBe(before);
  });

  it("lists students with an opaque cursor", async () => {
    const d = await createDistrict();
    expect((await put(d, "/schools/SCH1", { name: "School" })).status).toBe(201);
    const ids = Array.from({ length: 7 }, (_, i) => `P${i}`);
    const roster = await api(d.token, "POST", "/roster", {
      students: ids.map((sisId) => ({ sisId, firstName: "F", lastName: sisId, schoolSisId: "SCH1" })),
    });
    expect(roster.status).toBe(200);

    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const res = await api(d.token, "GET", `/students?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      const page = await json<{ data: { sisId: string; schoolSisId: string }[]; nextCursor: string | null }>(res);
      seen.push(...page.data.map((s) => s.sisId));
      cursor = page.nextCursor;
      pages++;
    }
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);

    expect((await api(d.token, "GET", "/students?limit=0")).status).toBe(422);
    expect((await api(d.token, "GET", "/students?limit=501")).status).toBe(422);
    expect((await api(d.token, "GET", "/students?cursor=%%%")).status).toBe(422);
  });
});

describe("roster API: sections", () => {
  it("creates a section with members, and a PUT replaces the membership", async () => {
    const d = await seeded();
    const res = await put(d, "/sections/SEC1", { name: "Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1", "S2", "S2"] });
    expect(res.status).toBe(201);
    const a = await json(res);
    expect(a).toMatchObject({ sisId: "SEC1", name: "Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1", "S2"] });
    expect(await countRows("enrollments", "section_id = ?", a.id)).toBe(2);

    const replaced = await put(d, "/sections/SEC1", { name: "Room 12B", schoolSisId: "SCH1", teacherSisIds: ["T2"], studentSisIds: ["S3"] });
    expect(replaced.status).toBe(200);
    expect(await json(replaced)).toMatchObject({ id: a.id, name: "Room 12B", teacherSisIds: ["T2"], studentSisIds: ["S3"] });

    // A list left out stays as it is; an empty list clears it.
    const kept = await put(d, "/sections/SEC1", { name: "Room 12B", schoolSisId: "SCH1", studentSisIds: [] });
    expect(await json(kept)).toMatchObject({ teacherSisIds: ["T2"], studentSisIds: [] });
    expect(await countRows("enrollments", "section_id = ?", a.id)).toBe(0);
    expect(await json(await api(d.token, "GET", "/sections/SEC1"))).toMatchObject({ teacherSisIds: ["T2"], studentSisIds: [] });
  });

  it("lists every unknown reference in one 422 and writes nothing", async () => {
    const d = await seeded();
    expect((await put(d, "/sections/SEC1", { name: "Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1"] })).status).toBe(201);
    const before = { sections: await districtRows("sections", d), enrollments: await countRows("enrollments"), st: await countRows("section_teachers") };

    const res = await put(d, "/sections/SEC1", {
      name: "Renamed",
      schoolSisId: "SCH404",
      teacherSisIds: ["T1", "T404"],
      studentSisIds: ["S1", "S404", "S2", "S405"],
    });
    expect(res.status).toBe(422);
    const paths = (await json<ApiErrorBody>(res)).error.details?.map((x) => x.path);
    expect(paths).toEqual(["schoolSisId", "teacherSisIds.1", "studentSisIds.1", "studentSisIds.3"]);

    expect(await districtRows("sections", d)).toBe(before.sections);
    expect(await countRows("enrollments")).toBe(before.enrollments);
    expect(await countRows("section_teachers")).toBe(before.st);
    expect(await json(await api(d.token, "GET", "/sections/SEC1"))).toMatchObject({ name: "Room 12", teacherSisIds: ["T1"], studentSisIds: ["S1"] });
  });

  it("caps the member lists", async () => {
    const d = await seeded();
    const many = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const teachersRes = await put(d, "/sections/SEC1", { name: "Big", schoolSisId: "SCH1", teacherSisIds: many(21, "T"), studentSisIds: [] });
    expect(teachersRes.status).toBe(422);
    const studentsRes = await put(d, "/sections/SEC1", { name: "Big", schoolSisId: "SCH1", teacherSisIds: [], studentSisIds: many(501, "S") });
    expect(studentsRes.status).toBe(422);
    expect(await districtRows("sections", d)).toBe(0);
  });
});

describe("roster API: access", () => {
  it("401 without a token or with a wrong one, on every route", async () => {
    const d = await seeded();
    const routes: [string, string, unknown?][] = [
      ["PUT", "/schools/X", { name: "X" }],
      ["GET", "/schools/SCH1"],
      ["PUT", "/teachers/X", { name: "X", email: "x@x.test" }],
      ["GET", "/teachers/T1"],
      ["PUT", "/students/X", { firstName: "A", lastName: "B", schoolSisId: "SCH1" }],
      ["GET", "/students/S1"],
      ["GET", "/students"],
      ["PUT", "/sections/X", { name: "X", schoolSisId: "SCH1" }],
      ["GET", "/sections/X"],
      ["POST", "/roster", { schools: [{ sisId: "X", name: "X" }] }],
    ];
    for (const [method, path, body] of routes) {
      for (const token of [null, "fpd_wrong", `${d.token}x`]) {
        const res = await api(token, method, path, body);
        expect(res.status, `${method} ${path} ${token}`).toBe(401);
        expect((await json<ApiErrorBody>(res)).error.code).toBe("unauthorized");
      }
    }
    expect(await districtRows("schools", d)).toBe(1);
    expect(await districtRows("students", d)).toBe(3);
  });

  it("404 for another district's rows, and their data never shows", async () => {
    const a = await seeded();
    expect((await put(a, "/sections/SEC1", { name: "Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1"] })).status).toBe(201);
    const b = await createDistrict();
    for (const path of ["/schools/SCH1", "/teachers/T1", "/students/S1", "/sections/SEC1"]) {
      const res = await api(b.token, "GET", path);
      expect(res.status, path).toBe(404);
      expect((await json<ApiErrorBody>(res)).error.code).toBe("not_found");
    }
    const list = await json<{ data: unknown[] }>(await api(b.token, "GET", "/students"));
    expect(list.data).toEqual([]);

    // B cannot attach A's school, teachers or students by sisId: they do not exist for B.
    const res = await put(b, "/students/S9", { firstName: "A", lastName: "B", schoolSisId: "SCH1" });
    expect(res.status).toBe(422);

    // The same sisIds in B are B's own rows; A's rows are untouched.
    expect((await put(b, "/schools/SCH1", { name: "B's school" })).status).toBe(201);
    expect(await json(await api(a.token, "GET", "/schools/SCH1"))).toMatchObject({ name: "Lincoln Elementary" });
    expect(await json(await api(b.token, "GET", "/schools/SCH1"))).toMatchObject({ name: "B's school" });
  });
});
