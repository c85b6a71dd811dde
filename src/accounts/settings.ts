import { and, eq, isNull } from "drizzle-orm";
import * as z from "zod/mini";
import type { Db } from "../db/client";
import { authTokens, users } from "../db/schema";
import { deleteOtherSessions } from "../auth/sessions";
import { cleanLine } from "../lib/text";
import { HOUR, now } from "../lib/time";
import { outboxInsert } from "../outbox/enqueue";
import { passwordChangedEmail } from "./messages";
import type { Catalog } from "../i18n/catalog";
import { localeFor } from "../i18n/locale";
import { LANGUAGES } from "../i18n/negotiate";

/** Wrong current passwords allowed per account before "change password" pauses (a stolen session must not guess it). */
export const WRONG_CURRENT_PASSWORD = { limit: 10, windowMs: HOUR } as const;

// The forms, their messages in the page's language (built per request from its catalog).

export const nameForm = ({ account: { errors: e } }: Catalog) =>
  z.strictObject({
    name: z.string(e.enterName).check(z.overwrite(cleanLine), z.trim(), z.minLength(1, e.enterName), z.maxLength(200, e.tooLong(200))),
  });

/** A checkbox sends its field only when ticked, so an absent field means off. */
export const notificationsForm = ({ account: { errors: e } }: Catalog) =>
  z.strictObject({
    notifyUnread: z.optional(z.literal("on", e.tickOrLeave)),
  });

export const passwordForm = ({ account: { errors: e, passwordRules } }: Catalog) =>
  z.strictObject({
    // Never trimmed: spaces are part of a password. The lengths only bound the work; the policy says the rest.
    currentPassword: z.string(e.enterCurrent).check(z.minLength(1, e.enterCurrent), z.maxLength(1024, e.wrongCurrent)),
    newPassword: z.string(e.chooseNew).check(z.minLength(1, e.chooseNew), z.maxLength(1024, passwordRules.tooLong(128))),
    // The hidden field for password managers; ignored.
    username: z.optional(z.string().check(z.maxLength(254))),
  });

/** One of the languages we have a catalog for. */
export const languageForm = ({ account: { language } }: Catalog) =>
  z.strictObject({
    language: z.string(language.chooseOne).check(z.refine((tag) => LANGUAGES.includes(tag), language.chooseOne)),
  });

export function updateName(db: Db, userId: string, name: string) {
  return db.update(users).set({ name, updatedAt: now() }).where(eq(users.id, userId));
}

export function setUnreadEmails(db: Db, userId: string, on: boolean) {
  return db.update(users).set({ notifyUnread: on, updatedAt: now() }).where(eq(users.id, userId));
}

/** The account's language: its pages on any browser, and every email to it. */
export function setLanguage(db: Db, userId: string, language: string) {
  return db.update(users).set({ language, updatedAt: now() }).where(eq(users.id, userId));
}

/** New password, every other session and open reset link ended (this session kept), and a heads-up email in the account's language: one batch. */
export async function changePassword(
  db: Db,
  user: { id: string; email: string; language: string | null },
  keepSessionId: string,
  passwordHash: string,
  publicUrl: string,
): Promise<void> {
  const t = now();
  const locale = await localeFor(user.language);
  await db.batch([
    db.update(users).set({ passwordHash, updatedAt: t }).where(eq(users.id, user.id)),
    deleteOtherSessions(db, "parent", user.id, keepSessionId),
    db
      .update(authTokens)
      .set({ usedAt: t })
      .where(and(eq(authTokens.purpose, "reset_password"), eq(authTokens.subjectId, user.id), isNull(authTokens.usedAt))),
    outboxInsert(db, { kind: "password_changed", channel: "email", to: user.email, ...passwordChangedEmail(publicUrl, locale) }),
  ]);
}
