/** /teacher/settings: Messages on or off, the name families see, unread-message emails (SPEC 3.6). */
import { Hono, type Context } from "hono";
import { config } from "../config";
import type { AppEnv } from "../env";
import { requireTeacher, type TeacherEnv } from "../auth/guards";
import { getDb } from "../db/client";
import { readForm } from "../lib/form";
import { cleanLine } from "../lib/text";
import { now as clock } from "../lib/time";
import { delayInWords } from "../messaging/notice-email";
import { messagesForm, nameForm, notificationsForm, updateTeacherSettings } from "../messaging/teacher-settings";
import { TeacherSettingsPage, type TeacherSettingsPageProps } from "../../views/pages/teacher-settings";

/** What the page says after each redirect; a fixed list, so nothing from the URL is echoed. */
const NOTICES = {
  "messages-on": "Messages are on. You can write to families, and they can reply.",
  "messages-off": "Messages are off. Families can't reply, and you can't start new conversations, until you turn them on again.",
  name: "Saved. Families see this name on your messages.",
  "notifications-on": "You'll get an email when a family's message is still unread for a while.",
  "notifications-off": "You won't get emails about unread messages.",
} as const;
type Done = keyof typeof NOTICES;

const UNKNOWN_FIELDS = "This form had fields we don't know. Reload the page and try again.";

function render(c: Context<TeacherEnv>, status: 200 | 422, error: TeacherSettingsPageProps["error"] = null) {
  const { teacher } = c.var.actor;
  const done = c.req.query("done");
  c.status(status);
  return c.render(
    <TeacherSettingsPage
      rosterName={teacher.name}
      displayName={teacher.displayName}
      messagesEnabled={teacher.messagesEnabled}
      notifyUnread={teacher.notifyUnread}
      unreadDelay={delayInWords(config(c.env).unreadNotifyAfterSeconds)}
      notice={!error && done && Object.hasOwn(NOTICES, done) ? NOTICES[done as Done] : null}
      error={error}
    />,
    { title: "Settings" },
  );
}

const done = (c: Context, what: Done) => c.redirect(`/teacher/settings?done=${what}`, 303);

/** The first problem of a failed form, in the form's own words. */
const problem = (issues: { code: string; message: string }[]) => (issues.some((i) => i.code === "unrecognized_keys") ? UNKNOWN_FIELDS : (issues[0]?.message ?? UNKNOWN_FIELDS));

export const teacherSettingsRoutes = new Hono<AppEnv>().use(requireTeacher);

teacherSettingsRoutes.get("/", (c) => render(c, 200));

teacherSettingsRoutes.post("/messages", async (c) => {
  const parsed = messagesForm.safeParse(await readForm(c));
  if (!parsed.success) return render(c, 422, { form: "messages", message: problem(parsed.error.issues) });
  const on = parsed.data.messagesEnabled === "on";
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { messagesEnabled: on }, clock());
  return done(c, on ? "messages-on" : "messages-off");
});

teacherSettingsRoutes.post("/name", async (c) => {
  const form = await readForm(c);
  const parsed = nameForm.safeParse(form);
  if (!parsed.success) return render(c, 422, { form: "name", message: problem(parsed.error.issues), typed: (form.displayName ?? "").slice(0, 200) });
  // The name families see: no bidirectional or other control characters (the form's schema lives with messaging).
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { displayName: cleanLine(parsed.data.displayName).trim() || null }, clock());
  return done(c, "name");
});

teacherSettingsRoutes.post("/notifications", async (c) => {
  const parsed = notificationsForm.safeParse(await readForm(c));
  if (!parsed.success) return render(c, 422, { form: "notifications", message: problem(parsed.error.issues) });
  const on = parsed.data.notifyUnread === "on";
  await updateTeacherSettings(getDb(c.env.DB), c.var.actor.teacher.id, { notifyUnread: on }, clock());
  return done(c, on ? "notifications-on" : "notifications-off");
});
