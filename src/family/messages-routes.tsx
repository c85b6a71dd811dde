/** /messages: a parent's conversations with their children's teachers (SPEC 3.5). Parents reply; they never start one. */
import { Hono } from "hono";
import { config } from "../config";
import type { AppEnv } from "../env";
import { requireParent } from "../auth/guards";
import { delayInWords } from "../messaging/notice-email";
import { cursorParam, listCursorFrom, listCursorOf } from "../messaging/page-input";
import { threadRoutes, type ThreadRole } from "../messaging/thread-routes";
import { parentThreadList, parentThreadsQuery } from "../messaging/threads";
import { pageLoad } from "../auth/page-load";
import { personLanguage } from "../translation/language";
import { ParentMessagesPage, ParentThreadPage } from "../../views/pages/messages";

/** The parent's side of a thread: only while they are the child's guardian (checked in findThreadFor). */
const parentThreads: ThreadRole<"parent"> = {
  kind: "guardian",
  actorKind: "parent",
  base: "/messages",
  viewer: (who) => ({ kind: "guardian", userId: who }),
  participant: (parent) => ({ kind: "guardian", id: parent.user.id }),
  senderName: (parent) => parent.user.name,
  // Parents always get the teacher's messages in their language (when a translator is configured).
  reading: (parent, locale) => ({ lang: personLanguage(parent.user.language, locale.tag), wanted: true }),
  // The teacher turned Messages off: families can read but not reply.
  // A teacher who turned Messages off, or who no longer teaches the child, gets no replies (the page says which).
  refusePost: (thread) => (thread.teacherMessagesEnabled && thread.teacherTeaches ? null : { status: 403, blocked: true }),
  page: (_parent, props) => <ParentThreadPage {...props} />,
  title: (thread, t) => t.messages.threadTitle(thread.teacherName),
};

export const parentMessageRoutes = new Hono<AppEnv>()
  // First: the thread's poll answers htmx itself (401 + reload) instead of redirecting.
  .route("/", threadRoutes(parentThreads)) // /messages/:id, /messages/:id/since/:seq
  // Everything else is for signed-in parents only (students and teachers are sent to their own pages).
  .use(requireParent);

/** The list page's conversations, in the session's round trip (a cursor that is not ours reads the first page, and is sent there). */
const listLoad = pageLoad(
  "parent",
  (db, who, input) => [parentThreadsQuery(db, who, listCursorFrom(input.query("before")) ?? null)] as const,
  ([rows]) => parentThreadList(rows),
);

parentMessageRoutes.get("/", listLoad.middleware, async (c) => {
  const parent = c.var.actor;
  const cursor = listCursorOf(c);
  if (cursor === undefined) return c.redirect("/messages", 303);
  const list = await listLoad.data(c);
  const { tag, t } = c.var.locale;
  return c.render(
    <ParentMessagesPage
      threads={list.items}
      olderHref={list.next ? `/messages?before=${cursorParam(list.next)}` : null}
      notifyUnread={parent.user.notifyUnread}
      unreadDelay={delayInWords(config(c.env).unreadNotifyAfterSeconds, tag)}
    />,
    { title: t.messages.title },
  );
});
