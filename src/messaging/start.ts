/**
 * Teachers write first: to one family (a guardian of a student they teach) or to every connected
 * family of one of their sections. A thread is one teacher, one guardian, one student; its D1
 * index row is created here (or found), then the first message goes to its object.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { chunk, MAX_BOUND_PARAMETERS, multiRow, runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { enrollments, guardianships, schools, sections, sectionTeachers, students, threads, users } from "../db/schema";
import type { Bindings } from "../env";
import { newId } from "../lib/random";
import { teaches, type TeacherRef } from "../roster/teaching";
import type { PostResult, ThreadMeta } from "./types";

/** A guardian of a student: one family to write to. */
export interface Family {
  studentId: string;
  studentFirstName: string;
  studentLastName: string;
  guardianUserId: string;
  guardianName: string;
  /** The guardian's saved language (what a broadcast is translated into for them); null: not chosen. */
  guardianLanguage?: string | null;
}

const familyColumns = {
  studentId: students.id,
  studentFirstName: students.firstName,
  studentLastName: students.lastName,
  guardianUserId: guardianships.userId,
  guardianName: users.name,
  guardianLanguage: users.language,
};

/** The family, if the teacher teaches the student and the guardian is connected to them; with their thread if one exists. */
export async function findFamilyForTeacher(db: Db, teacher: TeacherRef, studentId: string, guardianUserId: string): Promise<(Family & { threadId: string | null }) | null> {
  const row = await db
    .select({ ...familyColumns, threadId: threads.id })
    .from(students)
    .innerJoin(guardianships, and(eq(guardianships.studentId, students.id), eq(guardianships.userId, guardianUserId), eq(guardianships.districtId, teacher.districtId)))
    .innerJoin(users, eq(users.id, guardianships.userId))
    .leftJoin(threads, and(eq(threads.teacherId, teacher.id), eq(threads.guardianUserId, guardianships.userId), eq(threads.studentId, students.id)))
    .where(and(eq(students.id, studentId), eq(students.districtId, teacher.districtId), teaches(teacher.id, teacher.districtId, students.id)))
    .get();
  return row ?? null;
}

export interface SectionFamilies {
  section: { id: string; name: string; schoolName: string };
  families: Family[];
}

/** One of the teacher's sections and every connected guardian of its students (one batch of two queries). */
export async function findSectionFamilies(db: Db, teacher: TeacherRef, sectionId: string): Promise<SectionFamilies | null> {
  const mine = and(
    eq(sections.id, sectionId),
    eq(sections.districtId, teacher.districtId),
    sql`exists (select 1 from ${sectionTeachers} where ${sectionTeachers.sectionId} = ${sections.id} and ${sectionTeachers.teacherId} = ${teacher.id})`,
  );
  const [sectionRows, families] = await db.batch([
    db
      .select({ id: sections.id, name: sections.name, schoolName: sql<string>`${schools.name}`.as("school_name") })
      .from(sections)
      .innerJoin(schools, eq(schools.id, sections.schoolId))
      .where(mine),
    db
      .select(familyColumns)
      .from(enrollments)
      .innerJoin(sections, eq(sections.id, enrollments.sectionId))
      .innerJoin(students, eq(students.id, enrollments.studentId))
      .innerJoin(guardianships, and(eq(guardianships.studentId, students.id), eq(guardianships.districtId, teacher.districtId)))
      .innerJoin(users, eq(users.id, guardianships.userId))
      .where(and(mine, eq(students.districtId, teacher.districtId)))
      .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id), asc(users.name), asc(users.id)),
  ]);
  const section = sectionRows[0];
  return section ? { section, families } : null;
}

/** Pairs per SELECT: two bound values each, plus the teacher id. */
const PAIRS_PER_SELECT = Math.floor((MAX_BOUND_PARAMETERS - 1) / 2);

/**
 * The threads between the teacher and these families, created where missing: ONE D1 batch of
 * multi-row INSERT … ON CONFLICT DO NOTHING, then SELECTs of the ids (new or existing).
 */
export async function ensureThreads(db: Db, teacher: TeacherRef, families: readonly Family[], at: number): Promise<ThreadMeta[]> {
  if (families.length === 0) return [];
  const rows = families.map((f) => ({
    id: newId("thr"),
    districtId: teacher.districtId,
    teacherId: teacher.id,
    guardianUserId: f.guardianUserId,
    studentId: f.studentId,
    createdAt: at,
    lastMessageAt: at,
  }));
  const inserts = multiRow(rows, (part) =>
    db.insert(threads).values(part).onConflictDoNothing({ target: [threads.teacherId, threads.guardianUserId, threads.studentId] }),
  );
  const selects = chunk(families, PAIRS_PER_SELECT).map((part) =>
    db
      .select({ id: threads.id, districtId: threads.districtId, teacherId: threads.teacherId, guardianUserId: threads.guardianUserId, studentId: threads.studentId })
      .from(threads)
      .where(
        and(
          eq(threads.teacherId, teacher.id),
          sql`(${threads.guardianUserId}, ${threads.studentId}) in (values ${sql.join(
            part.map((f) => sql`(${f.guardianUserId}, ${f.studentId})`),
            sql`, `,
          )})`,
        ),
      ),
  );
  const results = await runBatch(db, [...inserts, ...selects]);
  return results.slice(inserts.length).flat() as ThreadMeta[];
}

/** How many object calls are in flight at once for a broadcast. */
const POST_CONCURRENCY = 32;

export interface Delivery {
  /** With the seq the message has in each thread; `repeated`: it was there already (the same form sent again). */
  sent: (ThreadMeta & { seq: number; repeated?: boolean })[];
  failed: ThreadMeta[];
}

/**
 * The same first message into each thread, in parallel (each object keeps its own index row in
 * step). With the form's key, a thread that already has this form's message counts as sent.
 */
export async function postToThreads(
  env: Pick<Bindings, "MESSAGE_THREAD">,
  metas: readonly ThreadMeta[],
  /** `lang`: the language the teacher writes in (each family reads it translated into theirs). */
  teacher: { id: string; name: string; lang?: string | null },
  body: string,
  formKey: string | null,
): Promise<Delivery> {
  const out: Delivery = { sent: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < metas.length) {
      const meta = metas[next++] as ThreadMeta;
      let result: PostResult;
      try {
        result = await env.MESSAGE_THREAD.getByName(meta.id).post(meta, { kind: "teacher", id: teacher.id }, teacher.name, body, formKey, teacher.lang ?? null);
      } catch (err) {
        console.error("messages: post to thread failed", meta.id, err);
        result = { ok: false, reason: "not_participant" };
      }
      if (result.ok) out.sent.push({ ...meta, seq: result.seq, repeated: result.repeated === true });
      else out.failed.push(meta);
    }
  };
  await Promise.all(Array.from({ length: Math.min(POST_CONCURRENCY, metas.length) }, worker));
  return out;
}
