/** Parent accounts made during onboarding: sign-up with email, claiming an address, the roster check. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { invitations, outbox, students } from "../db/schema";
import { findUserByEmail } from "../accounts/users";
import { runBatch } from "../db/batch";
import { outboxRow } from "../outbox/enqueue";
import { localeFor } from "../i18n/locale";
import { accountExistsMessage } from "./messages";
import { newAttemptStatements } from "./sign-up-attempts";
import { consumeOnboardingState } from "./state";

/**
 * A student's own school address, on the roster of a district whose invitation is being accepted:
 * no guardian account may use it (a child must not become their own guardian). Other districts'
 * rosters do not count, so one district cannot block another district's parents.
 */
export async function isStudentEmail(db: Db, email: string, invitationIds: readonly string[]): Promise<boolean> {
  if (invitationIds.length === 0) return false;
  const row = await db
    .select({ id: students.id })
    .from(students)
    .where(
      and(
        eq(students.email, email.trim().toLowerCase()),
        inArray(students.districtId, db.select({ districtId: invitations.districtId }).from(invitations).where(inArray(invitations.id, [...invitationIds]))),
      ),
    )
    .limit(1)
    .get();
  return Boolean(row);
}

export type SignUpOutcome = { kind: "attempt" } | { kind: "exists" };

/**
 * "Continue with email". An address with a confirmed account gets a "sign in instead" email
 * (when `notifyExisting`, in the account's own language) and nothing changes; any other address gets a sign-up attempt and its
 * confirmation email, in one batch with consuming the onboarding state (the confirmed children
 * travel with the attempt, so the email can be opened on another device). No account is written
 * until the link is used. The page says the same either way.
 */
export async function signUpWithEmail(
  db: Db,
  input: {
    name: string;
    email: string;
    passwordHash: string;
    invitationIds: readonly string[];
    onboardingStateId: string | null;
    publicUrl: string;
    notifyExisting: () => Promise<boolean>;
    /** SHA-256 of the secret in this browser's sign-up cookie. */
    browserHash: string;
    /** The language the pages were shown in: the confirmation email's, and then the account's. */
    language: string;
  },
  now: number,
): Promise<SignUpOutcome> {
  const existing = await findUserByEmail(db, input.email);
  if (existing && existing.emailVerifiedAt !== null) {
    if (await input.notifyExisting()) {
      await db.insert(outbox).values(outboxRow({ kind: "account_exists", channel: "email", to: input.email, ...accountExistsMessage(input.publicUrl, await localeFor(existing.language)) }, now));
    }
    return { kind: "exists" };
  }
  await runBatch(db, [
    ...newAttemptStatements(db, input, input.publicUrl, now, await localeFor(input.language)),
    ...(input.onboardingStateId ? [consumeOnboardingState(db, input.onboardingStateId, now)] : []),
  ]);
  return { kind: "attempt" };
}
