/** /teacher/settings: Messages on or off, the name families see, unread-message emails (SPEC 3.6), language (3.10), and translation of families' messages (3.11). */
import { Hono, type Context } from "hono";
import { config } from "../config";
import type { AppEnv } from "../env";
import { requireTeacher, type TeacherEnv } from "../auth/guards";
import { getDb } from "../db/client";
import { closestLanguage } from "../i18n/negotiate";
import { readForm } from "../lib/form";
import { cleanLine } from "../lib/text";
import { now as clock } from "../lib/time";
import { delayInWords } from "../messaging/notice-email";
import { settingsForms, translationForm, updateTeacherSettings } from "../messaging/teacher-settings";
import { TeacherSettingsPage, type TeacherSettingsPageProps } from "../../views/pages/teacher-settings";

/** What the page says after each redirect (a fixed list, so nothing from the URL is echoed): the catalog's key. */
const DONE = {
  "messages-on": "messagesOn",
  "messages-off": "messagesOff",
  name: "name",
  "notifications-on": "notificationsOn",
  "notifications-off": "notificationsOff",
  language: "language",
} as const;
/** The translation setting's notices (catalog: teacher.translation). */
const TRANSLATION_DONE = { "translation-on": "doneOn", "translation-off": "doneOff" } as const;
type Done = keyof typeof DONE | keyof typeof TRANSLATION_DONE;

function noticeOf(c: Context<TeacherEnv>, done: string | undefined): string | null {
  const { t } = c.var.locale;
  if (!done) return null;
  if (Object.hasOwn(DONE, done)) return t.teacher.settings.done[DONE[done as keyof typeof DONE]];
  if (Object.hasOwn(TRANSLATION_DONE, done)) return t.teacher.translation[TRANSLATION_DONE[done as keyof typeof TRANSLATION_DONE]];
  return null;
}

function render(c: Context<TeacherEnv>, status: 200 | 422, error: TeacherSettingsPageProps["error"] = null) {
  const { teacher } = c.var.actor;
  const { tag, t } = c.var.locale;
  const done = c.req.query("done");
  c.status(status);
  return c.render(
    <TeacherSettingsPage
      rosterName={teacher.name}
      displayName={teacher.displayName}
      messagesEnabled={teacher.messagesEnabled}
      notifyUnread={teacher.notifyUnread}
      translateMessages={teacher.translateMessages}
      language={closestLanguage(teacher.language) ?? tag}
      unreadDelay={delayInWords(config(c.env).unreadNotifyAfterSeconds, tag)}
      notice={error ? null : noticeOf(c, done)}
      error={error}
    />,
    { title: t.teacher.settings.title },
  );
}

const done = (c: Context, what: Done) => c.redirect(`/teacher/settings?done=${what}`, 303);

/** The first problem of a failed form, in the form's own words. */
function problem(c: Context<TeacherEnv>, issues: { code: string; message: string }[]): string {
  const unknown = c.var.locale.t.teacher.settings.errors.unknownFields;
  return issues.some((i) => i.code === "unrecognized_keys") ? unknown : (issues[0]?.message ?? unknown);
}

const forms = (c: Context<TeacherEnv>) => settingsForms(c.var.locale.t.teacher.settings.errors);

export const teacherSettingsRoutes = new Hono<AppEnv>().use(requireTeacher);

teacherSettingsRoutes.get("/", (c) => render(c, 200));

teacherSettingsRoutes.post("/messages", async (c) => {
  const parsed = forms(c).messages.safeParse(await readForm(c));
  if (!parsed.success) return render(c, 422, { form: "messages", message: problem(c, parsed.error.issues) });
  const on = parsed.data.messagesEnabled === "on";
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { messagesEnabled: on }, clock());
  return done(c, on ? "messages-on" : "messages-off");
});

teacherSettingsRoutes.post("/name", async (c) => {
  const form = await readForm(c);
  const parsed = forms(c).name.safeParse(form);
  if (!parsed.success) return render(c, 422, { form: "name", message: problem(c, parsed.error.issues), typed: (form.displayName ?? "").slice(0, 200) });
  // The name families see: no bidirectional or other control characters (the form's schema lives with messaging).
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { displayName: cleanLine(parsed.data.displayName).trim() || null }, clock());
  return done(c, "name");
});

teacherSettingsRoutes.post("/notifications", async (c) => {
  const parsed = forms(c).notifications.safeParse(await readForm(c));
  if (!parsed.success) return render(c, 422, { form: "notifications", message: problem(c, parsed.error.issues) });
  const on = parsed.data.notifyUnread === "on";
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { notifyUnread: on }, clock());
  return done(c, on ? "notifications-on" : "notifications-off");
});

/** Families' messages shown translated into the teacher's language, or as written (they may read the family's language). */
teacherSettingsRoutes.post("/translation", async (c) => {
  const parsed = translationForm(c.var.locale.t.teacher.translation.choose).safeParse(await readForm(c));
  if (!parsed.success) return render(c, 422, { form: "translation", message: problem(c, parsed.error.issues) });
  const on = parsed.data.translateMessages === "on";
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { translateMessages: on }, clock());
  return done(c, on ? "translation-on" : "translation-off");
});

/** The teacher's pages and emails from now on, on any browser; the next page already speaks it. */
teacherSettingsRoutes.post("/language", async (c) => {
  const parsed = forms(c).language.safeParse(await readForm(c));
  if (!parsed.success) return render(c, 422, { form: "language", message: problem(c, parsed.error.issues) });
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { language: parsed.data.language }, clock());
  return done(c, "language");
});
