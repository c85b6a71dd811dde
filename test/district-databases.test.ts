// The routing seam (src/db/route.ts): a district the routing table sends to DB_2 (vitest.config.ts)
// has every row its API calls write in DB_2 and none in DB; a district not named stays in DB.
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { databaseNames, databaseOf } from "../src/db/route";
import { runMaintenance } from "../src/stewardship/maintenance";
import { postMessage } from "../src/messaging/thread-calls";
import type { ThreadHeader } from "../src/messaging/threads";
import { hashToken } from "../src/lib/random";
import { ADMIN_TOKEN, api, buildZip, call, createDistrict, exportFiles, freshEmail, importZip, smallDistrict, stubMailApis, type TestDistrict } from "./world";

/** The one district vitest.config.ts routes to DB_2 (a fixed id: generated ones are random). */
const ROUTED_DISTRICT_ID = Object.keys(JSON.parse(env.DISTRICT_DATABASES) as Record<string, string>)[0]!;

const DISTRICT_TABLES = ["schools", "students", "guardian_contacts", "invitations", "outbox", "audit_log", "idempotency_keys"] as const;

/** Rows of `table` belonging to `districtId` in one database. */
async function rowsIn(db: D1Database, table: string, districtId: string): Promise<number> {
  const row = await db.prepare(`SELECT count(*) AS n FROM ${table} WHERE district_id = ?`).bind(districtId).first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * The routed district as an operator makes it today (docs/capacity.md, "moving a district"): its
 * directory row (and token) in DB, the row its tables' foreign keys point at in its own database.
 */
async function routedDistrict(): Promise<TestDistrict> {
  const token = "fpd_routed-district-token-0123456789";
  const t = Date.now();
  const insert = "INSERT INTO districts (id, name, token_hash, token_rotated_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
  await env.DB.prepare(insert).bind(ROUTED_DISTRICT_ID, "South Valley", hashToken(token), t, t, t).run();
  await env.DB_2.prepare(insert).bind(ROUTED_DISTRICT_ID, "South Valley", hashToken("not-a-token-the-directory-answers"), t, t, t).run();
  return { id: ROUTED_DISTRICT_ID, name: "South Valley", token };
}

/** A small roster and two invitations (one alone with an Idempotency-Key, one by batch) through the API. */
async function rosterAndInvite(d: TestDistrict): Promise<string[]> {
  const roster = await api(d.token, "POST", "/roster", {
    schools: [{ sisId: "sch-1", name: "Lincoln Elementary" }],
    students: [1, 2, 3].map((i) => ({ sisId: `st-${i}`, firstName: `Ana${i}`, lastName: "Ruiz", schoolSisId: "sch-1", grade: "3" })),
  });
  expect(roster.status).toBe(200);
  const addresses = [freshEmail("route"), freshEmail("route")];
  const single = await api(d.token, "POST", "/invitations", { studentSisId: "st-1", email: addresses[0] }, { "idempotency-key": `k-${d.id}` });
  expect(single.status).toBe(201);
  const batch = await api(d.token, "POST", "/invitations/batch", { invitations: [{ studentSisId: "st-2", email: addresses[1] }] });
  expect(batch.status).toBe(200);
  expect(((await batch.json()) as { created: number }).created).toBe(1);
  return addresses;
}

beforeEach(() => stubMailApis());

describe("a district routed to its own database", () => {
  let south: TestDistrict;
  let north: TestDistrict;
  beforeAll(async () => {
    south = await routedDistrict();
    north = await createDistrict("North Hills");
  });

  it("writes its roster, invitations, mail and audit rows only to its database", async () => {
    await rosterAndInvite(south);
    for (const table of DISTRICT_TABLES) {
      expect(await rowsIn(env.DB_2, table, south.id), `${table} in DB_2`).toBeGreaterThan(0);
      expect(await rowsIn(env.DB, table, south.id), `${table} in DB`).toBe(0);
    }
  });

  it("keeps a district the table does not name in DB, none of it in the other database", async () => {
    await rosterAndInvite(north);
    for (const table of DISTRICT_TABLES) {
      expect(await rowsIn(env.DB, table, north.id), `${table} in DB`).toBeGreaterThan(0);
      expect(await rowsIn(env.DB_2, table, north.id), `${table} in DB_2`).toBe(0);
    }
  });

  it("reads back from its database: students, the invitation list and reports", async () => {
    const students = await api(south.token, "GET", "/students");
    expect(students.status).toBe(200);
    expect(((await students.json()) as { data: { sisId: string }[] }).data.map((s) => s.sisId)).toEqual(["st-1", "st-2", "st-3"]);
    const invitations = await api(south.token, "GET", "/invitations");
    expect(((await invitations.json()) as { data: unknown[] }).data).toHaveLength(2);
    expect((await api(south.token, "GET", "/reports")).status).toBe(200);
    // The same sisIds in the other district are its own rows, not these.
    const northStudents = await api(north.token, "GET", "/students");
    expect(((await northStudents.json()) as { data: unknown[] }).data).toHaveLength(3);
  });

  it("counts both databases' statements in Server-Timing", async () => {
    const res = await api(south.token, "GET", "/students/st-1");
    expect(res.status).toBe(200);
    // The token lookup in DB and the student read in DB_2: two round trips.
    expect(res.headers.get("server-timing")).toMatch(/desc="2 round trips, 2 statements"/);
  });

  it("shows in development where each district's rows are, and what a request wrote", async () => {
    const res = await call("/dev/databases.json");
    expect(res.status).toBe(200);
    const where = (await res.json()) as Record<string, { bytes: number; tables: Record<string, number>; rows: Record<string, Record<string, number>> }>;
    expect(Object.keys(where)).toEqual(["DB", "DB_2"]);
    expect(where.DB_2!.rows[south.id]).toMatchObject({ districts: 1, students: 3, invitations: 2 });
    expect(where.DB!.rows[south.id]).toEqual({ districts: 1 });
    expect(where.DB!.rows[north.id]).toMatchObject({ districts: 1, students: 3, invitations: 2 });
    expect(where.DB_2!.rows[north.id]).toBeUndefined();
    expect(where.DB_2!.bytes).toBeGreaterThan(0);
    expect(where.DB_2!.tables).toMatchObject({ students: 3, invitations: 2, users: 0 });

    const read = await api(south.token, "GET", "/students/st-3/guardians");
    expect(read.status).toBe(200);
    // The read is audited: one audit row (and its two index entries, as D1 counts rows written).
    expect(Number(read.headers.get("x-d1-rows-written"))).toBeGreaterThanOrEqual(1);
    expect(Number((await api(south.token, "GET", "/students")).headers.get("x-d1-rows-written"))).toBe(0);
  });

  it("has the outbox dispatcher deliver its mail from its database", async () => {
    const pending = async () => (await env.DB_2.prepare("SELECT count(*) AS n FROM outbox WHERE district_id = ? AND status = 'pending'").bind(south.id).first<number>("n")) ?? 0;
    expect(await pending()).toBeGreaterThan(0);
    // The invitation calls kicked the dispatcher already; its alarm may be running, or due.
    for (let i = 0; i < 20 && (await pending()) > 0; i++) {
      await runDurableObjectAlarm(env.OUTBOX.getByName("global"));
      await new Promise((r) => setTimeout(r, 50));
    }
    const states = await env.DB_2.prepare("SELECT status, count(*) AS n FROM outbox WHERE district_id = ? GROUP BY status").bind(south.id).all<{ status: string; n: number }>();
    expect(states.results).toEqual([{ status: "sent", n: 2 }]);
  });

  it("runs its OneRoster import against its database", async () => {
    const done = await importZip(south.token, await buildZip(exportFiles(smallDistrict(), "1.2")));
    expect(done).toMatchObject({ status: "done", errorCount: 0 });
    expect(done.counts.sections.created).toBeGreaterThan(0);
    const imported = await env.DB_2.prepare("SELECT count(*) AS n FROM roster_imports WHERE district_id = ? AND status = 'done'").bind(south.id).first("n");
    expect(imported).toBe(1);
    expect(await rowsIn(env.DB_2, "sections", south.id)).toBe(done.counts.sections.created);
    expect(await rowsIn(env.DB, "sections", south.id)).toBe(0);
    expect(await rowsIn(env.DB, "roster_imports", south.id)).toBe(0);
  });

  it("has the daily maintenance apply the retention limits in its database too", async () => {
    const old = Date.now() - 400 * 86_400_000;
    await env.DB_2.prepare("INSERT INTO audit_log (id, district_id, at, actor_kind, action) VALUES ('aud_old_db2', ?, ?, 'district', 'guardianships.read')").bind(south.id, old).run();
    const figures = await runMaintenance(env);
    expect(figures.auditEntriesDeleted).toBeGreaterThanOrEqual(1);
    expect(await env.DB_2.prepare("SELECT count(*) AS n FROM audit_log WHERE id = 'aud_old_db2'").first("n")).toBe(0);
  });

  it("has a thread's object write the thread's index row to its database", async () => {
    const roster = await api(south.token, "POST", "/roster", {
      schools: [{ sisId: "sch-1", name: "Lincoln Elementary" }],
      teachers: [{ sisId: "t-1", name: "Ms. Vega", email: freshEmail("route-teacher") }],
    });
    expect(roster.status).toBe(200);
    const ids = await env.DB_2.prepare("SELECT (SELECT id FROM teachers WHERE district_id = ?1) AS teacher, (SELECT id FROM students WHERE district_id = ?1 AND sis_id = 'st-1') AS student").bind(south.id).first<{ teacher: string; student: string }>();
    // The parent and the thread row as the pages would make them in the district's database (docs/capacity.md, "Pages").
    const userId = "usr_routedparent0001";
    const threadId = "thr_routedthread0001";
    const t = Date.now();
    await env.DB_2.batch([
      env.DB_2.prepare("INSERT INTO users (id, email, name, created_at, updated_at) VALUES (?, ?, 'Rosa Ruiz', ?, ?)").bind(userId, freshEmail("route-parent"), t, t),
      env.DB_2.prepare("INSERT INTO threads (id, district_id, teacher_id, guardian_user_id, student_id, created_at, last_message_at) VALUES (?, ?, ?, ?, ?, ?, ?)").bind(threadId, south.id, ids!.teacher, userId, ids!.student, t, t),
    ]);
    const header: ThreadHeader = {
      id: threadId, districtId: south.id, teacherId: ids!.teacher, guardianUserId: userId, studentId: ids!.student,
      teacherName: "Ms. Vega", teacherMessagesEnabled: true, teacherLanguage: null, teacherTranslates: false,
      guardianName: "Rosa Ruiz", guardianLanguage: null, student: { firstName: "Ana1", lastName: "Ruiz" }, connected: true, teacherTeaches: true,
    };
    const posted = await postMessage(env, header, { kind: "teacher", id: ids!.teacher }, "Ms. Vega", "Field trip on Friday.", null, "en");
    expect(posted.ok).toBe(true);
    await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(threadId));
    const row = await env.DB_2.prepare("SELECT last_sender_kind, guardian_unread FROM threads WHERE id = ?").bind(threadId).first();
    expect(row).toEqual({ last_sender_kind: "teacher", guardian_unread: 1 });
    expect(await rowsIn(env.DB, "threads", south.id)).toBe(0);
  });

  it("writes a token rotation's audit row to its database and deletes it whole on request", async () => {
    const rotated = await api(ADMIN_TOKEN, "POST", `/admin/districts/${south.id}/token`);
    expect(rotated.status).toBe(200);
    const { token } = (await rotated.json()) as { token: string };
    expect(await env.DB_2.prepare("SELECT count(*) AS n FROM audit_log WHERE district_id = ? AND action = 'district.rotate_token'").bind(south.id).first("n")).toBe(1);
    expect((await api(token, "GET", "/students")).status).toBe(200);

    const deleted = await api(ADMIN_TOKEN, "DELETE", `/admin/districts/${south.id}`);
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as { complete: boolean }).complete).toBe(true);
    for (const table of ["schools", "students", "invitations", "outbox"]) expect(await rowsIn(env.DB_2, table, south.id), table).toBe(0);
    expect(await env.DB_2.prepare("SELECT count(*) AS n FROM districts WHERE id = ?").bind(south.id).first("n")).toBe(0);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM districts WHERE id = ?").bind(south.id).first("n")).toBe(0);
    expect((await api(token, "GET", "/students")).status).toBe(401);
    // The other district is untouched.
    expect(await rowsIn(env.DB, "students", north.id)).toBe(3);
  });
});

