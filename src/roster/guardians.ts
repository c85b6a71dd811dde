import { and, asc, eq } from "drizzle-orm";
import { auditInsert, type AuditActor } from "../audit";
import { endSessionsOfGrant } from "../auth/grants";
import type { Db } from "../db/client";
import { guardianships, students, users } from "../db/schema";
import { isoDate, now } from "../lib/time";
import type { Statement } from "../db/batch";


/** The id of this district's student with this sisId, or null. */
export async function studentIdBySisId(db: Db, districtId: string, sisId: string): Promise<string | null> {
  const row = await db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.districtId, districtId), eq(students.sisId, sisId)))
    .get();
  return row?.id ?? null;
}

/** A student's connected guardian accounts, oldest first; the read itself is audited (one round trip). */
export async function readGuardians(db: Db, districtId: string, studentId: string, actor: AuditActor, at = now()) {
  const [rows] = await db.batch([
    db
      .select({ id: guardianships.id, name: users.name, email: users.email, relationship: guardianships.relationship, connectedAt: guardianships.createdAt })
      .from(guardianships)
      .innerJoin(users, eq(users.id, guardianships.userId))
      .where(and(eq(guardianships.districtId, districtId), eq(guardianships.studentId, studentId)))
      .orderBy(asc(guardianships.createdAt), asc(guardianships.id)),
    auditInsert(db, { districtId, ...actor, action: "guardianships.read", studentId }, at),
  ]);
  return rows.map((r) => ({ ...r, connectedAt: isoDate(r.connectedAt) }));
}

/** This student's guardianship `id` in this district, or null (another district's ids are simply not found). */
export async function findGuardianship(db: Db, districtId: string, studentId: string, id: string) {
  const row = await db
    .select({ id: guardianships.id, userId: guardianships.userId })
    .from(guardianships)
    .where(and(eq(guardianships.id, id), eq(guardianships.districtId, districtId), eq(guardianships.studentId, studentId)))
    .get();
  return row ?? null;
}

/** Disconnects a wrong association: the guardian no longer sees the child, and the child's Instant Login sessions they started end. Audited. */
export function disconnectGuardianship(db: Db, o: { districtId: string; studentId: string; guardianshipId: string; userId: string; actor: AuditActor; at?: number }): Statement[] {
  return [
    db.delete(guardianships).where(and(eq(guardianships.id, o.guardianshipId), eq(guardianships.districtId, o.districtId))),
    endSessionsOfGrant(db, o.guardianshipId),
    auditInsert(db, {
      districtId: o.districtId,
      ...o.actor,
      action: "guardianship.disconnect",
      studentId: o.studentId,
      targetId: o.guardianshipId,
      detail: { userId: o.userId },
    }, o.at ?? now()),
  ];
}
