import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { authTokens, users } from "../db/schema";
import { deleteOtherSessions } from "../auth/sessions";
import { cleanLine } from "../lib/text";
import { HOUR, now } from "../lib/time";
import { outboxInsert } from "../outbox/enqueue";
import { passwordChangedEmail } from "./messages";

/** Wrong current passwords allowed per account before "change password" pauses (a stolen session must not guess it). */
export const WRONG_CURRENT_PASSWORD = { limit: 10, windowMs: HOUR } as const;

export const nameForm = z.strictObject({
  name: z.string("Enter your name.").overwrite(cleanLine).trim().min(1, "Enter your name.").max(200, "Use at most 200 characters."),
});

/** A checkbox sends its field only when ticked, so an absent field means off. */
export const notificationsForm = z.strictObject({
  notifyUnread: z.literal("on", "Tick the box or leave it empty.").optional(),
});

export const passwordForm = z.strictObject({
  // Never trimmed: spaces are part of a password. The lengths only bound the work; the policy says the rest.
  currentPassword: z.string("Enter your current password.").min(1, "Enter your current password.").max(1024, "That is not your current password."),
  newPassword: z.string("Choose a new password.").min(1, "Choose a new password.").max(1024, "Use at most 128 characters."),
  // The hidden field for password managers; ignored.
  username: z.string().max(254).optional(),
});

export function updateName(db: Db, userId: string, name: string) {
  return db.update(users).set({ name, updatedAt: now() }).where(eq(users.id, userId));
}

export function setUnreadEmails(db: Db, userId: string, on: boolean) {
  return db.update(users).set({ notifyUnread: on, updatedAt: now() }).where(eq(users.id, userId));
}

/** New password, every other session and open reset link ended (this session kept), and a heads-up email: one batch. */
export async function changePassword(db: Db, user: { id: string; email: string }, keepSessionId: string, passwordHash: string, publicUrl: string): Promise<void> {
  const t = now();
  await db.batch([
    db.update(users).set({ passwordHash, updatedAt: t }).where(eq(users.id, user.id)),
    deleteOtherSessions(db, "parent", user.id, keepSessionId),
    db
      .update(authTokens)
      .set({ usedAt: t })
      .where(and(eq(authTokens.purpose, "reset_password"), eq(authTokens.subjectId, user.id), isNull(authTokens.usedAt))),
    outboxInsert(db, { kind: "password_changed", channel: "email", to: user.email, ...passwordChangedEmail(publicUrl) }),
  ]);
}