describe("the routing table", () => {
  const request = (table: string) => call("/api/v1/students", { headers: { authorization: "Bearer x" } }, { ...env, DISTRICT_DATABASES: table });

  it("refuses to run when it names a binding the worker does not have", async () => {
    await expect(request(JSON.stringify({ dst_x: "DB_9" }))).rejects.toThrow(/DISTRICT_DATABASES sends district "dst_x" to "DB_9", which is not a D1 binding/);
    // A binding of another kind is no database either.
    await expect(request(JSON.stringify({ dst_x: "OUTBOX" }))).rejects.toThrow(/not a D1 binding/);
  });

  it("refuses to run when it is not a JSON object", async () => {
    await expect(request("DB_2")).rejects.toThrow(/DISTRICT_DATABASES is not JSON/);
    await expect(request('["DB_2"]')).rejects.toThrow(/must be a JSON object/);
  });

  it("unset or empty, sends every district to DB; set, only the districts it names", () => {
    const { DISTRICT_DATABASES: _, ...unset } = env;
    expect(databaseOf(unset, ROUTED_DISTRICT_ID)).toBe(env.DB);
    expect(databaseOf({ ...env, DISTRICT_DATABASES: "" }, ROUTED_DISTRICT_ID)).toBe(env.DB);
    expect(databaseOf(env, ROUTED_DISTRICT_ID)).toBe(env.DB_2);
    expect(databaseOf(env, "dst_other")).toBe(env.DB);
    expect(databaseNames(env)).toEqual(["DB", "DB_2"]);
    expect(databaseNames(unset)).toEqual(["DB"]);
  });
});
