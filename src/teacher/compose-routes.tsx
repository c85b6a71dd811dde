/**
 * Teachers write first: GET shows the form, POST sends. To one family (/teacher/messages/new)
 * or to every connected family of a section (/teacher/messages/broadcast/:sectionId), each in
 * its own thread.
 */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { requireTeacher, type TeacherEnv } from "../auth/guards";
import { getDb } from "../db/client";
import { now as clock } from "../lib/time";
import { newFormKey } from "../messaging/form-key";
import { MESSAGE_FIELDS, readMessageForm } from "../messaging/page-input";
import { storedForKey } from "../messaging/thread-calls";
import { countPost, tooManyPosts } from "../messaging/post-limit";
import { ensureThreads, findFamilyForTeacher, findSectionFamilies, postToThreads, type Family } from "../messaging/start";
import { familyFacingName } from "../messaging/teacher-settings";
import { personLanguage } from "../translation/language";
import { translateBroadcast } from "../messaging/broadcast-translation";
import { BroadcastPage, FamilyNotFoundPage, NewMessagePage } from "../../views/pages/teacher-messages";
import { TeacherSectionNotFoundPage } from "../../views/pages/teacher-classes";
import { rowIdField as rowId } from "../lib/ids";

const familyQuery = z.object({ student: rowId, guardian: rowId });

function familyNotFound<E extends AppEnv>(c: Context<E>) {
  c.status(404);
  return c.render(<FamilyNotFoundPage />, { title: c.var.locale.t.teacher.messages.familyNotFound.title });
}

function sectionNotFound<E extends AppEnv>(c: Context<E>) {
  c.status(404);
  return c.render(<TeacherSectionNotFoundPage />, { title: c.var.locale.t.teacher.classes.notFound.title });
}

/** Over the sender's posting limit: 429, when to try again, and the draft kept. */
function tooMany<E extends AppEnv, R>(c: Context<E>, retryAfter: number, page: (status: 429, draft: string, error: string) => R, draft: string): R {
  c.header("retry-after", String(retryAfter));
  return page(429, draft, tooManyPosts(retryAfter, c.var.locale.t.messages.form));
}

const refused = (c: Context<TeacherEnv>) => (c.var.actor.teacher.messagesEnabled ? null : 403);

export const teacherComposeRoutes = new Hono<AppEnv>().use("/new", requireTeacher).use("/broadcast/*", requireTeacher);

/** The form for one family; when a conversation with them already exists, that is where to write. */
teacherComposeRoutes.get("/new", async (c) => {
  const q = familyQuery.safeParse({ student: c.req.query("student"), guardian: c.req.query("guardian") });
  const { teacher } = c.var.actor;
  const family = q.success ? await findFamilyForTeacher(getDb(c.env.DB), teacher, q.data.student, q.data.guardian) : null;
  if (!family) return familyNotFound(c);
  if (family.threadId) return c.redirect(`/teacher/messages/${family.threadId}#reply`, 303);
  return c.render(<NewMessagePage family={family} messagesEnabled={teacher.messagesEnabled} formKey={newFormKey()} />, {
    title: c.var.locale.t.teacher.messages.newTitle(family.guardianName),
  });
});

