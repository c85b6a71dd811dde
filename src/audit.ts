/**
 * Every row of audit_log is written here, in the same D1 batch as the change it records and
 * stamped with the time the caller gives that change, so a change and its audit row share one
 * timestamp. Columns are always set by name, never by their order in the table.
 */
import { SQL, sql } from "drizzle-orm";
import { insertSelect, multiRow, type SelectedRow, type Statement } from "./db/batch";
import type { Db } from "./db/client";
import { auditLog, type ACTOR_KINDS } from "./db/schema";
import { newId } from "./lib/random";

export type AuditActorKind = (typeof ACTOR_KINDS)[number];

export interface AuditEvent {
  districtId: string | null;
  actorKind: AuditActorKind;
  actorId: string | null;
  action: string;
  studentId?: string | null;
  targetId?: string | null;
  /** Never a secret or a token. */
  detail?: Record<string, unknown>;
}

/** Who made a change, as its audit row names them (a district, an admin, a teacher, a parent...). */
export type AuditActor = Pick<AuditEvent, "actorKind" | "actorId">;

/** An audit row whose values the database works out: any of them may be SQL over `from`. */
export interface AuditSelect {
  /** Needed only when `from` yields several rows: SQL that makes each id unique. */
  id?: SQL;
  districtId: string | null | SQL;
  actorKind: AuditActorKind;
  /** SQL when the person is named by a subquery (e.g. on the session, in the session's batch). */
  actorId: string | null | SQL;
  action: string;
  studentId?: string | null | SQL;
  targetId?: string | null | SQL;
  /** Never a secret or a token. */
  detail?: Record<string, unknown> | SQL;
}

/** The row, by column name; `detail` as JSON text unless it is SQL. */
function auditRow(e: AuditSelect, at: number): SelectedRow<typeof auditLog> {
  return {
    id: e.id ?? newId("aud"),
    districtId: e.districtId,
    at,
    actorKind: e.actorKind,
    actorId: e.actorId,
    action: e.action,
    studentId: e.studentId ?? null,
    targetId: e.targetId ?? null,
    detail: e.detail === undefined ? null : e.detail instanceof SQL ? e.detail : JSON.stringify(e.detail),
  };
}

/** One audit row at `at`, the time of the change it records. */
export function auditInsert(db: Db, e: AuditEvent, at: number) {
  return db.insert(auditLog).values(auditRow(e, at));
}

/** Audit rows of one change, in as few multi-row statements as D1's parameter limit allows. */
export function auditInserts(db: Db, events: readonly AuditEvent[], at: number): Statement[] {
  return multiRow(
    events.map((e) => auditRow(e, at)),
    (part) => db.insert(auditLog).values(part),
  );
}

/**
 * An audit row written only if `condition` holds when the statement runs: an earlier statement of
 * the same batch (a conditional update) took effect.
 */
export function auditInsertWhere(db: Db, e: AuditEvent, at: number, condition: SQL) {
  return auditInsertSelect(db, e, at, sql`WHERE ${condition}`);
}

/**
 * `INSERT INTO audit_log SELECT <the event's values> <from>`: audit rows for what a query finds
 * (or for nothing, when its WHERE finds nothing), e.g. only if an earlier statement of the batch
 * won, or one per district, or with counts taken inside the batch's transaction. `from` is the
 * rest of the SELECT after its values ("FROM … WHERE …", or just "WHERE …").
 */
export function auditInsertSelect(db: Db, e: AuditSelect, at: number, from: SQL = sql``) {
  return insertSelect(db, auditLog, auditRow(e, at), sql` ${from}`);
}
