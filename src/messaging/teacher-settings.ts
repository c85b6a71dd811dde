/** A teacher's Messages settings (SPEC 3.6): on/off, the name families see, unread-message emails. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { teachers } from "../db/schema";

const onOff = (what: string) => z.enum(["on", "off"], `Choose whether ${what} are on or off.`);

export const messagesForm = z.strictObject({ messagesEnabled: onOff("Messages") });
export const notificationsForm = z.strictObject({ notifyUnread: onOff("unread-message emails") });
export const nameForm = z.strictObject({
  // Empty means "use my roster name".
  displayName: z.string("Enter a name, or leave the box empty.").trim().max(200, "Use at most 200 characters."),
});

type TeacherSettings = Partial<Pick<typeof teachers.$inferInsert, "messagesEnabled" | "notifyUnread" | "displayName">>;

export function updateTeacherSettings(db: Db, teacherId: string, changes: TeacherSettings, at: number) {
  return db.update(teachers).set({ ...changes, updatedAt: at }).where(eq(teachers.id, teacherId));
}

/** The name families see: the teacher's own choice, else the roster's. */
export const familyFacingName = (t: { displayName: string | null; name: string }): string => t.displayName?.trim() || t.name;
