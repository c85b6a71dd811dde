import { guardianContacts, invitations, students } from "../db/schema";
import { isoDate } from "../lib/time";
import { invitationStatus, type InvitationViewStatus } from "./status";

/** Columns of an invitation as districts see it (joined with its student and contact). */
export const invitationViewColumns = {
  id: invitations.id,
  studentSisId: students.sisId,
  channel: invitations.channel,
  address: invitations.address,
  name: guardianContacts.name,
  relationship: guardianContacts.relationship,
  language: guardianContacts.language,
  status: invitations.status,
  expiresAt: invitations.expiresAt,
  createdAt: invitations.createdAt,
  sentAt: invitations.sentAt,
  sendCount: invitations.sendCount,
  acceptedAt: invitations.acceptedAt,
  disputedAt: invitations.disputedAt,
  revokedAt: invitations.revokedAt,
  renewedFromId: invitations.renewedFromId,
};

export interface InvitationViewRow {
  id: string;
  studentSisId: string;
  channel: "email" | "sms";
  address: string;
  name: string | null;
  relationship: string | null;
  /** The contact's language as the district gave it (BCP 47), or null. */
  language: string | null;
  status: "pending" | "accepted" | "revoked" | "disputed";
  expiresAt: number;
  createdAt: number;
  sentAt: number | null;
  sendCount: number;
  acceptedAt: number | null;
  disputedAt: number | null;
  revokedAt: number | null;
  renewedFromId: string | null;
}

export interface InvitationJson {
  id: string;
  status: InvitationViewStatus;
  studentSisId: string;
  channel: "email" | "sms";
  address: string;
  name: string | null;
  relationship: string | null;
  language: string | null;
  expiresAt: string;
  createdAt: string;
  sentAt: string | null;
  sendCount: number;
  acceptedAt: string | null;
  disputedAt: string | null;
  revokedAt: string | null;
  renewedFromId: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : isoDate(ms));

export function toInvitationJson(r: InvitationViewRow, now: number): InvitationJson {
  return {
    id: r.id,
    status: invitationStatus(r, now),
    studentSisId: r.studentSisId,
    channel: r.channel,
    address: r.address,
    name: r.name,
    relationship: r.relationship,
    language: r.language,
    expiresAt: isoDate(r.expiresAt),
    createdAt: isoDate(r.createdAt),
    sentAt: iso(r.sentAt),
    sendCount: r.sendCount,
    acceptedAt: iso(r.acceptedAt),
    disputedAt: iso(r.disputedAt),
    revokedAt: iso(r.revokedAt),
    renewedFromId: r.renewedFromId,
  };
}
