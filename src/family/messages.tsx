/** /messages: a parent's conversations with their children's teachers (SPEC 3.5). Parents reply; they never start one. */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { numberVar } from "../env";
import { getDb } from "../db/client";
import { HTTPException } from "hono/http-exception";
import { HOME_OF, requireParent, type Actor } from "../auth/actor";
import { delayInWords } from "../messaging/notice-email";
import { cursorParam, isHtmx, listCursorOf, readMessageForm, seqOf, threadIdOf } from "../messaging/page-input";
import { openThread, pollThread, postMessage } from "../messaging/thread-calls";
import { findThreadForParent, listThreadsForParent, type ThreadHeader } from "../messaging/threads";
import { viewerTimeZone } from "../messaging/time-zone";
import { NewMessagesFragment } from "../../views/pages/messages-parts";
import { ParentMessagesPage, ParentThreadPage, ThreadNotFoundPage } from "../../views/pages/messages";

type Parent = Extract<Actor, { kind: "parent" }>;
type C = Context<AppEnv>;

/** The signed-in parent; requireParent lets no one else through. */
function parentOf(c: C): Parent {
  const actor = c.get("actor");
  if (actor?.kind !== "parent") throw new HTTPException(401);
  return actor;
}

const viewerOf = (parent: Parent) => ({ kind: "guardian" as const, id: parent.user.id });

function notFound(c: Context<AppEnv>) {
  c.status(404);
  return c.render(<ThreadNotFoundPage back="/messages" />, { title: "Conversation not found" });
}

async function renderThread(c: C, thread: ThreadHeader, status: 200 | 403 | 422, form: { draft?: string; error?: string; blocked?: boolean } = {}) {
  const parent = parentOf(c);
  const beforeRaw = c.req.query("before");
  const before = status === 200 && beforeRaw !== undefined ? seqOf(beforeRaw) : null;
  const page = await openThread(c.env, thread.id, viewerOf(parent), before);
  c.status(status);
  return c.render(
    <ParentThreadPage
      thread={thread}
      messages={page.messages}
      lastSeq={page.lastSeq}
      earlierBefore={page.hasEarlier ? (page.messages[0]?.seq ?? null) : null}
      older={before !== null}
      timeZone={viewerTimeZone(c.req.raw)}
      {...form}
    />,
    { title: `Messages with ${thread.teacherName}` },
  );
}

export const parentMessageRoutes = new Hono<AppEnv>();

/**
 * Polling from an open conversation: 204 (no body) when nothing is new, which costs one call to
 * the thread's object and no D1 query; otherwise the new messages as a fragment. When the
 * session is gone, htmx reloads the page (which then asks to sign in).
 */
parentMessageRoutes.get("/:id/since/:seq", async (c) => {
  const actor = c.get("actor");
  if (actor?.kind !== "parent") {
    if (!isHtmx(c)) return c.redirect(actor ? HOME_OF[actor.kind] : "/sign-in", 303);
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
    <NewMessagesFragment messages={page.messages} viewer="guardian" timeZone={viewerTimeZone(c.req.raw)} path={`/messages/${id}`} lastSeq={page.nextSince} />,
  );
});

// Everything else is for signed-in parents only (students and teachers are sent to their own pages).
parentMessageRoutes.use(requireParent);

parentMessageRoutes.get("/", async (c) => {
  const parent = parentOf(c);
  const cursor = listCursorOf(c);
  if (cursor === undefined) return c.redirect("/messages", 303);
  const list = await listThreadsForParent(getDb(c.env.DB), parent.user.id, cursor);
  return c.render(
    <ParentMessagesPage
      threads={list.items}
      olderHref={list.next ? `/messages?before=${cursorParam(list.next)}` : null}
      timeZone={viewerTimeZone(c.req.raw)}
      notifyUnread={parent.user.notifyUnread}
      unreadDelay={delayInWords(numberVar(c.env.UNREAD_NOTIFY_AFTER_SECONDS, 10800))}
    />,
    { title: "Messages" },
  );
});

parentMessageRoutes.get("/:id", async (c) => {
  const id = threadIdOf(c);
  const thread = id ? await findThreadForParent(getDb(c.env.DB), parentOf(c).user.id, id) : null;
  if (!thread) return notFound(c);
  return renderThread(c, thread, 200);
});

parentMessageRoutes.post("/:id", async (c) => {
  const parent = parentOf(c);
  const id = threadIdOf(c);
  // Only a conversation a teacher started with this parent, about a child they are still connected to.
  const thread = id ? await findThreadForParent(getDb(c.env.DB), parent.user.id, id) : null;
  if (!thread) return notFound(c);
  const form = await readMessageForm(c);
  if (!thread.teacherMessagesEnabled) return renderThread(c, thread, 403, { draft: form.ok ? form.body : form.typed, blocked: true });
  if (!form.ok) return renderThread(c, thread, 422, { draft: form.typed, error: form.error });
  if (Object.keys(form.fields).some((k) => k !== "body")) {
    return renderThread(c, thread, 422, { draft: form.body, error: "This form had fields we don't know. Reload the page and try again." });
  }
  const result = await postMessage(c.env, thread, viewerOf(parent), parent.user.name, form.body);
  if (!result.ok) return notFound(c);
  return c.redirect(`/messages/${thread.id}#reply`, 303);
});
