/**
 * Invitations domain, the invitation's whole life: created (API, teacher), sent and reminded,
 * renewed, revoked, opened by its link, accepted into a guardianship or disputed. Plain functions
 * taking `db`, independent of Hono (the API and the parent pages use them).
 */
export { planInvitations, findStudentsBySisId, type InvitationContext, type InvitationPlan, type ItemError, type ItemOutcome } from "./create";
export { resendInvitation, revokeInvitation, type ChangeContext, type ChangeOutcome } from "./change";
export { loadInvitingDistrict, invitationTtlMs, type InvitingDistrict } from "./district";
export { invitationInput, invitationBatchInput, MAX_BATCH_INVITATIONS, type InvitationInput } from "./input";
export { findInvitationByToken, getInvitationView, listInvitations, type InvitationByToken } from "./lookup";
export { buildInvitationMessage, invitationLink, type InvitationMessage, type InvitationMessageInput } from "./messages";
export { normalizeEmail, normalizePhone } from "./normalize";
export { listDisputes, listRenewals } from "./reports";
export { invitationStatus, INVITATION_VIEW_STATUSES, type InvitationViewStatus } from "./status";
export { toInvitationJson, type InvitationJson } from "./view";
export { renewExpiredInvitation, type ExpiredInvitation, type RenewContext, type RenewOutcome } from "./renew";
export { connectInvitations, MAX_CONFIRMED, type ConnectOptions, type ConnectOutcome, type NotConnectedReason } from "./accept";
export { disputeInvitation } from "./dispute";
export { describeInvitations, findSibling, openInvitationLink, pendingSiblings, type LinkedInvitation, type SiblingInvitation } from "./link";
