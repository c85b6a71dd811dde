/**
 * A teacher (re)sends the invitation of a guardian contact on record, for a student in one of the
 * teacher's own sections. The district's rules stay in force: a revoked or disputed invitation is
 * the district's decision, and an accepted one needs nothing.
 */
import { and, eq, sql } from "drizzle-orm";
import { auditInsert } from "../audit";
import type { Db } from "../db/client";
import { guardianContacts, invitations, students } from "../db/schema";
import { planInvitations } from "../invitations/create";
import { resendInvitation } from "../invitations/change";
import { invitationTtlMs, loadInvitingDistrict, type InvitingDistrict } from "../invitations/district";
import { runBatch, type Statement } from "../db/batch";
import { invitationStatus, type InvitationViewStatus } from "../invitations/status";
import { HOUR } from "../lib/time";
import { teaches, type TeacherRef } from "../roster/teaching";

/** Enough for a whole class in one sitting, not enough to spam. */
export const TEACHER_INVITES_PER_HOUR = { limit: 60, windowMs: HOUR } as const;
/** One family is not sent more than a few links an hour, whoever presses the button. */
export const TEACHER_INVITES_PER_CONTACT = { limit: 3, windowMs: HOUR } as const;

export interface TeacherContact {
  id: string;
  studentId: string;
  studentSisId: string;
  channel: "email" | "sms";
  address: string;
  latest: { id: string; status: InvitationViewStatus } | null;
}

/**
 * The contact, only if it belongs to the student and the student is enrolled in one of the
 * teacher's sections in the teacher's district; otherwise null (the caller answers 404).
 */
export async function findTeacherContact(db: Db, teacher: TeacherRef, studentId: string, contactId: string, now: number): Promise<TeacherContact | null> {
  const row = await db
    .select({
      id: guardianContacts.id,
      studentId: guardianContacts.studentId,
      studentSisId: students.sisId,
      channel: guardianContacts.channel,
      address: guardianContacts.address,
      invitationId: invitations.id,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
    })
    .from(guardianContacts)
    .innerJoin(students, eq(students.id, guardianContacts.studentId))
    .leftJoin(
      invitations,
      eq(
        invitations.id,
        sql`(SELECT i.id FROM invitations i WHERE i.student_id = ${guardianContacts.studentId} AND i.contact_id = ${guardianContacts.id} ORDER BY i.created_at DESC, i.id DESC LIMIT 1)`,
      ),
    )
    .where(
      and(
        eq(guardianContacts.id, contactId),
        eq(guardianContacts.studentId, studentId),
        eq(guardianContacts.districtId, teacher.districtId),
        eq(students.districtId, teacher.districtId),
        teaches(teacher.id, teacher.districtId, students.id),
      ),
    )
    .get();
  if (!row) return null;
  return {
    id: row.id,
    studentId: row.studentId,
    studentSisId: row.studentSisId,
    channel: row.channel,
    address: row.address,
    latest: row.invitationId && row.status && row.expiresAt !== null ? { id: row.invitationId, status: invitationStatus({ status: row.status, expiresAt: row.expiresAt }, now) } : null,
  };
}

/** What pressing "send" does for a contact in this state. */
export type InviteStep = "resend" | "create" | "accepted" | "revoked" | "disputed";

export function inviteStep(contact: TeacherContact): InviteStep {
  const status = contact.latest?.status;
  if (status === undefined) return "create";
  return status === "pending" || status === "expired" ? "resend" : status;
}

export type InviteOutcome = "resent" | "created" | "accepted" | "revoked" | "disputed" | "already_pending" | "not_found";

export interface TeacherInviteContext {
  db: Db;
  teacher: TeacherRef;
  publicUrl: string;
  /** config(env).invitationTtlDays (the district's own setting wins). */
  defaultTtlDays: number;
  now: number;
}

/** Sends (resend: a new link, the old one dies; create: the first invitation). Audited as the teacher. */
export async function sendContactInvitation(ctx: TeacherInviteContext, contact: TeacherContact, step: "resend" | "create"): Promise<InviteOutcome> {
  const { db, teacher, now } = ctx;
  const district = await loadInvitingDistrict(db, teacher.districtId);
  if (!district) return "not_found";
  const ttlMs = invitationTtlMs(district, ctx.defaultTtlDays);
  if (step === "resend" && contact.latest) {
    const outcome = await resendInvitation({ db, district, publicUrl: ctx.publicUrl, ttlMs, now, actor: { kind: "teacher", id: teacher.id } }, contact.latest.id);
    if (outcome.ok) return "resent";
    if (outcome.error === "not_found") return "not_found";
    if (outcome.error === "superseded") return "already_pending";
    return outcome.status === "pending" || outcome.status === "expired" ? "already_pending" : outcome.status;
  }
  return createInvitation(ctx, district, ttlMs, contact);
}

async function createInvitation(ctx: TeacherInviteContext, district: InvitingDistrict, ttlMs: number, contact: TeacherContact): Promise<InviteOutcome> {
  const { db, teacher, now } = ctx;
  const plan = await planInvitations({ db, district, publicUrl: ctx.publicUrl, ttlMs, now }, [
    // name/relationship/language not given: the contact's stored ones are kept, and the invitation
    // goes out in the contact's language (a re-send does too: see resendInvitation).
    { studentSisId: contact.studentSisId, channel: contact.channel, address: contact.address, name: null, relationship: null, language: null },
  ]);
  const outcome = plan.outcomes[0];
  const created = plan.created[0];
  if (!outcome?.ok || !created) return outcome?.ok === false && outcome.error.code === "not_found" ? "not_found" : "already_pending";
  try {
    await runBatch(db, [
      ...withoutDistrictAudit(plan.statements),
      auditInsert(db, {
        districtId: teacher.districtId,
        actorKind: "teacher",
        actorId: teacher.id,
        action: "invitation.create",
        studentId: created.studentId,
        targetId: created.id,
        detail: { contactId: contact.id, channel: contact.channel },
      }, now),
    ]);
  } catch (err) {
    // The plan's guard fails the whole batch when a pending invitation appeared meanwhile.
    const current = await findTeacherContact(db, teacher, contact.studentId, contact.id, now);
    if (current?.latest?.status === "pending") return "already_pending";
    throw err;
  }
  return "created";
}

/** planInvitations ends with an audit row naming the district as actor; here the teacher acts. */
function withoutDistrictAudit(statements: Statement[]): Statement[] {
  const last = statements.at(-1) as { toSQL?: () => { sql: string } } | undefined;
  if (!last?.toSQL?.().sql.startsWith('insert into "audit_log"')) throw new Error("planInvitations no longer ends with its audit insert");
  return statements.slice(0, -1);
}
