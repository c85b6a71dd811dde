/**
 * The district's optional reminder (settings.reminderBeforeExpiry): on the last day before a
 * pending invitation expires, send it once more. Only token hashes are stored, so the reminder
 * carries a fresh link (the earlier one dies); the expiry stays as it was.
 */
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { districts, guardianContacts, invitations, outbox, schools, students } from "../db/schema";
import { auditInsertWhere } from "../audit";
import { outboxRow } from "../outbox/enqueue";
import { hashToken, newSecret } from "../lib/random";
import { DAY } from "../lib/time";
import { buildInvitationMessage, invitationLink } from "./messages";
import { insertWhere, runBatch, type Statement } from "../db/batch";

/** Invitations reminded per run; the cron runs every few minutes, so a backlog drains quickly. */
const PER_RUN = 50;

/** Sends due reminders; returns how many were sent. */
export async function sendExpiryReminders(db: Db, publicUrl: string, now: number): Promise<number> {
  const due = await db
    .select({
      id: invitations.id,
      districtId: invitations.districtId,
      studentId: invitations.studentId,
      channel: invitations.channel,
      address: invitations.address,
      expiresAt: invitations.expiresAt,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: schools.name,
      districtName: districts.name,
      invitationMessage: districts.invitationMessage,
      timeZone: districts.timeZone,
      language: guardianContacts.language,
    })
    .from(invitations)
    .innerJoin(districts, eq(districts.id, invitations.districtId))
    .innerJoin(guardianContacts, eq(guardianContacts.id, invitations.contactId))
    .innerJoin(students, eq(students.id, invitations.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(
      and(
        eq(districts.reminderBeforeExpiry, true),
        eq(invitations.status, "pending"),
        isNull(invitations.reminderSentAt),
        gt(invitations.expiresAt, now),
        lte(invitations.expiresAt, now + DAY),
        // An invitation sent less than a day ago needs no reminder yet.
        lte(invitations.sentAt, now - DAY),
      ),
    )
    .limit(PER_RUN)
    .all();

  const statements: Statement[] = [];
  for (const inv of due) {
    const token = newSecret();
    const tokenHash = hashToken(token);
    // In the family's language, the expiry in the district's time zone, with the reminder's note first.
    const message = await buildInvitationMessage({
      channel: inv.channel,
      link: invitationLink(publicUrl, token),
      expiresAt: inv.expiresAt,
      language: inv.language,
      district: { name: inv.districtName, invitationMessage: inv.invitationMessage, timeZone: inv.timeZone },
      school: { name: inv.schoolName },
      student: inv,
      reminder: true,
    });
    // Mail and audit only if this run rotated the token (the parent may have accepted meanwhile).
    const rotated = sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${inv.id} AND token_hash = ${tokenHash})`;
    statements.push(
      db
        .update(invitations)
        .set({ tokenHash, reminderSentAt: now })
        .where(and(eq(invitations.id, inv.id), eq(invitations.status, "pending"), isNull(invitations.reminderSentAt))),
      insertWhere(db, outbox, outboxRow({ kind: "invitation_reminder", channel: inv.channel, to: inv.address, ...message, districtId: inv.districtId, studentId: inv.studentId }, now), rotated),
      auditInsertWhere(db, { districtId: inv.districtId, actorKind: "system", actorId: null, action: "invitation.reminder", studentId: inv.studentId, targetId: inv.id }, now, rotated),
    );
  }
  await runBatch(db, statements);
  return due.length;
}
