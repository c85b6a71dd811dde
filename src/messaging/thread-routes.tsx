/**
 * The thread routes, one set for both sides of a conversation: the page, the live-update poll and
 * posting. src/family/messages-routes.tsx mounts them under /messages, and
 * src/teacher/messages-routes.tsx under /teacher/messages; what differs between a parent and a
 * teacher is data (ThreadRole). Every route asks D1 whether the person may see the thread now
 * (findThreadFor) before it calls the thread's object, so a grant that ends (a guardianship, a
 * section) ends the access at once.
 */
import { renderFragment } from "../render";
import { Hono, type Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ActorOf } from "../auth/actor-type";
import { actorOfKind, requireKind, turnAway } from "../auth/guards";
import { getDb } from "../db/client";
import type { AppEnv } from "../env";
import type { Catalog } from "../i18n/catalog";
import type { Locale } from "../i18n/locale";
import { NewMessagesFragment } from "../../views/pages/messages-parts";
import { ThreadNotFoundPage } from "../../views/pages/messages";
import { tooManyPosts } from "./post-limit";
import { postReply } from "./post-reply";
import { isHtmx, MESSAGE_FIELDS, readMessageForm, seqOf, threadIdOf } from "./page-input";
import { newFormKey } from "./form-key";
import { openThread, pollThread } from "./thread-calls";
import { findThreadQuery, threadHeaderOf, type ThreadHeader, type ThreadViewer } from "./threads";
import { pageLoad } from "../auth/page-load";
import type { SQL } from "drizzle-orm";
import { namesIn, readPage, translationTarget, type ReadMessage, type Reader } from "./translate-page";
import type { Participant, SenderKind } from "./types";

/** What a thread page shows, whichever side is looking. */
export interface ThreadPageProps {
  thread: ThreadHeader;
  /** With their translations into the reader's language, where they need one. */
  messages: ReadMessage[];
  /** No translator is configured and some message is in another language: say once that they are shown as written. */
  asWritten: boolean;
  lastSeq: number;
  earlierBefore: number | null;
  older: boolean;
  /** After a refused post: what was typed, and why it was not sent. */
  draft?: string;
  error?: string;
  /** This side may not write here now (e.g. the teacher turned Messages off). */
  blocked?: boolean;
  /** The reply form's one-time key: a fresh one, or the refused form's own (so sending it again is still one message). */
  formKey: string;
}

/** Why a post is refused before its text is even read: the status and what the page says. */
export interface PostRefusal {
  status: 403 | 422;
  error?: string;
  blocked?: boolean;
}

/** The kinds of signed-in person who take part in conversations. */
export type ThreadSide = "parent" | "teacher";

/** One side of a conversation, as data: the routes are the same. */
export interface ThreadRole<K extends ThreadSide, A extends ActorOf<K> = ActorOf<K>> {
  kind: SenderKind;
  /** Who this side is: their guard lets only them in, and turns others away as their pages do. */
  actorKind: K;
  /** Where this side's thread pages live: /messages or /teacher/messages. */
  base: string;
  /** This side as findThreadFor's viewer, named by `who`: their id as SQL (a subquery on the session, in the session's batch). */
  viewer(who: SQL): ThreadViewer;
  participant(actor: A): Participant;
  /** The name the other side sees on a message. */
  senderName(actor: A): string;
  /**
   * The language this person writes and reads messages in (as a translator names it: "es"): their
   * saved language, else the page's (`locale`); and whether they want the other side's translated.
   */
  reading(actor: A, locale: Locale): { lang: string | null; wanted: boolean };
  /** Why this person may not write in this thread now (null: they may), in the page's language `t`. */
  refusePost(thread: ThreadHeader, actor: A, t: Catalog): PostRefusal | null;
  page(actor: A, props: ThreadPageProps): JSX.Element;
  /** The page's title, in the page's language `t`. */
  title(thread: ThreadHeader, t: Catalog): string;
}

