/**
 * Everything a teacher does with messages, mounted under /teacher: the conversation list and
 * thread pages (here), starting conversations (messages-compose.tsx) and Settings (settings.tsx).
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { cursorParam, isHtmx, listCursorOf, readMessageForm, seqOf, threadIdOf } from "../messaging/page-input";
import { openThread, pollThread, postMessage } from "../messaging/thread-calls";
import { findThreadForTeacher, listThreadsForTeacher, type ThreadHeader } from "../messaging/threads";
import { viewerTimeZone } from "../messaging/time-zone";
import { NewMessagesFragment } from "../../views/pages/messages-parts";
import { ThreadNotFoundPage } from "../../views/pages/messages";
import { TeacherMessagesPage, TeacherThreadPage } from "../../views/pages/teacher-messages";
import { teacherComposeRoutes } from "./messages-compose";
import { familyFacingName, teacherOf, teacherOnly, type TeacherActor } from "./messages-guard";
import { teacherSettingsRoutes } from "./settings";

const viewerOf = (t: TeacherActor) => ({ kind: "teacher" as const, id: t.teacher.id });
const count = (raw: string | undefined) => (raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : null);

function notFound(c: Context<AppEnv>) {
  c.status(404);
  return c.render(<ThreadNotFoundPage back="/teacher/messages" />, { title: "Conversation not found" });
}

async function renderThread(c: Context<AppEnv>, thread: ThreadHeader, status: 200 | 422, form: { draft?: string; error?: string } = {}) {
  const actor = teacherOf(c);
  const beforeRaw = c.req.query("before");
  const before = status === 200 && beforeRaw !== undefined ? seqOf(beforeRaw) : null;
  const page = await openThread(c.env, thread.id, viewerOf(actor), before);
  c.status(status);
  return c.render(
    <TeacherThreadPage
      thread={thread}
      messagesEnabled={actor.teacher.messagesEnabled}
      messages={page.messages}
      lastSeq={page.lastSeq}
      earlierBefore={page.hasEarlier ? (page.messages[0]?.seq ?? null) : null}
      older={before !== null}
      timeZone={viewerTimeZone(c.req.raw)}
      {...form}
    />,
    { title: `Messages with ${thread.guardianName}` },
  );
}

export const teacherMessagingRoutes = new Hono<AppEnv>();

teacherMessagingRoutes.route("/", teacherSettingsRoutes); // /teacher/settings
teacherMessagingRoutes.route("/", teacherComposeRoutes); // /teacher/messages/new, /teacher/messages/broadcast/:sectionId

/** Polling from an open conversation: 204 with no body (one object call, no D1 query) or the new messages. */
teacherMessagingRoutes.get("/messages/:id/since/:seq", async (c) => {
  const actor = c.get("actor");
  if (actor?.kind !== "teacher") {
    if (!isHtmx(c)) return c.redirect("/teacher/sign-in", 303);
    c.header("hx-refresh", "true");
    return c.body(null, 401);
  }
  const id = threadIdOf(c);
  const since = seqOf(c.req.param("seq"));
  const page = id && since !== null ? await pollThread(c.env, id, viewerOf(actor), since) : null;
  if (!page) {
    c.header("hx-refresh", "true");
    return c.body(null, 404);
  }
  if (page.messages.length === 0) return c.body(null, 204);
  return c.html(
    <NewMessagesFragment messages={page.messages} viewer="teacher" timeZone={viewerTimeZone(c.req.raw)} path={`/teacher/messages/${id}`} lastSeq={page.nextSince} />,
  );
});

teacherMessagingRoutes.use("/messages", teacherOnly);
teacherMessagingRoutes.use("/messages/*", teacherOnly);

teacherMessagingRoutes.get("/messages", async (c) => {
  const { teacher } = teacherOf(c);
  const cursor = listCursorOf(c);
  if (cursor === undefined) return c.redirect("/teacher/messages", 303);
  const list = await listThreadsForTeacher(getDb(c.env.DB), teacher, cursor);
  const sent = count(c.req.query("sent"));
  const failed = count(c.req.query("failed"));
  return c.render(
    <TeacherMessagesPage
      threads={list.items}
      olderHref={list.next ? `/teacher/messages?before=${cursorParam(list.next)}` : null}
      timeZone={viewerTimeZone(c.req.raw)}
      messagesEnabled={teacher.messagesEnabled}
      sent={sent !== null ? { sent, failed: failed ?? 0 } : null}
    />,
    { title: "Messages" },
  );
});

teacherMessagingRoutes.get("/messages/:id", async (c) => {
  const id = threadIdOf(c);
  const thread = id ? await findThreadForTeacher(getDb(c.env.DB), teacherOf(c).teacher, id) : null;
  if (!thread) return notFound(c);
  return renderThread(c, thread, 200);
});

/** A teacher can write in their own threads while the guardian is still connected to the child. */
teacherMessagingRoutes.post("/messages/:id", async (c) => {
  const actor = teacherOf(c);
  const id = threadIdOf(c);
  const thread = id ? await findThreadForTeacher(getDb(c.env.DB), actor.teacher, id) : null;
  if (!thread) return notFound(c);
  const form = await readMessageForm(c);
  if (!form.ok) return renderThread(c, thread, 422, { draft: form.typed, error: form.error });
  if (Object.keys(form.fields).some((k) => k !== "body")) {
    return renderThread(c, thread, 422, { draft: form.body, error: "This form had fields we don't know. Reload the page and try again." });
  }
  if (!thread.connected) {
    return renderThread(c, thread, 422, { draft: form.body, error: `${thread.guardianName} is no longer connected to ${thread.student.firstName}, so this can't be sent.` });
  }
  const result = await postMessage(c.env, thread, viewerOf(actor), familyFacingName(actor.teacher), form.body);
  if (!result.ok) return notFound(c);
  return c.redirect(`/teacher/messages/${thread.id}#reply`, 303);
});
