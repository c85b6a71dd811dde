/** A parent's view of one child's badge: the child (only through the parent's own guardianship) and the live badge. */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { badges, districts, guardianships, schools, students } from "../db/schema";
import { childOfGuardianship, ownChildOf, schoolOfChild, type ConnectedChild } from "../accounts/children";
import { auditInsert, auditInsertSelect } from "../audit";
import { hashToken, newId } from "../lib/random";
import { now } from "../lib/time";
import type { Statement } from "../db/batch";
import { badgePinHash, badgeToken } from "./token";

export interface ChildBadge extends Omit<ConnectedChild, "grade"> {
  /** The district asks for the 6-digit PIN after a scan. */
  pinRequired: boolean;
  badge: { id: string; createdAt: number } | null;
  /** The child has had a badge before (now voided): the school turned it off, so none is issued here. */
  hadBadge: boolean;
}

/** One query: the child if theirs (src/accounts/children.ts), the school, the district's PIN setting and the live badge. Null when not their child. */
export async function loadChildBadge(db: Db, userId: string, studentId: string): Promise<ChildBadge | null> {
  return childBadgeOf(await childBadgeQuery(db, userId, studentId).get());
}

/** loadChildBadge's query as a statement for a batch (`userId` may be SQL: a subquery on the session). */
export function childBadgeQuery(db: Db, userId: string | SQL, studentId: string) {
  return db
    .select({
      studentId: students.id,
      districtId: students.districtId,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: schools.name,
      badgesEnabled: students.badgesEnabled,
      pinRequired: districts.badgePin,
      // Aliased: in a D1 batch rows come back by column name, and students.id is "id" too.
      badgeId: sql<string | null>`${badges.id}`.as("badge_id"),
      badgeCreatedAt: sql<number | null>`${badges.createdAt}`.as("badge_created_at"),
      // Only asked when there is no live badge. badges has no index on student_id alone (just the
      // live-badge one), while the audit trail, which every badge change writes, is indexed by student.
      hadBadge: sql<number>`CASE WHEN ${badges.id} IS NULL THEN EXISTS (SELECT 1 FROM audit_log a WHERE a.student_id = ${students.id} AND a.district_id = ${students.districtId} AND a.action IN ('badge.issue', 'badge.regenerate', 'badge.void')) ELSE 1 END`,
    })
    .from(guardianships)
    .innerJoin(students, childOfGuardianship)
    .innerJoin(schools, schoolOfChild)
    .innerJoin(districts, eq(districts.id, students.districtId))
    .leftJoin(badges, and(eq(badges.studentId, students.id), eq(badges.districtId, students.districtId), isNull(badges.voidedAt)))
    .where(ownChildOf(userId, studentId));
}

type ChildBadgeRow = Awaited<ReturnType<typeof childBadgeQuery>>[number];

export function childBadgeOf(row: ChildBadgeRow | undefined): ChildBadge | null {
  if (!row) return null;
  const { badgeId, badgeCreatedAt, hadBadge, ...child } = row;
  return { ...child, badge: badgeId && badgeCreatedAt !== null ? { id: badgeId, createdAt: badgeCreatedAt } : null, hadBadge: Boolean(hadBadge) };
}

/**
 * The statements that give a child with badges on but no badge ever its first one, when a parent
 * first opens it. (A voided badge is the school's decision: the parent is told to ask for a new one.) Unlike regenerateBadge this never voids: if two tabs race, the second insert is
 * dropped by the one-live-badge index and its audit row is not written, so no badge the family
 * just saved dies. Read the live badge again afterwards.
 */
export function issueFirstBadge(db: Db, o: { secret: string; child: ChildBadge; userId: string; at?: number }): Statement[] {
  const id = newId("bdg");
  const at = o.at ?? now();
  return [
    db
      .insert(badges)
      .values({
        id,
        districtId: o.child.districtId,
        studentId: o.child.studentId,
        tokenHash: hashToken(badgeToken(o.secret, id)),
        pinHash: o.child.pinRequired ? badgePinHash(o.secret, id) : null,
        createdAt: at,
      })
      .onConflictDoNothing(),
    // Audited only if the insert above won.
    auditInsertSelect(
      db,
      { districtId: o.child.districtId, actorKind: "parent", actorId: o.userId, action: "badge.issue", studentId: o.child.studentId, targetId: id, detail: { pin: o.child.pinRequired, firstView: true } },
      at,
      sql`FROM ${badges} WHERE ${badges.id} = ${id}`,
    ),
  ];
}

/** "badge.view": the district's trail of who looked at (or downloaded, or printed) a child's badge. */
export function badgeViewAudit(db: Db, o: { child: ChildBadge; userId: string; badgeId: string; as: "page" | "png" | "print"; at?: number }) {
  return auditInsert(db, {
    districtId: o.child.districtId,
    actorKind: "parent",
    actorId: o.userId,
    action: "badge.view",
    studentId: o.child.studentId,
    targetId: o.badgeId,
    detail: { as: o.as },
  }, o.at ?? now());
}

/**
 * "badge.view" as a statement that finds its own values, for the batch that reads the badge: a
 * row only if the child is this parent's, their badges are on, a live badge exists and `live`
 * holds (the request's session checks out). Same row as badgeViewAudit when the page shows the badge.
 */
export function badgeViewAuditWhere(db: Db, o: { userId: string | SQL; studentId: string; as: "page" | "png" | "print"; live: SQL; at?: number }) {
  return auditInsertSelect(
    db,
    { districtId: sql`${students.districtId}`, actorKind: "parent", actorId: o.userId, action: "badge.view", studentId: sql`${students.id}`, targetId: sql`${badges.id}`, detail: { as: o.as } },
    o.at ?? now(),
    sql`FROM ${guardianships} JOIN ${students} ON ${childOfGuardianship} JOIN ${badges} ON ${and(eq(badges.studentId, students.id), eq(badges.districtId, students.districtId), isNull(badges.voidedAt))} WHERE ${and(ownChildOf(o.userId, o.studentId), eq(students.badgesEnabled, true), o.live)} LIMIT 1`,
  );
}

/** "badge-maya.png": the first name in plain ASCII letters, so every phone keeps the name. */
export function badgeFileName(firstName: string): string {
  const slug = firstName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug ? `badge-${slug}.png` : "badge.png";
}
