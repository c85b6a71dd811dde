/**
 * A district's deletion requests: one student, a whole school, or (admin) a whole district.
 * D1 first (each batch all or nothing), then the thread objects, whose pending list survives a
 * crash in the audit row (erasure.ts): every call first finishes what an earlier one left.
 */
import { and, eq, sql } from "drizzle-orm";
import { auditInsertSelect, type AuditActor } from "../audit";
import type { Db } from "../db/client";
import { auditLog, districts, schools, students } from "../db/schema";
import type { Bindings } from "../env";
import { finishErasures, type ErasureRun } from "./erasure";
import { rawBatch } from "../db/batch";
import { pseudonym } from "./pseudonym";
import { addCounts, deleteStudents, parseRecord, type Counts } from "./students";
import { deleteRosterUploadsOf } from "./roster-uploads";

type StewardEnv = Pick<Bindings, "MESSAGE_THREAD"> & Partial<Pick<Bindings, "ROSTER_UPLOADS">>;

/** Students per D1 batch, and per call for a school or district (the caller repeats until complete). */
export const STUDENTS_PER_BATCH = 200;
export const STUDENTS_PER_CALL = 1000;

export interface DeletionResult {
  /** Rows removed per kind (auditEntriesPseudonymized: events kept, ids replaced). */
  deleted: Counts;
  /** Thread objects emptied by this call (including any an earlier call left). */
  threadObjectsErased: number;
  /** Thread objects still to empty (the next call or the nightly job does it). */
  threadObjectsPending: number;
  /** False when students remain: call again. */
  complete: boolean;
}

async function eraseAfter(env: StewardEnv, db: Db, districtId: string, erased: ErasureRun): Promise<Pick<DeletionResult, "threadObjectsErased" | "threadObjectsPending">> {
  const later = await finishErasures(env, db, { districtId });
  return { threadObjectsErased: erased.erased + later.erased, threadObjectsPending: later.pending };
}

/** One student by sisId; null when the district has no such student (already deleted, or another district's). */
export async function deleteStudentBySis(env: StewardEnv, db: Db, districtId: string, sisId: string, actor: AuditActor): Promise<DeletionResult | null> {
  const earlier = await finishErasures(env, db, { districtId });
  const student = await db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.districtId, districtId), eq(students.sisId, sisId)))
    .get();
  if (!student) return null;
  const done = await deleteStudents(db, districtId, [student.id], { action: "student.delete", actor, studentId: pseudonym(districtId, student.id) });
  return { deleted: done.counts, complete: true, ...(await eraseAfter(env, db, districtId, earlier)) };
}

/** Up to STUDENTS_PER_CALL students matching `where`, in batches; returns counts and whether none are left. */
async function deleteStudentsWhere(db: Db, districtId: string, where: ReturnType<typeof and>, record: { action: "school.delete" | "district.delete"; actor: AuditActor; targetId: string }): Promise<{ counts: Counts; left: boolean }> {
  const counts: Counts = {};
  for (let done = 0; done < STUDENTS_PER_CALL; done += STUDENTS_PER_BATCH) {
    const batch = await db.select({ id: students.id }).from(students).where(where).limit(STUDENTS_PER_BATCH).all();
    if (batch.length === 0) return { counts, left: false };
    const r = await deleteStudents(db, districtId, batch.map((s) => s.id), { ...record, detail: { part: "students" } });
    addCounts(counts, r.counts);
  }
  const more = await db.select({ id: students.id }).from(students).where(where).limit(1).get();
  return { counts, left: more !== undefined };
}

