/**
 * Deleting students for good, a set at a time, in ONE D1 batch: everything that names them goes,
 * and the audit log keeps its events with their ids replaced by pseudonyms. The batch's first
 * statement writes the deletion's own audit row with the counts (taken inside the transaction,
 * so they are exactly what the deletes remove) and the thread objects still to erase.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { auditInsertSelect, type AuditActor } from "../audit";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import { pseudonym, replaceIds } from "./pseudonym";
import { rawBatch } from "../db/batch";

export type Counts = Record<string, number>;

/** The rows of each kind that name the students in `ids` (a JSON array), in the order they are deleted. */
function studentRows(districtId: string, ids: string): { kind: string; table: string; where: SQL }[] {
  const inSet = (column: string) => sql`${sql.raw(column)} IN (SELECT value FROM json_each(${ids}))`;
  return [
    {
      // A parent's onboarding state that confirmed one of these students' invitations (holds the invited address).
      kind: "authTokens",
      table: "auth_tokens",
      where: sql`CASE WHEN purpose = 'onboarding' AND json_valid(payload) THEN EXISTS (SELECT 1 FROM json_each(auth_tokens.payload, '$.invitationIds') x JOIN invitations i ON i.id = x.value WHERE ${inSet("i.student_id")}) ELSE 0 END`,
    },
    {
      // A replayable API answer that shows the student's sisId and a guardian's address.
      kind: "idempotencyKeys",
      table: "idempotency_keys",
      where: sql`district_id = ${districtId} AND EXISTS (SELECT 1 FROM students s WHERE ${inSet("s.id")} AND instr(idempotency_keys.response_body, '"studentSisId":' || json_quote(s.sis_id)) > 0)`,
    },
    { kind: "threads", table: "threads", where: inSet("student_id") },
    { kind: "outbox", table: "outbox", where: inSet("student_id") },
    { kind: "badges", table: "badges", where: inSet("student_id") },
    { kind: "guardianships", table: "guardianships", where: inSet("student_id") },
    { kind: "invitations", table: "invitations", where: inSet("student_id") },
    { kind: "guardianContacts", table: "guardian_contacts", where: inSet("student_id") },
    { kind: "enrollments", table: "enrollments", where: inSet("student_id") },
    { kind: "sessions", table: "sessions", where: sql`kind = 'student' AND ${inSet("subject_id")}` },
    { kind: "students", table: "students", where: sql`district_id = ${districtId} AND ${inSet("id")}` },
  ];
}

const AUDIT_ID_COLUMNS = ["student_id", "target_id", "actor_id"] as const;

export interface StudentDeletion {
  counts: Counts;
  /** Thread objects to erase now that their rows are gone. */
  erase: string[];
}

export interface DeletionRecord {
  action: "student.delete" | "school.delete" | "district.delete";
  actor: AuditActor;
  /** The deletion's own audit row: the student's pseudonym, or the school / district id. */
  studentId?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Deletes these students of the district (ids already checked to be theirs) in one batch.
 * A few hundred at a time: every statement takes the ids as ONE JSON parameter.
 */
export async function deleteStudents(db: Db, districtId: string, studentIds: readonly string[], record: DeletionRecord, at = Date.now()): Promise<StudentDeletion> {
  if (studentIds.length === 0) return { counts: {}, erase: [] };
  const ids = JSON.stringify(studentIds);
  const hashes = new Map(studentIds.map((id) => [id, pseudonym(districtId, id)]));
  const hashJson = JSON.stringify(Object.fromEntries(hashes));
  const rows = studentRows(districtId, ids);
  const inSet = (column: string) => sql`${sql.raw(column)} IN (SELECT value FROM json_each(${ids}))`;

  // Audit details that mention a student id (a batch invitation call lists its students): rewritten here.
  const details = await db
    .select({ id: auditLog.id, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.districtId, districtId), sql`${auditLog.detail} IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(${ids}) m WHERE instr(${auditLog.detail}, m.value) > 0)`))
    .all();

  const counted = sql.join(
    rows.map((r) => sql`${r.kind}, (SELECT count(*) FROM ${sql.raw(r.table)} WHERE ${r.where})`),
    sql`, `,
  );
  const audited = sql`(SELECT count(*) FROM audit_log WHERE district_id = ${districtId} AND (${sql.join(AUDIT_ID_COLUMNS.map((c) => inSet(c)), sql` OR `)}))`;
  const extra = JSON.stringify(record.detail ?? {});
  const recordInsert = auditInsertSelect(
    db,
    {
      districtId,
      ...record.actor,
      action: record.action,
      studentId: record.studentId,
      targetId: record.targetId,
      detail: sql`json_patch(${extra}, json_object('counts', json_object(${counted}, 'auditEntriesPseudonymized', ${audited}),
        'erase', (SELECT json_group_array(id) FROM threads WHERE ${inSet("student_id")})))`,
    },
    at,
  ).returning({ detail: auditLog.detail });

  const statements: SQL[] = [
    ...rows.map((r) => sql`DELETE FROM ${sql.raw(r.table)} WHERE ${r.where}`),
    ...AUDIT_ID_COLUMNS.map((c) =>
      sql`UPDATE audit_log SET ${sql.raw(c)} = m.value FROM json_each(${hashJson}) m WHERE audit_log.district_id = ${districtId} AND audit_log.${sql.raw(c)} = m.key`,
    ),
    ...details.map((d) =>
      sql`UPDATE audit_log SET detail = ${replaceIds(d.detail ?? "", hashes)} WHERE id = ${d.id} AND detail = ${d.detail ?? ""}`,
    ),
  ];
  const [first] = await rawBatch<{ detail: string }>(db, [recordInsert, ...statements]);
  return parseRecord(first?.results[0]?.detail ?? null);
}

/** Counts and erase list from the deletion's audit detail. */
export function parseRecord(detail: string | null): StudentDeletion {
  const parsed = detail ? (JSON.parse(detail) as { counts?: Counts; erase?: string[] }) : {};
  return { counts: parsed.counts ?? {}, erase: parsed.erase ?? [] };
}

/** Adds b's counts into a. */
export function addCounts(a: Counts, b: Counts): Counts {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  return a;
}
