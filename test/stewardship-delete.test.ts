import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, countRows, createDistrict, objectContents, rowsNaming, stewardWorld } from "./world";


type Result = { deleted: Record<string, number>; threadObjectsErased: number; threadObjectsPending: number; complete: boolean };

describe("DELETE /api/v1/students/:sisId", () => {
  it("removes every row naming the student, empties the thread's object and keeps the audit events under a pseudonym", async () => {
    const w = await stewardWorld();
    const needles = [w.student.id, w.student.sisId, w.student.firstName, w.student.lastName, w.student.email, w.pendingAddress];
    expect((await rowsNaming(needles)).length).toBeGreaterThan(10);
    expect((await objectContents(w.threadId)).rows).toBeGreaterThan(0);
    const auditBefore = await countRows("audit_log", "district_id = ?", w.district.id);

    const res = await api(w.district.token, "DELETE", `/students/${w.student.sisId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Result;
    expect(body).toMatchObject({ complete: true, threadObjectsErased: 1, threadObjectsPending: 0 });
    expect(body.deleted).toMatchObject({ students: 1, enrollments: 1, guardianContacts: 2, invitations: 2, guardianships: 1, badges: 1, threads: 1, sessions: 2, idempotencyKeys: 1 });
    expect(body.deleted.outbox).toBeGreaterThanOrEqual(2);
    expect(body.deleted.auditEntriesPseudonymized).toBeGreaterThanOrEqual(4);

    expect(await rowsNaming(needles)).toEqual([]);
    expect(await objectContents(w.threadId)).toEqual({ rows: 0, alarm: null, keys: 0 });
    // Events stay (plus the deletion's own), with the student's id replaced.
    expect(await countRows("audit_log", "district_id = ?", w.district.id)).toBe(auditBefore + 1);
    expect(await countRows("audit_log", "district_id = ? AND action = 'instant_login' AND student_id LIKE 'del_%' AND actor_id = ?", w.district.id, w.parent.id)).toBe(1);
    expect(await countRows("audit_log", "district_id = ? AND action = 'student.delete' AND actor_kind = 'district'", w.district.id)).toBe(1);

    // The classmate, the parent's account and their other child are untouched.
    expect(await countRows("students", "id = ?", w.other.id)).toBe(1);
    expect(await countRows("enrollments", "student_id = ?", w.other.id)).toBe(1);
    expect(await countRows("guardianships", "student_id = ? AND user_id = ?", w.other.id, w.parent.id)).toBe(1);
    expect(await countRows("invitations", "student_id = ?", w.other.id)).toBe(1);
    expect(await countRows("users", "id = ?", w.parent.id)).toBe(1);
    expect((await api(w.district.token, "GET", `/students/${w.other.sisId}`)).status).toBe(200);
  });

  it("answers 404 to a second call, and finishes an erasure a crash left behind", async () => {
    const w = await stewardWorld();
    expect((await api(w.district.token, "DELETE", `/students/${w.student.sisId}`)).status).toBe(200);
    const again = await api(w.district.token, "DELETE", `/students/${w.student.sisId}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("not_found");

    // As if the worker died after the D1 batch: the deletion row still lists the thread; the object has data again.
    const w2 = await stewardWorld();
    expect((await api(w2.district.token, "DELETE", `/students/${w2.student.sisId}`)).status).toBe(200);
    await env.DB.prepare("UPDATE audit_log SET detail = json_set(detail, '$.erase', json_array(?)) WHERE district_id = ? AND action = 'student.delete'").bind(w2.threadId, w2.district.id).run();
    const { runInDurableObject } = await import("cloudflare:test");
    await runInDurableObject(env.MESSAGE_THREAD.getByName(w2.threadId), (_o, state) => state.storage.put("left", 1));
    const retry = await api(w2.district.token, "DELETE", `/students/${w2.student.sisId}`);
    expect(retry.status).toBe(404);
    expect(await objectContents(w2.threadId)).toEqual({ rows: 0, alarm: null, keys: 0 });
    expect(await countRows("audit_log", "district_id = ? AND json_extract(detail, '$.erase') IS NOT NULL", w2.district.id)).toBe(0);
  });

  it("cannot delete another district's student (404, nothing changes)", async () => {
    const w = await stewardWorld();
    const stranger = await createDistrict();
    const res = await api(stranger.token, "DELETE", `/students/${w.student.sisId}`);
    expect(res.status).toBe(404);
    expect(await countRows("students", "id = ?", w.student.id)).toBe(1);
    expect(await countRows("threads", "id = ?", w.threadId)).toBe(1);
    expect((await objectContents(w.threadId)).rows).toBeGreaterThan(0);
  });

  it("needs a district token and a valid sisId", async () => {
    const w = await stewardWorld();
    expect((await api(null, "DELETE", `/students/${w.student.sisId}`)).status).toBe(401);
    expect((await api("fpd_wrong", "DELETE", `/students/${w.student.sisId}`)).status).toBe(401);
    expect((await api(w.district.token, "DELETE", `/students/${"x".repeat(300)}`)).status).toBe(422);
    expect(await countRows("students", "id = ?", w.student.id)).toBe(1);
  });
});

describe("DELETE /api/v1/schools/:sisId and /admin/districts/:id", () => {
  it("deletes a school's students, sections and the school; then 404", async () => {
    const w = await stewardWorld();
    const school = await env.DB.prepare("SELECT s.sis_id AS sisId FROM schools s JOIN students st ON st.school_id = s.id WHERE st.id = ?").bind(w.student.id).first<{ sisId: string }>();
    const res = await api(w.district.token, "DELETE", `/schools/${school!.sisId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Result;
    expect(body).toMatchObject({ complete: true, threadObjectsErased: 1 });
    expect(body.deleted).toMatchObject({ students: 2, schools: 1, sections: 1, threads: 1 });
    expect(await rowsNaming([w.student.id, w.other.id, w.student.firstName, w.pendingAddress])).toEqual([]);
    expect((await api(w.district.token, "DELETE", `/schools/${school!.sisId}`)).status).toBe(404);
    const stranger = await createDistrict();
    expect((await api(stranger.token, "DELETE", `/schools/${school!.sisId}`)).status).toBe(404);
  });

  it("deletes a whole district with the admin token; a repeat is 404; a district token cannot", async () => {
    const w = await stewardWorld();
    expect((await api(w.district.token, "DELETE", `/admin/districts/${w.district.id}`)).status).toBe(401);
    const res = await api(ADMIN_TOKEN, "DELETE", `/admin/districts/${w.district.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Result;
    expect(body).toMatchObject({ complete: true, threadObjectsErased: 1 });
    expect(body.deleted).toMatchObject({ students: 2, schools: 1, teachers: 1, districts: 1 });
    for (const table of ["students", "schools", "teachers", "sections", "invitations", "guardian_contacts", "guardianships", "badges", "threads", "outbox", "idempotency_keys", "districts"]) {
      expect(await countRows(table, table === "districts" ? "id = ?" : "district_id = ?", w.district.id), table).toBe(0);
    }
    expect(await rowsNaming([w.student.id, w.student.firstName, w.pendingAddress])).toEqual([]);
    expect(await objectContents(w.threadId)).toEqual({ rows: 0, alarm: null, keys: 0 });
    expect((await api(ADMIN_TOKEN, "DELETE", `/admin/districts/${w.district.id}`)).status).toBe(404);
    expect((await api(w.district.token, "GET", "/settings")).status).toBe(401);
  });
});
