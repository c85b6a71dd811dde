/** Parents' message pages: the list of conversations and one conversation with a teacher. */
import type { ThreadHeader, ThreadListItem } from "../../src/messaging/threads";
import { Notice } from "../components";
import { useT } from "../i18n";
import { Conversation, ReplyForm, ThreadListView, type ConversationView } from "./messages-parts";

export interface ParentMessagesPageProps {
  threads: ThreadListItem[];
  olderHref: string | null;
  notifyUnread: boolean;
  /** "3 hours", in the page's language. */
  unreadDelay: string;
}

export function ParentMessagesPage(p: ParentMessagesPageProps) {
  const t = useT().messages;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.parentIntro}</p>
      {p.threads.length === 0 ? (
        <p>{t.parentNone}</p>
      ) : (
        <ThreadListView
          items={p.threads.map((th) => ({
            href: `/messages/${th.id}`,
            withName: th.withName,
            about: t.aboutChild(th.student.firstName),
            lastMessageAt: th.lastMessageAt,
            unread: th.unread,
            note: th.lastSenderKind === "guardian" ? t.youWroteLast : undefined,
            preview: th.preview ? { text: th.preview, yours: th.lastSenderKind === "guardian" } : null,
          }))}
        />
      )}
      {p.olderHref && (
        <p>
          <a href={p.olderHref} rel="next">{t.olderConversations}</a>
        </p>
      )}
      <p class="muted">{t.textOnlyNote}</p>
      <p class="muted">
        {`${p.notifyUnread ? t.unreadEmailsOn(p.unreadDelay) : t.unreadEmailsOff} `}
        <a href="/account">{t.changeInAccountSettings}</a>
      </p>
      <p class="muted">{t.teacherMissing}</p>
    </>
  );
}

export interface ParentThreadPageProps extends ConversationView {
  thread: ThreadHeader;
  /** After a 422: what was typed (`error` says why it was not sent). */
  draft?: string;
  /** The teacher turned Messages off, so replying is not possible right now. */
  blocked?: boolean;
  formKey: string;
}

export function ParentThreadPage(p: ParentThreadPageProps) {
  const t = useT().messages;
  const path = `/messages/${p.thread.id}`;
  const teacher = p.thread.teacherName;
  return (
    <Conversation {...p} base="/messages" withName={teacher} viewer="guardian" emptyText={t.parentEmpty}>
      {p.thread.teacherMessagesEnabled && p.thread.teacherTeaches ? (
        <ReplyForm action={path} formKey={p.formKey} label={t.replyTo(teacher)} value={p.draft} error={p.error} />
      ) : (
        <>
          <Notice kind={p.blocked ? "error" : "info"}>
            {p.thread.teacherTeaches ? t.teacherTurnedOff(teacher) : t.teacherLeft(teacher, p.thread.student.firstName)}
          </Notice>
          {p.draft && (
            // What they wrote is not lost: it stays here to copy.
            <div class="field" id="reply">
              <label for="f-body">{t.draftNotSent}</label>
              <textarea id="f-body" name="body" rows={4} readonly>
                {p.draft}
              </textarea>
            </div>
          )}
        </>
      )}
    </Conversation>
  );
}

export function ThreadNotFoundPage({ back }: { back: string }) {
  const t = useT().messages.notFound;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <p>
        <a href={back}>{t.back}</a>
      </p>
    </>
  );
}
