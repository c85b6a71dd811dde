/** A parent says an invitation is not for them: it stops working, and the district is told. */
import { and, eq, sql } from "drizzle-orm";
import { auditInsertWhere } from "../audit";
import type { Db } from "../db/client";
import { invitations } from "../db/schema";
import { runBatch } from "../db/batch";

/**
 * "This is not my child": the invitation becomes disputed (its link connects nobody any more),
 * the district sees it in its reports, and the audit log records it. Only a pending invitation
 * (expired or not) can be disputed; returns false when it was not pending any more.
 */
export async function disputeInvitation(db: Db, inv: { id: string; districtId: string; studentId: string; address: string }, now: number): Promise<boolean> {
  const [update] = await runBatch(db, [
    db
      .update(invitations)
      .set({ status: "disputed", disputedAt: now })
      .where(and(eq(invitations.id, inv.id), eq(invitations.address, inv.address), eq(invitations.status, "pending"))),
    auditInsertWhere(
      db,
      // The recipient of the invitation, who may have no account.
      { districtId: inv.districtId, actorKind: "parent", actorId: null, action: "invitation.dispute", studentId: inv.studentId, targetId: inv.id },
      now,
      sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${inv.id} AND status = 'disputed' AND disputed_at = ${now})`,
    ),
  ]);
  return (update as D1Result).meta.changes === 1;
}
