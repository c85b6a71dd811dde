/** Pieces shared by the parents' and teachers' message pages, and the htmx fragment of new messages. */
import { cleanLine, cleanText } from "../../src/lib/text";
import { findLinks, splitLinks } from "../../src/outbox/links";
import { FORGOTTEN_BODY, MAX_MESSAGE_CHARS } from "../../src/messaging/body";
import { FORMER_GUARDIAN_NAME } from "../../src/stewardship/parent-account";
import type { Catalog } from "../../src/i18n/catalog";
import type { SenderKind } from "../../src/messaging/types";
import type { ReadMessage } from "../../src/messaging/translate-page";
import { languageName } from "../../src/i18n/language-name";
import type { Child } from "hono/jsx";
import { Notice, PostForm } from "../components";
import { asset } from "../../src/static";
import { useLocale, useT } from "../i18n";
import type { Locale } from "../../src/i18n/locale";

/** How often an open thread asks for new messages. */
export const POLL_SECONDS = 5;

/** "Mar 5, 2:14 PM EST" / "5 mar, 14:14 GMT-5": in the reader's language and the district's time zone, always saying which zone. */
export function formatWhen(ms: number, locale: Pick<Locale, "tag" | "timeZone">): string {
  return new Intl.DateTimeFormat(locale.tag, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: locale.timeZone,
    timeZoneName: "short",
  }).format(new Date(ms));
}

/** A name as stored, except a deleted account's, which each reader sees in their own language. */
export const shownName = (name: string, t: Catalog): string => (name === FORMER_GUARDIAN_NAME ? t.messages.formerGuardian : name);

export function When({ ms }: { ms: number }) {
  return <time datetime={new Date(ms).toISOString()}>{formatWhen(ms, useLocale())}</time>;
}

/**
 * The text with http(s) links made clickable; everything else is text (escaped by JSX). Bodies
 * are cleaned on input, and again here for messages stored before that: no bidirectional control
 * reaches the page, in the text, a link's text or its href.
 */
export function MessageBody({ body, lang, links }: { body: string; lang?: string | null; links?: readonly string[] }) {
  const t = useT();
  if (body === FORGOTTEN_BODY) return <p class="msg-body muted">{t.messages.removedMessage}</p>;
  return (
    <p class="msg-body" lang={lang ?? undefined}>
      {splitLinks(cleanText(body)).map((piece) =>
        // A translation links only what its original did: a translator cannot add a link.
        "href" in piece && (!links || links.includes(piece.href)) ? (
          <a href={piece.href} rel="noopener noreferrer nofollow" target="_blank">
            {piece.href}
            <span class="new-tab">{` ${t.messages.opensInNewTab}`}</span>
          </a>
        ) : (
          "href" in piece ? piece.href : piece.text
        ),
      )}
    </p>
  );
}

/**
 * A message in the reader's language: the translation, marked as such, with the original one tap
 * away (<details>: no JavaScript needed); or, when translating failed, the original with a note.
 */
function ReadBody({ message }: { message: ReadMessage }) {
  const { tag, t } = useLocale();
  const r = message.reading;
  if (!r) return <MessageBody body={message.body} lang={message.lang} />;
  if ("failed" in r) {
    return (
      <>
        <MessageBody body={message.body} lang={message.lang} />
        <p class="msg-note muted small">{t.messages.translation.failed}</p>
      </>
    );
  }
  return (
    <>
      <MessageBody body={r.text} lang={r.lang} links={findLinks(message.body)} />
      <p class="msg-note muted small">{t.messages.translation.mark}</p>
      <details class="msg-original">
        <summary>{t.messages.translation.showOriginal(languageName(message.lang ?? "und", tag))}</summary>
        <MessageBody body={message.body} lang={message.lang} />
      </details>
    </>
  );
}

export interface MessageItemProps {
  message: ReadMessage;
  /** Whose page this is: their own messages say "You". */
  viewer: SenderKind;
}

