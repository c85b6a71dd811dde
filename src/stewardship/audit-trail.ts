/**
 * The district's audit trail (GET /api/v1/audit): who did what to which student's records, oldest
 * first from `since`. Details pass through an allow-list, so a key added to some audit row later
 * cannot leak through this API until someone decides it may.
 */
import { and, asc, eq, gt, gte, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog, students } from "../db/schema";
import type { Cursor } from "../lib/cursor";
import { isoDate } from "../lib/time";

/** Detail keys a district may see (none is a secret, a token or an address). */
const DETAIL_KEYS = new Set(["as", "pin", "section", "count", "fields", "key", "audience", "url", "renewedFromId", "guardianshipId", "userId", "contactId", "channel", "counts", "part", "guardianships"]);

export function allowedDetail(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (!DETAIL_KEYS.has(k)) continue;
    if (k === "counts" && typeof v === "object" && v !== null) out[k] = Object.fromEntries(Object.entries(v).filter(([, n]) => typeof n === "number"));
    else if (k === "fields" && Array.isArray(v)) out[k] = v.filter((f) => typeof f === "string").map((f: string) => f.slice(0, 64));
    else if (typeof v === "string") out[k] = v.slice(0, 2048);
    else if (typeof v === "number" || typeof v === "boolean" || v === null) out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { kind: string; id: string | null };
  action: string;
  /** The student's sisId while they exist; after a deletion, the pseudonym that replaced their id. */
  studentSisId: string | null;
  studentPseudonym: string | null;
  targetId: string | null;
  detail: Record<string, unknown> | null;
}

export async function listAudit(db: Db, districtId: string, q: { studentId?: string; since?: number; after: Cursor | null; limit: number }): Promise<{ data: AuditEntry[]; next: Cursor | null }> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorKind: auditLog.actorKind,
      actorId: auditLog.actorId,
      action: auditLog.action,
      studentId: auditLog.studentId,
      sisId: students.sisId,
      targetId: auditLog.targetId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(students, and(eq(students.id, auditLog.studentId), eq(students.districtId, districtId)))
    .where(
      and(
        eq(auditLog.districtId, districtId),
        q.studentId ? eq(auditLog.studentId, q.studentId) : undefined,
        q.since !== undefined ? gte(auditLog.at, q.since) : undefined,
        q.after ? or(gt(auditLog.at, q.after.at), and(eq(auditLog.at, q.after.at), gt(auditLog.id, q.after.id))) : undefined,
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      id: r.id,
      at: isoDate(r.at),
      actor: { kind: r.actorKind, id: r.actorId },
      action: r.action,
      studentSisId: r.sisId ?? null,
      studentPseudonym: r.studentId?.startsWith("del_") ? r.studentId : null,
      targetId: r.targetId,
      detail: allowedDetail(r.detail),
    })),
    next: rows.length > q.limit && last ? { at: last.at, id: last.id } : null,
  };
}

/** The student's id in this district, or null. */
export async function studentIdBySis(db: Db, districtId: string, sisId: string): Promise<string | null> {
  const row = await db.select({ id: students.id }).from(students).where(and(eq(students.districtId, districtId), eq(students.sisId, sisId))).get();
  return row?.id ?? null;
}

