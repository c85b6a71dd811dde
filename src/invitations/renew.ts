/** A guardian's "send me a fresh invitation" from an expired link: same student, same address on file. */
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { districts, guardianContacts, invitations, outbox } from "../db/schema";
import { auditInsertWhere } from "../audit";
import { outboxRow } from "../outbox/enqueue";
import { hashToken, newId, newSecret } from "../lib/random";
import { invitationTtlMs, invitingDistrictColumns, type InvitingDistrict } from "./district";
import { buildInvitationMessage, invitationLink } from "./messages";
import { insertWhere, runBatch } from "../db/batch";

export interface RenewContext {
  db: Db;
  publicUrl: string;
  /** config(env).invitationTtlDays (the district's own setting wins). */
  defaultTtlDays: number;
  now: number;
}

/** The expired invitation as its link found it (see findInvitationByToken). */
export interface ExpiredInvitation {
  id: string;
  districtId: string;
  studentId: string;
  contactId: string;
  channel: "email" | "sms";
  address: string;
  student: { firstName: string; lastName: string };
  school: { name: string };
}

export type RenewOutcome =
  | { ok: true; invitationId: string }
  /** Revoked, accepted or disputed meanwhile, or not expired after all. */
  | { ok: false; error: "not_expired" }
  /** A pending, unexpired invitation for this student and address already exists. */
  | { ok: false; error: "superseded" };

/**
 * Creates a new invitation to the SAME address on file with renewed_from_id set (so the district
 * sees it in its reports), its message in the outbox and an audit row, all in one batch. The old
 * invitation stays as it is (expired). Every write is conditional, so a revoke or another renewal
 * racing this one leaves at most one live invitation and never a message without one.
 */
export async function renewExpiredInvitation(ctx: RenewContext, old: ExpiredInvitation): Promise<RenewOutcome> {
  const { db, now } = ctx;
  const found = await districtAndLanguage(db, old);
  if (!found) return { ok: false, error: "not_expired" };
  const { language, ...district } = found;
  const id = newId("inv");
  const token = newSecret();
  const expiresAt = now + invitationTtlMs(district, ctx.defaultTtlDays);
  const message = await buildInvitationMessage({
    channel: old.channel,
    link: invitationLink(ctx.publicUrl, token),
    expiresAt,
    // In the family's language (the contact's, as the district gave it), like the first invitation.
    language,
    district,
    school: old.school,
    student: old.student,
  });
  const stillExpired = sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${old.id} AND status = 'pending' AND expires_at <= ${now})`;
  const noLiveOne = sql`NOT EXISTS (SELECT 1 FROM invitations WHERE student_id = ${old.studentId} AND channel = ${old.channel} AND address = ${old.address} AND status = 'pending' AND expires_at > ${now})`;
  const created = sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${id})`;
  const [insert] = await runBatch(db, [
    insertWhere(
      db,
      invitations,
      {
        id,
        districtId: old.districtId,
        studentId: old.studentId,
        contactId: old.contactId,
        channel: old.channel,
        address: old.address,
        tokenHash: hashToken(token),
        status: "pending",
        expiresAt,
        sentAt: now,
        sendCount: 1,
        renewedFromId: old.id,
        createdAt: now,
      },
      sql`${stillExpired} AND ${noLiveOne}`,
    ),
    insertWhere(db, outbox, outboxRow({ kind: "invitation", channel: old.channel, to: old.address, ...message, districtId: old.districtId, studentId: old.studentId }, now), created),
    auditInsertWhere(
      db,
      // The recipient of the link, who has no account yet.
      { districtId: old.districtId, actorKind: "parent", actorId: null, action: "invitation.renew", studentId: old.studentId, targetId: id, detail: { renewedFromId: old.id } },
      now,
      created,
    ),
  ]);
  if ((insert as D1Result).meta.changes === 1) return { ok: true, invitationId: id };
  const live = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.studentId, old.studentId), eq(invitations.channel, old.channel), eq(invitations.address, old.address), eq(invitations.status, "pending"), gt(invitations.expiresAt, now)))
    .get();
  return live ? { ok: false, error: "superseded" } : { ok: false, error: "not_expired" };
}

/** The district, and the language of the contact the invitation went to: one query. */
async function districtAndLanguage(db: Db, old: Pick<ExpiredInvitation, "districtId" | "contactId">): Promise<(InvitingDistrict & { language: string | null }) | null> {
  const row = await db
    .select({ ...invitingDistrictColumns, language: guardianContacts.language })
    .from(districts)
    .leftJoin(guardianContacts, and(eq(guardianContacts.id, old.contactId), eq(guardianContacts.districtId, districts.id)))
    .where(eq(districts.id, old.districtId))
    .get();
  return row ?? null;
}
