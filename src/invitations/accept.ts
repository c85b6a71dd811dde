/**
 * Accepting invitations: connecting the ones a parent confirmed to their account. The one place
 * where an invitation is consumed and a guardianship created, used by every way in (email
 * confirmation, password, Google).
 */
import { and, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { auditInsertSelect } from "../audit";
import type { Db } from "../db/client";
import { guardianships, invitations, schools, students, users } from "../db/schema";
import { insertSelect, runBatch, type Statement } from "../db/batch";
import { isInvitationId } from "../lib/ids";
import { newId } from "../lib/random";
import { invitationStatus } from "./status";

/** Siblings on one address are a handful; this bounds the statements of one connection. */
export const MAX_CONFIRMED = 30;

/** Why a confirmed child was not added (the parent is told, in words, on the next page). */
export type NotConnectedReason = "used" | "revoked" | "disputed" | "expired" | "unknown";

export interface ConnectOutcome {
  invitationId: string;
  childName: string;
  schoolName: string;
  connected: boolean;
  reason?: NotConnectedReason;
}

export interface ConnectOptions {
  /** Statements to run first in the same batch (e.g. consuming the token that carried the ids). */
  before?: Statement[];
  /** An extra condition every consuming update must meet (e.g. that token was consumed by us). */
  guard?: SQL;
}

/**
 * For each invitation: a conditional UPDATE (pending and unexpired → accepted by this user)
 * RETURNING its id, the guardianship insert (only if that update was ours; ON CONFLICT DO NOTHING
 * when the user is already this child's guardian) and an audit row, all in ONE batch. Two racing
 * confirmations consume an invitation once and never create two guardianships; an invitation
 * revoked, disputed or expired in between simply does not connect.
 */
export async function connectInvitations(db: Db, userId: string, invitationIds: readonly string[], now: number, opts: ConnectOptions = {}): Promise<ConnectOutcome[]> {
  const ids = [...new Set(invitationIds)].filter(isInvitationId).slice(0, MAX_CONFIRMED);
  const perInvitation = ids.flatMap((id) => consumeStatements(db, userId, id, now, opts.guard));
  const results = await runBatch(db, [...(opts.before ?? []), ...perInvitation]);
  const first = opts.before?.length ?? 0;
  const won = new Set<string>();
  ids.forEach((id, i) => {
    const returned = results[first + i * STATEMENTS_PER_INVITATION] as { id: string }[] | undefined;
    if (returned?.some((r) => r.id === id)) won.add(id);
  });
  if (ids.length === 0) return [];

  const rows = await db
    .select({
      id: invitations.id,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: schools.name,
      guardian: sql<number>`EXISTS (SELECT 1 FROM guardianships g WHERE g.user_id = ${userId} AND g.student_id = ${invitations.studentId})`,
    })
    .from(invitations)
    .innerJoin(students, eq(students.id, invitations.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(inArray(invitations.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id): ConnectOutcome[] => {
    const r = byId.get(id);
    if (!r) return [];
    const base = { invitationId: id, childName: `${r.firstName} ${r.lastName}`, schoolName: r.schoolName };
    if (won.has(id) || Number(r.guardian) === 1) return [{ ...base, connected: true }];
    const status = invitationStatus(r, now);
    const reason: NotConnectedReason = status === "accepted" ? "used" : status === "pending" ? "unknown" : status;
    return [{ ...base, connected: false, reason }];
  });
}

/** consumeStatements' statements per invitation (the first returns whether this call won it). */
const STATEMENTS_PER_INVITATION = 4;

function consumeStatements(db: Db, userId: string, invitationId: string, now: number, guard?: SQL): Statement[] {
  const guardianshipId = newId("gsh");
  const acceptedByUs = sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${invitationId} AND status = 'accepted' AND accepted_by_user_id = ${userId} AND accepted_at = ${now})`;
  return [
    db
      .update(invitations)
      .set({ status: "accepted", acceptedAt: now, acceptedByUserId: userId })
      .where(and(eq(invitations.id, invitationId), eq(invitations.status, "pending"), gt(invitations.expiresAt, now), guard))
      .returning({ id: invitations.id }),
    // Columns by name (insertSelect): the order of guardianships' columns does not matter.
    insertSelect(
      db,
      guardianships,
      { id: guardianshipId, districtId: sql`i.district_id`, userId, studentId: sql`i.student_id`, invitationId: sql`i.id`, relationship: sql`gc.relationship`, createdAt: now },
      sql` FROM invitations i LEFT JOIN guardian_contacts gc ON gc.id = i.contact_id
      WHERE i.id = ${invitationId} AND i.status = 'accepted' AND i.accepted_by_user_id = ${userId} AND i.accepted_at = ${now}`,
    ).onConflictDoNothing(),
    // One audit row per consumed invitation; a same-user double submit that lost adds none.
    auditInsertSelect(
      db,
      {
        districtId: sql`i.district_id`,
        actorKind: "parent",
        actorId: userId,
        action: "invitation.accept",
        studentId: sql`i.student_id`,
        targetId: sql`i.id`,
        detail: sql`json_object('guardianshipId', (SELECT g.id FROM guardianships g WHERE g.user_id = ${userId} AND g.student_id = i.student_id))`,
      },
      now,
      sql`FROM invitations i
      WHERE i.id = ${invitationId} AND ${acceptedByUs}
        AND (EXISTS (SELECT 1 FROM guardianships WHERE id = ${guardianshipId})
             OR NOT EXISTS (SELECT 1 FROM guardianships g WHERE g.user_id = ${userId} AND g.invitation_id = ${invitationId}))`,
    ),
    // A text-message invitation reached this number and its link was opened: the account's phone is verified (unless it has one already).
    db
      .update(users)
      .set({ phone: sql`(SELECT address FROM invitations WHERE id = ${invitationId})`, phoneVerifiedAt: now, updatedAt: now })
      .where(and(eq(users.id, userId), isNull(users.phoneVerifiedAt), sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${invitationId} AND channel = 'sms' AND status = 'accepted' AND accepted_by_user_id = ${userId} AND accepted_at = ${now})`)),
  ];
}
