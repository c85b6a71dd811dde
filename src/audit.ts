import type { Db } from "./db/client";
import { auditLog, type ACTOR_KINDS } from "./db/schema";
import { newId } from "./lib/random";
import { now } from "./lib/time";

export interface AuditEvent {
  districtId: string | null;
  actorKind: (typeof ACTOR_KINDS)[number];
  actorId: string | null;
  action: string;
  studentId?: string | null;
  targetId?: string | null;
  /** Never a secret or a token. */
  detail?: Record<string, unknown>;
}

/** An audit insert, to be put in the same D1 batch as the change it records. */
export function auditInsert(db: Db, e: AuditEvent) {
  return db.insert(auditLog).values({
    id: newId("aud"),
    districtId: e.districtId,
    at: now(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    action: e.action,
    studentId: e.studentId ?? null,
    targetId: e.targetId ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  });
}
