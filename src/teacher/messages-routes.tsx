/**
 * Everything a teacher does with messages, under /teacher/messages: the conversation list (here),
 * the thread pages (src/messaging/thread-routes.tsx) and starting conversations (compose-routes.tsx).
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { requireTeacher } from "../auth/guards";
import { cursorParam, listCursorFrom, listCursorOf } from "../messaging/page-input";
import { threadRoutes, type ThreadRole } from "../messaging/thread-routes";
import { familyFacingName } from "../messaging/teacher-settings";
import { shownName } from "../../views/pages/messages-parts";
import { teacherThreadList, teacherThreadsQuery } from "../messaging/threads";
import { pageLoad } from "../auth/page-load";
import { teacherKeyOf } from "../roster/teaching";
import { personLanguage } from "../translation/language";
import { TeacherMessagesPage, TeacherThreadPage } from "../../views/pages/teacher-messages";
import { teacherComposeRoutes } from "./compose-routes";

const count = (raw: string | undefined) => (raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : null);

/** The teacher's side of a thread: only while they teach the child (checked in findThreadFor). */
const teacherThreads: ThreadRole<"teacher"> = {
  kind: "teacher",
  actorKind: "teacher",
  base: "/teacher/messages",
  viewer: (who) => ({ kind: "teacher", teacher: teacherKeyOf(who) }),
  participant: ({ teacher }) => ({ kind: "teacher", id: teacher.id }),
  senderName: ({ teacher }) => familyFacingName(teacher),
  // A teacher who reads the families' languages may turn translation off (Settings).
  reading: ({ teacher }, locale) => ({ lang: personLanguage(teacher.language, locale.tag), wanted: teacher.translateMessages }),
  // A teacher can write in their threads while the guardian is still connected to the child.
  refusePost: (thread, _teacher, t) =>
    thread.connected ? null : { status: 422, error: t.teacher.messages.refusedDisconnected(thread.guardianName, thread.student.firstName) },
  page: ({ teacher }, props) => <TeacherThreadPage {...props} messagesEnabled={teacher.messagesEnabled} />,
  title: (thread, t) => t.messages.threadTitle(shownName(thread.guardianName, t)),
};

export const teacherMessagingRoutes = new Hono<AppEnv>()
  .route("/", teacherComposeRoutes) // /teacher/messages/new, /teacher/messages/broadcast/:sectionId
  // Before requireTeacher: the thread's poll answers htmx itself (401 + reload) instead of redirecting.
  .route("/", threadRoutes(teacherThreads)) // /teacher/messages/:id, /teacher/messages/:id/since/:seq
  .use(requireTeacher);

/** The list page's conversations, in the session's round trip (a cursor that is not ours reads the first page, and is sent there). */
const listLoad = pageLoad(
  "teacher",
  (db, who, input) => [teacherThreadsQuery(db, teacherKeyOf(who), listCursorFrom(input.query("before")) ?? null)] as const,
  ([rows]) => teacherThreadList(rows),
);

teacherMessagingRoutes.get("/", listLoad.middleware, async (c) => {
  const { teacher } = c.var.actor;
  const cursor = listCursorOf(c);
  if (cursor === undefined) return c.redirect("/teacher/messages", 303);
  const list = await listLoad.data(c);
  const sent = count(c.req.query("sent"));
  const failed = count(c.req.query("failed"));
  return c.render(
    <TeacherMessagesPage
      threads={list.items}
      olderHref={list.next ? `/teacher/messages?before=${cursorParam(list.next)}` : null}
      messagesEnabled={teacher.messagesEnabled}
      sent={sent !== null ? { sent, failed: failed ?? 0 } : null}
    />,
    { title: c.var.locale.t.messages.title },
  );
});