export function MessageItem({ message, viewer }: MessageItemProps) {
  const mine = message.senderKind === viewer;
  const t = useT();
  return (
    <li class={`msg ${mine ? "mine" : "theirs"}`} id={`m-${message.seq}`}>
      <p class="msg-meta">
        <strong>{mine ? t.messages.you : cleanLine(shownName(message.senderName, t))}</strong> <span class="muted">· <When ms={message.createdAt} /></span>
        {message.via === "sms" && <span class="muted msg-via"> · {t.messages.sms.byText}</span>}
      </p>
      <ReadBody message={message} />
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
export function NewMessagesFragment({ messages, viewer, path, lastSeq }: { messages: ReadMessage[]; viewer: SenderKind; path: string; lastSeq: number }) {
  return (
    <>
      {messages.map((m) => (
        <MessageItem message={m} viewer={viewer} />
      ))}
      <Poller path={path} seq={lastSeq} oob />
    </>
  );
}

export interface ThreadMessagesProps {
  messages: ReadMessage[];
  viewer: SenderKind;
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
  const t = useT().messages;
  return (
    <section aria-labelledby="thread-messages-h">
      <h2 id="thread-messages-h" class="visually-hidden">{t.title}</h2>
      {p.earlierBefore !== null && (
        <p>
          <a href={`${p.path}?before=${p.earlierBefore}`}>{t.earlierMessages}</a>
        </p>
      )}
      {p.messages.length === 0 && <p class="muted">{p.emptyText}</p>}
      <ol id="messages" class="messages" aria-live="polite">
        {p.messages.map((m) => (
          <MessageItem message={m} viewer={p.viewer} />
        ))}
      </ol>
      {p.older ? (
        <p>
          <a href={p.path}>{t.newestMessages}</a>
        </p>
      ) : (
        <>
          <Poller path={p.path} seq={p.lastSeq} />
          <p class="muted small">
            {/* True only while htmx polls: shown by static/enhance.js, so never said with JavaScript off. */}
            <span data-js-only hidden>{`${t.liveHint} `}</span>
            <a href={`${p.path}#reply`}>{t.checkForNew}</a>
          </p>
        </>
      )}
    </section>
  );
}

/** A conversation page's thread as both sides' pages get it (ThreadPageProps in src/messaging/thread-routes.tsx). */
export interface ConversationView {
  thread: { id: string; student: { firstName: string; lastName: string } };
  messages: ReadMessage[];
  /** No translator is configured and a message here is in another language: said once, above the messages. */
  asWritten?: boolean;
  lastSeq: number;
  earlierBefore: number | null;
  older: boolean;
  error?: string;
}

/**
 * What both sides' conversation pages show: the way back to the list, whom it is with and about
 * which child, that a message was not sent, this side's notice, the messages; then `children`
 * (the reply form, or why there is none).
 */
export function Conversation(p: ConversationView & { base: string; withName: string; viewer: SenderKind; emptyText: string; notice?: Child; children?: Child }) {
  const all = useT();
  const t = all.messages;
  const withName = shownName(p.withName, all);
  return (
    <>
      <p>
        <a href={p.base}>{t.allMessages}</a>
      </p>
      <h1>{withName}</h1>
      <p class="muted">{t.aboutWith(`${p.thread.student.firstName} ${p.thread.student.lastName}`, withName)}</p>
      {p.error && <Notice kind="error">{t.notSent}</Notice>}
      {p.notice}
      {p.asWritten && <p class="muted small">{t.translation.asWritten}</p>}
      <ThreadMessages
        messages={p.messages}
        viewer={p.viewer}
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
  const { tag, t } = useLocale();
  const described = ["f-body-hint", p.error ? "f-body-error" : null, "f-body-count"].filter(Boolean).join(" ");
  return (
    <PostForm action={p.action} class="reply" id="reply">
      <input type="hidden" name="key" value={p.formKey} />
      {Object.entries(p.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="field">
        <label for="f-body">{p.label}</label>
        <p class="hint muted" id="f-body-hint">
          {t.messages.textOnlyHint(new Intl.NumberFormat(tag).format(MAX_MESSAGE_CHARS))}
        </p>
        {p.error && (
          <p class="error" id="f-body-error" role="alert">
            {p.error}
          </p>
        )}
        <textarea id="f-body" name="body" rows={4} required aria-describedby={described} aria-invalid={p.error ? "true" : undefined} data-count="f-body-count" data-max={MAX_MESSAGE_CHARS}>
          {p.value ?? ""}
        </textarea>
        {/* Characters left as one types (static/enhance.js); without JavaScript the hint above says the limit. */}
        <p class="hint muted small" id="f-body-count" hidden data-say-left={t.messages.counter.left("#")} data-say-one={t.messages.counter.one} data-say-over={t.messages.counter.over("#")}></p>
      </div>
      <div class="actions">
        <button type="submit">{p.button ?? t.messages.send}</button>
      </div>
      {/* The counter and the "by themselves" sentence (static/enhance.js): in the body, not the head, so
          htmx runs it when a boosted navigation swaps this page in; only the pages with a message box load it. */}
      <script src={asset("enhance.js")} defer></script>
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
  /** One line of the newest message, and whether the reader wrote it. */
  preview?: { text: string; yours: boolean } | null;
}

/** The preview's words: a removed message (its writer deleted their account) in the reader's language. */
function previewText(preview: { text: string; yours: boolean }, t: Catalog): string {
  const text = preview.text === FORGOTTEN_BODY ? t.messages.removedMessage : cleanLine(preview.text);
  return preview.yours ? t.messages.list.yours(text) : text;
}

export function ThreadListView({ items }: { items: ThreadListItemView[] }) {
  const all = useT();
  const t = all.messages;
  return (
    <ul class="threads">
      {items.map((item) => (
        <li class={item.unread > 0 ? "thread unread" : "thread"}>
          <a href={item.href}>
            <span class="thread-with">{shownName(item.withName, all)}</span> <span class="thread-about">{item.about}</span>
          </a>
          <span class="thread-meta muted">
            {item.unread > 0 && <span class="unread-count">{t.newCount(item.unread)}</span>} <When ms={item.lastMessageAt} />
            {item.note && ` · ${item.note}`}
          </span>
          {item.preview && <p class="thread-preview">{previewText(item.preview, all)}</p>}
        </li>
      ))}
    </ul>
  );
}
