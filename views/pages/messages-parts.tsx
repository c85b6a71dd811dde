/** Pieces shared by the parents' and teachers' message pages, and the htmx fragment of new messages. */
import { cleanLine, cleanText } from "../../src/lib/text";
import { splitLinks } from "../../src/outbox/links";
import { MAX_MESSAGE_CHARS } from "../../src/messaging/body";
import type { SenderKind, ThreadMessage } from "../../src/messaging/types";
import type { Child } from "hono/jsx";
import { Notice, PostForm } from "../components";

/** How often an open thread asks for new messages. */
export const POLL_SECONDS = 5;

export const TEXT_ONLY_HINT = `Text only: photos, videos and attachments can't be sent. Links are fine. Up to ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters.`;

/** "Mar 5, 2:14 PM CST": in the reader's time zone when we know it, UTC otherwise, and always saying which. */
export function formatWhen(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(ms));
}

export function When({ ms, timeZone }: { ms: number; timeZone: string }) {
  return <time datetime={new Date(ms).toISOString()}>{formatWhen(ms, timeZone)}</time>;
}

/**
 * The text with http(s) links made clickable; everything else is text (escaped by JSX). Bodies
 * are cleaned on input, and again here for messages stored before that: no bidirectional control
 * reaches the page, in the text, a link's text or its href.
 */
export function MessageBody({ body }: { body: string }) {
  return (
    <p class="msg-body">
      {splitLinks(cleanText(body)).map((piece) =>
        "href" in piece ? (
          <a href={piece.href} rel="noopener noreferrer nofollow" target="_blank">
            {piece.href}
            <span class="new-tab"> (opens in a new tab)</span>
          </a>
        ) : (
          piece.text
        ),
      )}
    </p>
  );
}

export interface MessageItemProps {
  message: ThreadMessage;
  /** Whose page this is: their own messages say "You". */
  viewer: SenderKind;
  timeZone: string;
}

export function MessageItem({ message, viewer, timeZone }: MessageItemProps) {
  const mine = message.senderKind === viewer;
  return (
    <li class={`msg ${mine ? "mine" : "theirs"}`} id={`m-${message.seq}`}>
      <p class="msg-meta">
        <strong>{mine ? "You" : cleanLine(message.senderName)}</strong> <span class="muted">· <When ms={message.createdAt} timeZone={timeZone} /></span>
      </p>
      <MessageBody body={message.body} />
    </li>
  );
}

/** Asks every few seconds for messages after `seq`: 204 when there are none, else new items plus a fresh poller. */
export function Poller({ path, seq, oob = false }: { path: string; seq: number; oob?: boolean }) {
  return (
    <div
      id="thread-poll"
      hx-get={`${path}/since/${seq}`}
      hx-trigger={`every ${POLL_SECONDS}s`}
      hx-target="#messages"
      hx-swap="beforeend"
      hx-swap-oob={oob ? "true" : undefined}
    ></div>
  );
}

/** The answer to a poll with news: the new messages to append, and the poller moved on to the newest seq. */
export function NewMessagesFragment({ messages, viewer, timeZone, path, lastSeq }: { messages: ThreadMessage[]; viewer: SenderKind; timeZone: string; path: string; lastSeq: number }) {
  return (
    <>
      {messages.map((m) => (
        <MessageItem message={m} viewer={viewer} timeZone={timeZone} />
      ))}
      <Poller path={path} seq={lastSeq} oob />
    </>
  );
}

export interface ThreadMessagesProps {
  messages: ThreadMessage[];
  viewer: SenderKind;
  timeZone: string;
  /** The thread's page, e.g. /messages/thr_…. */
  path: string;
  lastSeq: number;
  /** The seq of the oldest message shown, when older ones exist. */
  earlierBefore: number | null;
  /** An older page: no polling, and a way back to the newest. */
  older?: boolean;
  emptyText: string;
}