/** The thread routes of one side: GET /:id, GET /:id/since/:seq, POST /:id. */
export function threadRoutes<K extends ThreadSide>(role: ThreadRole<K>): Hono<AppEnv> {
  type A = ActorOf<K>;
  const routes = new Hono<AppEnv>();

  const notFound = <E extends AppEnv>(c: Context<E>) => {
    c.status(404);
    return c.render(<ThreadNotFoundPage back={role.base} />, { title: c.var.locale.t.messages.notFound.title });
  };

  /**
   * The thread, if this person may see it now (their grant to it, read from the roster as it is
   * now; null for anything else), in the session's round trip: the page, the poll and posting each
   * ask it in one batch with the session and the person (src/auth/page-load.ts).
   */
  const threadLoad = pageLoad(
    role.actorKind,
    (db, who, input) => [findThreadQuery(db, role.viewer(who), input.param("id") ?? "")] as const,
    ([rows], input) => threadHeaderOf(input.param("id") ?? "", rows),
  );

  const readerOf = <E extends AppEnv>(c: Context<E>, actor: A): Reader => ({ participant: role.participant(actor), ...role.reading(actor, c.var.locale) });

  async function renderThread<E extends AppEnv>(c: Context<E>, actor: A, thread: ThreadHeader, status: 200 | 403 | 422 | 429, form: Pick<ThreadPageProps, "draft" | "error" | "blocked"> & { key?: string | null } = {}) {
    const beforeRaw = c.req.query("before");
    const before = status === 200 && beforeRaw !== undefined ? seqOf(beforeRaw) : null;
    const reader = readerOf(c, actor);
    const page = await openThread(c.env, thread.id, reader.participant, before, translationTarget(c.env, reader));
    const read = await readPage(c.env, thread.id, reader, page.messages, namesIn(thread));
    c.status(status);
    return c.render(
      role.page(actor, {
        thread,
        messages: read.messages,
        asWritten: read.asWritten,
        lastSeq: page.lastSeq,
        earlierBefore: page.hasEarlier ? (page.messages[0]?.seq ?? null) : null,
        older: before !== null,
        draft: form.draft,
        error: form.error,
        blocked: form.blocked,
        formKey: form.key ?? newFormKey(),
      }),
      { title: role.title(thread, c.var.locale.t) },
    );
  }

  /**
   * Polling from an open conversation: 204 (no body) when nothing is new, otherwise the new
   * messages as a fragment (marked read: the open page shows them). Anything the person may not
   * see now is 404 with a reload, so the page then says so; a session that is gone reloads too
   * (and the page asks to sign in).
   */
  routes.get("/:id/since/:seq", threadLoad.middleware, async (c) => {
    const actor = actorOfKind(c.var.actor, role.actorKind);
    if (!actor) {
      // Without htmx (a poll URL opened by hand): away as from any page of this side, but not back here.
      if (!isHtmx(c)) return turnAway(c, role.actorKind, false);
      c.header("hx-refresh", "true");
      return c.body(null, 401);
    }
    const since = seqOf(c.req.param("seq"));
    const thread = since !== null ? await threadLoad.data(c) : null;
    const reader = readerOf(c, actor);
    const page = thread && since !== null ? await pollThread(c.env, thread.id, reader.participant, since, translationTarget(c.env, reader)) : null;
    if (!thread || !page) {
      c.header("hx-refresh", "true");
      return c.body(null, 404);
    }
    if (page.messages.length === 0) return c.body(null, 204);
    const path = `${role.base}/${thread.id}`;
    const read = await readPage(c.env, thread.id, reader, page.messages, namesIn(thread));
    return renderFragment(c, <NewMessagesFragment messages={read.messages} viewer={role.kind} path={path} lastSeq={page.nextSince} />);
  });

  // Pages and posts are for this side only: its guard turns everyone else away.
  const pages = routes.use("/:id", requireKind(role.actorKind));

  pages.get("/:id", threadLoad.middleware, async (c) => {
    const actor: A = c.var.actor;
    const thread = await threadLoad.data(c);
    if (!thread) return notFound(c);
    return renderThread(c, actor, thread, 200);
  });

  pages.post("/:id", threadLoad.middleware, async (c) => {
    const actor: A = c.var.actor;
    const thread = await threadLoad.data(c);
    if (!thread) return notFound(c);
    const form = await readMessageForm(c);
    const { key } = form;
    const { t } = c.var.locale;
    const refusal = role.refusePost(thread, actor, t);
    if (refusal) return renderThread(c, actor, thread, refusal.status, { draft: form.ok ? form.body : form.typed, error: refusal.error, blocked: refusal.blocked, key });
    if (!form.ok) return renderThread(c, actor, thread, 422, { draft: form.typed, error: form.error, key });
    if (Object.keys(form.fields).some((k) => !MESSAGE_FIELDS.includes(k))) {
      return renderThread(c, actor, thread, 422, { draft: form.body, error: t.messages.form.unknownFields, key });
    }
    const sender = role.participant(actor);
    const lang = role.reading(actor, c.var.locale).lang;
    const outcome = await postReply(c.env, (p) => c.executionCtx.waitUntil(p), { thread, sender, senderName: role.senderName(actor), body: form.body, key, lang });
    if (!outcome.ok && outcome.reason === "too_many") {
      c.header("retry-after", String(outcome.retryAfter));
      return renderThread(c, actor, thread, 429, { draft: form.body, error: tooManyPosts(outcome.retryAfter, t.messages.form), key });
    }
    if (!outcome.ok) return notFound(c);
    return c.redirect(`${role.base}/${thread.id}#reply`, 303);
  });

  return routes;
}