/** A school by sisId: its students, then its sections, then the school. Null when there is no such school. */
export async function deleteSchoolBySis(env: StewardEnv, db: Db, districtId: string, sisId: string, actor: AuditActor): Promise<DeletionResult | null> {
  const earlier = await finishErasures(env, db, { districtId });
  const school = await db.select({ id: schools.id }).from(schools).where(and(eq(schools.districtId, districtId), eq(schools.sisId, sisId))).get();
  if (!school) return null;
  const record = { action: "school.delete" as const, actor, targetId: school.id };
  const { counts, left } = await deleteStudentsWhere(db, districtId, and(eq(students.districtId, districtId), eq(students.schoolId, school.id)), record);
  if (!left) {
    const sectionsOf = sql`(SELECT id FROM sections WHERE school_id = ${school.id} AND district_id = ${districtId})`;
    const [rec] = await rawBatch<{ detail: string }>(db, [
      auditInsertSelect(
        db,
        {
          districtId,
          ...actor,
          action: "school.delete",
          targetId: school.id,
          detail: sql`json_object('counts', json_object(
            'enrollments', (SELECT count(*) FROM enrollments WHERE section_id IN ${sectionsOf}),
            'sectionTeachers', (SELECT count(*) FROM section_teachers WHERE section_id IN ${sectionsOf}),
            'sections', (SELECT count(*) FROM sections WHERE id IN ${sectionsOf}),
            'schools', (SELECT count(*) FROM schools WHERE id = ${school.id} AND NOT EXISTS (SELECT 1 FROM students WHERE school_id = ${school.id}))))`,
        },
        Date.now(),
      ).returning({ detail: auditLog.detail }),
      sql`DELETE FROM enrollments WHERE section_id IN ${sectionsOf}`,
      sql`DELETE FROM section_teachers WHERE section_id IN ${sectionsOf}`,
      sql`DELETE FROM sections WHERE id IN ${sectionsOf}`,
      // A student added meanwhile keeps the school (the next call deletes both).
      sql`DELETE FROM schools WHERE id = ${school.id} AND NOT EXISTS (SELECT 1 FROM students WHERE school_id = ${school.id})`,
      ]);
    addCounts(counts, parseRecord(rec?.results[0]?.detail ?? null).counts);
  }
  const complete = !left && (counts.schools ?? 0) > 0;
  return { deleted: counts, complete, ...(await eraseAfter(env, db, districtId, earlier)) };
}

/** Everything of a district (admin): its students in parts, then the rest, then the district. Null when there is none. */
export async function deleteDistrict(env: StewardEnv, db: Db, districtId: string, actor: AuditActor): Promise<DeletionResult | null> {
  const earlier = await finishErasures(env, db, { districtId });
  const district = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId)).get();
  if (!district) return null;
  const record = { action: "district.delete" as const, actor, targetId: districtId };
  const { counts, left } = await deleteStudentsWhere(db, districtId, eq(students.districtId, districtId), record);
  if (!left) addCounts(counts, await deleteDistrictRest(db, districtId, actor));
  if (!left && env.ROSTER_UPLOADS) await deleteRosterUploadsOf(env.ROSTER_UPLOADS, districtId);
  return { deleted: counts, complete: !left, ...(await eraseAfter(env, db, districtId, earlier)) };
}

/** With no students left: teachers (their sessions and sign-in links), sections, schools, links, stored API answers, mail, the district. */
async function deleteDistrictRest(db: Db, districtId: string, actor: AuditActor): Promise<Counts> {
  const teachersOf = sql`(SELECT id FROM teachers WHERE district_id = ${districtId})`;
  const sectionsOf = sql`(SELECT id FROM sections WHERE district_id = ${districtId})`;
  const parts: { kind: string; table: string; where: ReturnType<typeof sql> }[] = [
    { kind: "threads", table: "threads", where: sql`district_id = ${districtId}` },
    { kind: "sessions", table: "sessions", where: sql`kind = 'teacher' AND subject_id IN ${teachersOf}` },
    { kind: "authTokens", table: "auth_tokens", where: sql`purpose = 'teacher_sign_in' AND subject_id IN ${teachersOf}` },
    { kind: "enrollments", table: "enrollments", where: sql`section_id IN ${sectionsOf}` },
    { kind: "sectionTeachers", table: "section_teachers", where: sql`section_id IN ${sectionsOf}` },
    { kind: "sections", table: "sections", where: sql`district_id = ${districtId}` },
    { kind: "teachers", table: "teachers", where: sql`district_id = ${districtId}` },
    { kind: "schools", table: "schools", where: sql`district_id = ${districtId}` },
    { kind: "districtLinks", table: "district_links", where: sql`district_id = ${districtId}` },
    { kind: "idempotencyKeys", table: "idempotency_keys", where: sql`district_id = ${districtId}` },
    { kind: "outbox", table: "outbox", where: sql`district_id = ${districtId}` },
    { kind: "rosterImports", table: "roster_imports", where: sql`district_id = ${districtId}` },
    { kind: "districts", table: "districts", where: sql`id = ${districtId}` },
  ];
  const counted = sql.join(parts.map((p) => sql`${p.kind}, (SELECT count(*) FROM ${sql.raw(p.table)} WHERE ${p.where})`), sql`, `);
  const [rec] = await rawBatch<{ detail: string }>(db, [
    auditInsertSelect(
      db,
      {
        districtId,
        ...actor,
        action: "district.delete",
        targetId: districtId,
        detail: sql`json_object('counts', json_object(${counted}), 'erase', (SELECT json_group_array(id) FROM threads WHERE district_id = ${districtId}))`,
      },
      Date.now(),
    ).returning({ detail: auditLog.detail }),
    ...parts.map((p) => sql`DELETE FROM ${sql.raw(p.table)} WHERE ${p.where}`),
    ]);
  return parseRecord(rec?.results[0]?.detail ?? null).counts;
}
