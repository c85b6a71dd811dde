import { sql, type SQL } from "drizzle-orm";
import { guardianContacts, type Invitation } from "../db/schema";

/** What districts and parents see. "expired" is never stored: it is pending past expires_at. */
export const INVITATION_VIEW_STATUSES = ["pending", "accepted", "expired", "revoked", "disputed"] as const;
export type InvitationViewStatus = (typeof INVITATION_VIEW_STATUSES)[number];

export function invitationStatus(row: Pick<Invitation, "status" | "expiresAt">, now: number): InvitationViewStatus {
  if (row.status === "pending" && row.expiresAt <= now) return "expired";
  return row.status;
}

/**
 * The id of a guardian contact's latest invitation (NULL when none was sent), for a join on
 * `invitations.id`: found through the student's index, newest first.
 */
export const latestInvitationIdOfContact: SQL = sql`(SELECT i.id FROM invitations i WHERE i.student_id = ${guardianContacts.studentId} AND i.contact_id = ${guardianContacts.id} ORDER BY i.created_at DESC, i.id DESC LIMIT 1)`;
