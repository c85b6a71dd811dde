/**
 * A parent deletes their own account. The users row cannot go: the teachers' threads index
 * (threads.guardian_user_id, NOT NULL with a cascade) points at it and the teacher keeps the
 * conversation. So the row is emptied instead (no email, name, password or Google link: no way
 * in, nothing personal) and reads "Former guardian" wherever a teacher sees it; everything else
 * of the account is deleted in one batch, then each thread object forgets the guardian's side.
 */
import { and, eq, or, sql } from "drizzle-orm";
import { auditInsertSelect } from "../audit";
import { endSessionsOfGuardian } from "../auth/grants";
import type { Db } from "../db/client";
import { authTokens, guardianships, ideaSuggestions, outbox, phoneCodes, sessions, signUpAttempts, smsNotices, threads, users } from "../db/schema";
import type { Bindings } from "../env";
import { newId } from "../lib/random";
import { forgetTrustedDevices } from "../auth/trusted-devices";
import { finishErasures } from "./erasure";

export const FORMER_GUARDIAN_NAME = "Former guardian";

/** An address that can never receive mail or match a sign-in (RFC 2606 .invalid), unique per row. */
export const formerAddress = (userId: string): string => `former-guardian+${userId.toLowerCase()}@deleted.invalid`;

export interface AccountDeletion {
  guardianships: number;
  sessions: number;
  authTokens: number;
  outbox: number;
  threads: number;
}

export async function deleteParentAccount(env: Pick<Bindings, "MESSAGE_THREAD">, db: Db, user: { id: string; email: string }, at = Date.now()): Promise<AccountDeletion> {
  const mine = await db.select({ id: threads.id, districtId: threads.districtId }).from(threads).where(eq(threads.guardianUserId, user.id)).all();
  const [, , gone, sess, , tokens, mail] = await db.batch([
    // First, while the guardianships still exist: one audit row per district the parent was in (each district's
    // trail shows it), carrying the thread objects still to forget (erasure.ts finishes them if this request dies).
    auditInsertSelect(
      db,
      {
        id: sql`${newId("aud")} || '_' || d.district_id`,
        districtId: sql`d.district_id`,
        actorKind: "parent",
        actorId: user.id,
        action: "account.delete",
        targetId: user.id,
        detail: sql`json_object(
          'guardianships', (SELECT count(*) FROM guardianships g WHERE g.user_id = ${user.id} AND g.district_id = d.district_id),
          'forget', (SELECT json_group_array(t.id) FROM threads t WHERE t.guardian_user_id = ${user.id} AND t.district_id = d.district_id))`,
      },
      at,
      sql`FROM (SELECT district_id FROM guardianships WHERE user_id = ${user.id} UNION SELECT district_id FROM threads WHERE guardian_user_id = ${user.id}) d`,
    ),
    // The Instant Login sessions this parent started end too: found through the guardianships, so before they go.
    endSessionsOfGuardian(db, user.id),
    db.delete(guardianships).where(eq(guardianships.userId, user.id)).returning({ id: guardianships.id, districtId: guardianships.districtId, studentId: guardianships.studentId }),
    db.delete(sessions).where(and(eq(sessions.kind, "parent"), eq(sessions.subjectId, user.id))).returning({ id: sessions.id }),
    forgetTrustedDevices(db, user.id),
    // Email confirmation and reset links (subject: the user), and onboarding state (subject: their address).
    db.delete(authTokens).where(or(eq(authTokens.subjectId, user.id), eq(authTokens.subjectId, user.email))).returning({ id: authTokens.id }),
    // Mail to them (sent or not): it holds their address.
    db.delete(outbox).where(eq(outbox.toAddress, user.email)).returning({ id: outbox.id }),
    db.update(ideaSuggestions).set({ userId: null }).where(eq(ideaSuggestions.userId, user.id)),
    // The list's preview may quote them: it goes with their words (the thread object rewrites the rest).
    db.update(threads).set({ guardianUnread: 0, lastPreview: null }).where(eq(threads.guardianUserId, user.id)),
    // Sign-ups waiting on the address hold a name and a password hash.
    db.delete(signUpAttempts).where(eq(signUpAttempts.email, user.email)),
    // Texts to their verified phone hold the number; so do its codes and the notices replies were matched to.
    // (A number another account also verified is that account's too: its texts stay.)
    db.delete(outbox).where(
      and(
        eq(outbox.channel, "sms"),
        sql`${outbox.toAddress} = (SELECT phone FROM users WHERE id = ${user.id})`,
        sql`NOT EXISTS (SELECT 1 FROM users o WHERE o.id <> ${user.id} AND o.phone = ${outbox.toAddress} AND o.phone_verified_at IS NOT NULL)`,
      ),
    ),
    db.delete(phoneCodes).where(eq(phoneCodes.userId, user.id)),
    db.delete(smsNotices).where(eq(smsNotices.userId, user.id)),
    db
      .update(users)
      .set({ email: formerAddress(user.id), emailVerifiedAt: null, name: FORMER_GUARDIAN_NAME, passwordHash: null, googleSub: null, notifyUnread: false, phone: null, phoneVerifiedAt: null, notifySms: false, updatedAt: at })
      .where(eq(users.id, user.id)),
  ]);
  const run = await finishErasures(env, db, { actorId: user.id });
  if (run.pending > 0) console.warn(`account deletion: ${run.pending} thread(s) left for the nightly job`);
  return { guardianships: gone.length, sessions: sess.length, authTokens: tokens.length, outbox: mail.length, threads: mine.length };
}
