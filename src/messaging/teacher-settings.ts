/** A teacher's settings (SPEC 3.6, 3.10, 3.11): Messages on/off, the name families see, unread-message emails, language, translation. */
import { eq } from "drizzle-orm";
import * as z from "zod/mini";
import type { Db } from "../db/client";
import { teachers } from "../db/schema";
import type { Catalog } from "../i18n/catalog";
import { LANGUAGES } from "../i18n/negotiate";

type Words = Catalog["teacher"]["settings"]["errors"];

/** The translation form of /teacher/settings (its own words live in the catalog's teacher.translation). */
export const translationForm = (choose: string) => z.strictObject({ translateMessages: z.enum(["on", "off"], choose) });

/** The forms of /teacher/settings, their messages in the page's language. */
export function settingsForms(t: Words) {
  const onOff = (message: string) => z.enum(["on", "off"], message);
  return {
    messages: z.strictObject({ messagesEnabled: onOff(t.chooseMessages) }),
    notifications: z.strictObject({ notifyUnread: onOff(t.chooseEmails) }),
    name: z.strictObject({
      // Empty means "use my roster name".
      displayName: z.string(t.nameMissing).check(z.trim(), z.maxLength(200, t.nameTooLong)),
    }),
    // Only a language we have a catalog for: pages and emails are shown in it.
    language: z.strictObject({ language: z.string(t.chooseLanguage).check(z.refine((tag) => LANGUAGES.includes(tag), t.chooseLanguage)) }),
  };
}

type TeacherSettings = Partial<Pick<typeof teachers.$inferInsert, "messagesEnabled" | "notifyUnread" | "displayName" | "language" | "translateMessages">>;

export function updateTeacherSettings(db: Db, teacherId: string, changes: TeacherSettings, at: number) {
  return db.update(teachers).set({ ...changes, updatedAt: at }).where(eq(teachers.id, teacherId));
}

/** The name families see: the teacher's own choice, else the roster's. */
export const familyFacingName = (t: { displayName: string | null; name: string }): string => t.displayName?.trim() || t.name;