export function ThreadMessages(p: ThreadMessagesProps) {
  return (
    <section aria-labelledby="thread-messages-h">
      <h2 id="thread-messages-h" class="visually-hidden">Messages</h2>
      {p.earlierBefore !== null && (
        <p>
          <a href={`${p.path}?before=${p.earlierBefore}`}>Earlier messages</a>
        </p>
      )}
      {p.messages.length === 0 && <p class="muted">{p.emptyText}</p>}
      <ol id="messages" class="messages" aria-live="polite">
        {p.messages.map((m) => (
          <MessageItem message={m} viewer={p.viewer} timeZone={p.timeZone} />
        ))}
      </ol>
      {p.older ? (
        <p>
          <a href={p.path}>Newest messages</a>
        </p>
      ) : (
        <>
          <Poller path={p.path} seq={p.lastSeq} />
          <p class="muted small">
            New messages appear here by themselves. <a href={`${p.path}#reply`}>Check for new messages</a>
          </p>
        </>
      )}
    </section>
  );
}

/** A conversation page's thread as both sides' pages get it (ThreadPageProps in src/messaging/thread-routes.tsx). */
export interface ConversationView {
  thread: { id: string; student: { firstName: string; lastName: string } };
  messages: ThreadMessage[];
  lastSeq: number;
  earlierBefore: number | null;
  older: boolean;
  timeZone: string;
  error?: string;
}

/**
 * What both sides' conversation pages show: the way back to the list, whom it is with and about
 * which child, that a message was not sent, this side's notice, the messages; then `children`
 * (the reply form, or why there is none).
 */
export function Conversation(p: ConversationView & { base: string; withName: string; viewer: SenderKind; emptyText: string; notice?: Child; children?: Child }) {
  return (
    <>
      <p>
        <a href={p.base}>← All messages</a>
      </p>
      <h1>{p.withName}</h1>
      <p class="muted">{`About ${p.thread.student.firstName} ${p.thread.student.lastName}. Only you and ${p.withName} see this conversation.`}</p>
      {p.error && <Notice kind="error">Your message wasn't sent. Please see below.</Notice>}
      {p.notice}
      <ThreadMessages
        messages={p.messages}
        viewer={p.viewer}
        timeZone={p.timeZone}
        path={`${p.base}/${p.thread.id}`}
        lastSeq={p.lastSeq}
        earlierBefore={p.earlierBefore}
        older={p.older}
        emptyText={p.emptyText}
      />
      {p.children}
    </>
  );
}

export interface ReplyFormProps {
  action: string;
  /** The form's one-time key: the same form sent twice is stored once (src/messaging/form-key.ts). */
  formKey: string;
  label: string;
  value?: string;
  error?: string;
  button?: string;
  /** Extra hidden fields (e.g. the family a new conversation is for). */
  hidden?: Record<string, string>;
}

/** The one text box of every message form; a real form, so it works without JavaScript. */
export function ReplyForm(p: ReplyFormProps) {
  const described = ["f-body-hint", p.error ? "f-body-error" : null].filter(Boolean).join(" ");
  return (
    <PostForm action={p.action} class="reply" id="reply">
      <input type="hidden" name="key" value={p.formKey} />
      {Object.entries(p.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="field">
        <label for="f-body">{p.label}</label>
        <p class="hint muted" id="f-body-hint">
          {TEXT_ONLY_HINT}
        </p>
        {p.error && (
          <p class="error" id="f-body-error" role="alert">
            {p.error}
          </p>
        )}
        <textarea id="f-body" name="body" rows={4} required aria-describedby={described} aria-invalid={p.error ? "true" : undefined}>
          {p.value ?? ""}
        </textarea>
      </div>
      <div class="actions">
        <button type="submit">{p.button ?? "Send"}</button>
      </div>
    </PostForm>
  );
}

export interface ThreadListItemView {
  href: string;
  withName: string;
  about: string;
  lastMessageAt: number;
  unread: number;
  /** e.g. "You wrote last", "No longer connected". */
  note?: string;
}

export function ThreadListView({ items, timeZone }: { items: ThreadListItemView[]; timeZone: string }) {
  return (
    <ul class="threads">
      {items.map((t) => (
        <li class={t.unread > 0 ? "thread unread" : "thread"}>
          <a href={t.href}>
            <span class="thread-with">{t.withName}</span> <span class="thread-about">{t.about}</span>
          </a>
          <span class="thread-meta muted">
            {t.unread > 0 && <span class="unread-count">{`${t.unread} new`}</span>} <When ms={t.lastMessageAt} timeZone={timeZone} />
            {t.note && ` · ${t.note}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
