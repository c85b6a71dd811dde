/** A student's guardian contacts (from invitations or a OneRoster import), each with its latest invitation's state. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianContacts, invitations } from "../db/schema";
import { invitationStatus, latestInvitationIdOfContact, type InvitationViewStatus } from "../invitations/status";
import { isoDate } from "../lib/time";

export interface ContactJson {
  id: string;
  channel: "email" | "sms";
  address: string;
  name: string | null;
  relationship: string | null;
  language: string | null;
  /** The OneRoster sourcedId it was imported from, if it was. */
  sourceId: string | null;
  /** The latest invitation to this contact: null when none was ever sent. */
  invitation: { id: string; status: InvitationViewStatus; expiresAt: string } | null;
  createdAt: string;
}

export async function listContacts(db: Db, districtId: string, studentId: string, at: number): Promise<ContactJson[]> {
  const rows = await db
    .select({
      id: guardianContacts.id,
      channel: guardianContacts.channel,
      address: guardianContacts.address,
      name: guardianContacts.name,
      relationship: guardianContacts.relationship,
      language: guardianContacts.language,
      sourceId: guardianContacts.sourceId,
      createdAt: guardianContacts.createdAt,
      invitationId: invitations.id,
      invitationStatus: invitations.status,
      invitationExpiresAt: invitations.expiresAt,
    })
    .from(guardianContacts)
    .leftJoin(invitations, eq(invitations.id, latestInvitationIdOfContact))
    .where(and(eq(guardianContacts.districtId, districtId), eq(guardianContacts.studentId, studentId)))
    .orderBy(asc(guardianContacts.createdAt), asc(guardianContacts.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    address: r.address,
    name: r.name,
    relationship: r.relationship,
    language: r.language,
    sourceId: r.sourceId,
    invitation:
      r.invitationId && r.invitationStatus && r.invitationExpiresAt !== null
        ? { id: r.invitationId, status: invitationStatus({ status: r.invitationStatus, expiresAt: r.invitationExpiresAt }, at), expiresAt: isoDate(r.invitationExpiresAt) }
        : null,
    createdAt: isoDate(r.createdAt),
  }));
}
