/**
 * Everything a teacher does with messages, mounted under /teacher: the conversation list (here),
 * the thread pages (src/messaging/routes.tsx), starting conversations (messages-compose.tsx) and
 * Settings (settings.tsx).
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { cursorParam, listCursorOf } from "../messaging/page-input";
import { threadRoutes, type ThreadRole } from "../messaging/routes";
import { listThreadsForTeacher } from "../messaging/threads";
import { viewerTimeZone } from "../messaging/time-zone";
import { TeacherMessagesPage, TeacherThreadPage } from "../../views/pages/teacher-messages";
import { teacherComposeRoutes } from "./messages-compose";
import { familyFacingName, teacherOf, teacherOnly, type TeacherActor } from "./messages-guard";
import { teacherSettingsRoutes } from "./settings";

const count = (raw: string | undefined) => (raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : null);

/** The teacher's side of a thread: only while they teach the child (checked in findThreadFor). */
const teacherThreads: ThreadRole<TeacherActor> = {
  kind: "teacher",
  base: "/teacher/messages",
  actorOf: (actor) => (actor?.kind === "teacher" ? actor : null),
  signIn: "/teacher/sign-in",
  // Someone who is both a parent and a teacher switches at the teacher sign-in.
  elsewhere: () => "/teacher/sign-in",
  viewer: ({ teacher }) => ({ kind: "teacher", teacher }),
  participant: ({ teacher }) => ({ kind: "teacher", id: teacher.id }),
  senderName: ({ teacher }) => familyFacingName(teacher),
  // A teacher can write in their threads while the guardian is still connected to the child.
  refusePost: (thread) =>
    thread.connected ? null : { status: 422, error: `${thread.guardianName} is no longer connected to ${thread.student.firstName}, so this can't be sent.` },
  page: ({ teacher }, props) => <TeacherThreadPage {...props} messagesEnabled={teacher.messagesEnabled} />,
  title: (thread) => `Messages with ${thread.guardianName}`,
};

export const teacherMessagingRoutes = new Hono<AppEnv>();

teacherMessagingRoutes.route("/", teacherSettingsRoutes); // /teacher/settings
teacherMessagingRoutes.route("/", teacherComposeRoutes); // /teacher/messages/new, /teacher/messages/broadcast/:sectionId
// Before teacherOnly: the thread's poll answers htmx itself (401 + reload) instead of redirecting.
teacherMessagingRoutes.route("/messages", threadRoutes(teacherThreads)); // /teacher/messages/:id, /teacher/messages/:id/since/:seq

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