teacherComposeRoutes.post("/new", async (c) => {
  const { teacher } = c.var.actor;
  const form = await readMessageForm(c);
  const q = familyQuery.safeParse({ student: form.fields.student, guardian: form.fields.guardian });
  const db = getDb(c.env.DB);
  const family = q.success ? await findFamilyForTeacher(db, teacher, q.data.student, q.data.guardian) : null;
  if (!family) return familyNotFound(c);
  const { t } = c.var.locale;
  const page = (status: 403 | 422 | 429, draft: string, error?: string) => {
    c.status(status);
    return c.render(<NewMessagePage family={family} messagesEnabled={teacher.messagesEnabled} draft={draft} error={error} formKey={form.key ?? newFormKey()} />, {
      title: t.teacher.messages.newTitle(family.guardianName),
    });
  };
  const status = refused(c);
  if (status) return page(status, form.ok ? form.body : form.typed);
  if (!form.ok) return page(422, form.typed, form.error);
  if (Object.keys(form.fields).some((k) => ![...MESSAGE_FIELDS, "student", "guardian"].includes(k))) return page(422, form.body, t.messages.form.unknownFields);
  const sender = { kind: "teacher" as const, id: teacher.id };
  const verdict = await countPost(c.env, sender);
  if (!verdict.allowed) {
    // The same form sent again after it went through is answered as the first time, limit or not.
    if (form.key && family.threadId && (await storedForKey(c.env, family.threadId, sender, form.key))) return c.redirect(`/teacher/messages/${family.threadId}#reply`, 303);
    return tooMany(c, verdict.retryAfter, page, form.body);
  }
  const [meta] = await ensureThreads(db, teacher, [family], clock());
  if (!meta) return familyNotFound(c);
  const author = { id: teacher.id, name: familyFacingName(teacher), lang: personLanguage(teacher.language, c.var.locale.tag) };
  const { sent, failed } = await postToThreads(c.env, [meta], author, form.body, form.key);
  if (failed.length > 0) return page(422, form.body, t.teacher.messages.couldNotSend);
  // Into the family's language after the answer, as a broadcast to one family (sending never waits).
  c.executionCtx.waitUntil(translateBroadcast(c.env, { teacher: author, body: form.body, families: [family], sent }));
  return c.redirect(`/teacher/messages/${meta.id}#reply`, 303);
});

async function sectionFamilies(c: Context<TeacherEnv>) {
  const id = rowId.safeParse(c.req.param("sectionId"));
  return id.success ? findSectionFamilies(getDb(c.env.DB), c.var.actor.teacher, id.data) : null;
}

teacherComposeRoutes.get("/broadcast/:sectionId", async (c) => {
  const data = await sectionFamilies(c);
  if (!data) return sectionNotFound(c);
  return c.render(<BroadcastPage data={data} messagesEnabled={c.var.actor.teacher.messagesEnabled} formKey={newFormKey()} />, {
    title: c.var.locale.t.teacher.messages.broadcastTitle(data.section.name),
  });
});

/** One D1 batch creates (or finds) a thread per family; the first message goes to every thread's object in parallel. */
teacherComposeRoutes.post("/broadcast/:sectionId", async (c) => {
  const { teacher } = c.var.actor;
  const data = await sectionFamilies(c);
  if (!data) return sectionNotFound(c);
  const form = await readMessageForm(c);
  const { t } = c.var.locale;
  const page = (status: 403 | 422 | 429, draft: string, error?: string) => {
    c.status(status);
    return c.render(<BroadcastPage data={data} messagesEnabled={teacher.messagesEnabled} draft={draft} error={error} formKey={form.key ?? newFormKey()} />, {
      title: t.teacher.messages.broadcastTitle(data.section.name),
    });
  };
  const status = refused(c);
  if (status) return page(status, form.ok ? form.body : form.typed);
  if (!form.ok) return page(422, form.typed, form.error);
  if (Object.keys(form.fields).some((k) => !MESSAGE_FIELDS.includes(k))) return page(422, form.body, t.messages.form.unknownFields);
  if (data.families.length === 0) return page(422, form.body, t.teacher.messages.noOneToSend);
  // The whole broadcast is one post, however many families it reaches.
  const verdict = await countPost(c.env, { kind: "teacher", id: teacher.id });
  if (!verdict.allowed) return tooMany(c, verdict.retryAfter, page, form.body);
  const families: Family[] = data.families;
  const metas = await ensureThreads(getDb(c.env.DB), teacher, families, clock());
  // With the form's key, a broadcast sent twice arrives once in every family's thread.
  const author = { id: teacher.id, name: familyFacingName(teacher), lang: personLanguage(teacher.language, c.var.locale.tag) };
  const { sent, failed } = await postToThreads(c.env, metas, author, form.body, form.key);
  // Translated once per family language after the answer (sending never waits for a translator).
  c.executionCtx.waitUntil(translateBroadcast(c.env, { teacher: author, body: form.body, families, sent }));
  return c.redirect(`/teacher/messages?${new URLSearchParams({ sent: String(sent.length), failed: String(failed.length) })}`, 303);
});
