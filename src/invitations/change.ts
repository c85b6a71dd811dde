/** District-side changes to one invitation: resend (new link) and revoke. */
import { and, eq, gt, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianContacts, invitations, outbox, schools, students, type ACTOR_KINDS } from "../db/schema";
import { auditInsertWhere } from "../audit";
import { outboxRow } from "../outbox/enqueue";
import { hashToken, newSecret } from "../lib/random";
import type { InvitingDistrict } from "./district";
import { getInvitationView } from "./lookup";
import { buildInvitationMessage, invitationLink } from "./messages";
import { invitationStatus, type InvitationViewStatus } from "./status";
import { insertWhere, runBatch } from "../db/batch";
import type { InvitationViewRow } from "./view";

export type ChangeOutcome =
  | { ok: true; invitation: InvitationViewRow }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "conflict"; status: InvitationViewStatus }
  /** Resending an expired invitation while a newer one to the same address is still pending. */
  | { ok: false; error: "superseded"; pendingInvitationId: string };

export interface ChangeContext {
  db: Db;
  district: InvitingDistrict;
  publicUrl: string;
  ttlMs: number;
  now: number;
  actor: { kind: (typeof ACTOR_KINDS)[number]; id: string | null };
}

async function loadForChange(db: Db, districtId: string, id: string) {
  const row = await db
    .select({
      id: invitations.id,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      channel: invitations.channel,
      address: invitations.address,
      studentId: invitations.studentId,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: schools.name,
      language: guardianContacts.language,
    })
    .from(invitations)
    .innerJoin(students, eq(students.id, invitations.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .innerJoin(guardianContacts, eq(guardianContacts.id, invitations.contactId))
    .where(and(eq(invitations.districtId, districtId), eq(invitations.id, id)))
    .get();
  return row ?? null;
}

/** An audit insert that happens only if `condition` holds once the batch's update has run. */
function auditWhere(db: Db, ctx: ChangeContext, action: string, inv: { id: string; studentId: string }, condition: SQL, detail?: Record<string, unknown>) {
  return auditInsertWhere(
    db,
    { districtId: ctx.district.id, actorKind: ctx.actor.kind, actorId: ctx.actor.id, action, studentId: inv.studentId, targetId: inv.id, detail },
    ctx.now,
    condition,
  );
}

const changes = (result: unknown): number => (result as D1Result).meta.changes;

/** After a conditional update matched nothing: say why, from the invitation as it is now. */
async function whyNotChanged(ctx: ChangeContext, id: string): Promise<ChangeOutcome> {
  const current = await getInvitationView(ctx.db, ctx.district.id, id);
  return current ? { ok: false, error: "conflict", status: invitationStatus(current, ctx.now) } : { ok: false, error: "not_found" };
}

/** Another pending, unexpired invitation for the same student and address, if any. */
async function newerPending(db: Db, inv: { id: string; studentId: string; channel: "email" | "sms"; address: string }, now: number): Promise<ChangeOutcome | null> {
  const row = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.studentId, inv.studentId),
        eq(invitations.channel, inv.channel),
        eq(invitations.address, inv.address),
        eq(invitations.status, "pending"),
        gt(invitations.expiresAt, now),
        ne(invitations.id, inv.id),
      ),
    )
    .get();
  return row ? { ok: false, error: "superseded", pendingInvitationId: row.id } : null;
}

/**
 * Send a pending (or expired-pending) invitation again with a NEW link: only token hashes are
 * stored, so the old link cannot be re-sent and dies here. The expiry starts over.
 */
export async function resendInvitation(ctx: ChangeContext, id: string): Promise<ChangeOutcome> {
  const { db, district, now } = ctx;
  const inv = await loadForChange(db, district.id, id);
  if (!inv) return { ok: false, error: "not_found" };
  if (inv.status !== "pending") return { ok: false, error: "conflict", status: inv.status };
  const newer = await newerPending(db, inv, now);
  if (newer) return newer;

  const token = newSecret();
  const tokenHash = hashToken(token);
  const expiresAt = now + ctx.ttlMs;
  const message = await buildInvitationMessage({
    channel: inv.channel,
    link: invitationLink(ctx.publicUrl, token),
    expiresAt,
    // The contact's language as it is now (a later invitation may have changed it).
    language: inv.language,
    district,
    school: { name: inv.schoolName },
    student: inv,
  });
  // The message and audit row exist only if the update below took effect (a parent may have
  // accepted a moment ago; then nothing is sent).
  const rotated = sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${inv.id} AND token_hash = ${tokenHash})`;
  const [update] = await runBatch(db, [
    db
      .update(invitations)
      .set({ tokenHash, expiresAt, sentAt: now, sendCount: sql`${invitations.sendCount} + 1`, reminderSentAt: null })
      // Never two live invitations for one student and address, even if one appeared meanwhile.
      .where(and(eq(invitations.id, inv.id), eq(invitations.districtId, district.id), eq(invitations.status, "pending"), sql`NOT EXISTS (SELECT 1 FROM invitations o WHERE o.student_id = ${inv.studentId} AND o.channel = ${inv.channel} AND o.address = ${inv.address} AND o.status = 'pending' AND o.expires_at > ${now} AND o.id <> ${inv.id})`)),
    insertWhere(db, outbox, outboxRow({ kind: "invitation", channel: inv.channel, to: inv.address, ...message, districtId: district.id, studentId: inv.studentId }, now), rotated),
    auditWhere(db, ctx, "invitation.resend", inv, rotated, { wasExpired: inv.expiresAt <= now }),
  ]);
  if (changes(update) === 0) return (await newerPending(db, inv, now)) ?? whyNotChanged(ctx, inv.id);
  const view = await getInvitationView(db, district.id, inv.id);
  return view ? { ok: true, invitation: view } : { ok: false, error: "not_found" };
}

/**
 * Revoke: the link stops working at once (the confirm page checks the status). Revoking a revoked
 * invitation is a no-op success; accepted or disputed invitations cannot be revoked.
 */
export async function revokeInvitation(ctx: ChangeContext, id: string): Promise<ChangeOutcome> {
  const { db, district, now } = ctx;
  const inv = await loadForChange(db, district.id, id);
  if (!inv) return { ok: false, error: "not_found" };
  if (inv.status === "revoked") {
    const view = await getInvitationView(db, district.id, inv.id);
    return view ? { ok: true, invitation: view } : { ok: false, error: "not_found" };
  }
  if (inv.status !== "pending") return { ok: false, error: "conflict", status: inv.status };

  const [update] = await runBatch(db, [
    db
      .update(invitations)
      .set({ status: "revoked", revokedAt: now })
      .where(and(eq(invitations.id, inv.id), eq(invitations.districtId, district.id), eq(invitations.status, "pending"))),
    auditWhere(db, ctx, "invitation.revoke", inv, sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${inv.id} AND status = 'revoked' AND revoked_at = ${now})`, {
      wasExpired: inv.expiresAt <= now,
    }),
  ]);
  if (changes(update) === 0) {
    const outcome = await whyNotChanged(ctx, inv.id);
    // A concurrent revoke won the race: same result as ours.
    if (!outcome.ok && outcome.error === "conflict" && outcome.status === "revoked") {
      const view = await getInvitationView(db, district.id, inv.id);
      if (view) return { ok: true, invitation: view };
    }
    return outcome;
  }
  const view = await getInvitationView(db, district.id, inv.id);
  return view ? { ok: true, invitation: view } : { ok: false, error: "not_found" };
}
