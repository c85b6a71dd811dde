import type { Invitation } from "../db/schema";

/** What districts and parents see. "expired" is never stored: it is pending past expires_at. */
export const INVITATION_VIEW_STATUSES = ["pending", "accepted", "expired", "revoked", "disputed"] as const;
export type InvitationViewStatus = (typeof INVITATION_VIEW_STATUSES)[number];

export function invitationStatus(row: Pick<Invitation, "status" | "expiresAt">, now: number): InvitationViewStatus {
  if (row.status === "pending" && row.expiresAt <= now) return "expired";
  return row.status;
}
