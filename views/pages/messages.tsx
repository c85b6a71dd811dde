/** Parents' message pages: the list of conversations and one conversation with a teacher. */
import type { ThreadHeader, ThreadListItem } from "../../src/messaging/threads";
import { Notice } from "../components";
import { Conversation, ReplyForm, ThreadListView, type ConversationView } from "./messages-parts";

export interface ParentMessagesPageProps {
  threads: ThreadListItem[];
  olderHref: string | null;
  timeZone: string;
  notifyUnread: boolean;
  unreadDelay: string;
}

export function ParentMessagesPage(p: ParentMessagesPageProps) {
  return (
    <>
      <h1>Messages</h1>
      <p class="muted">Conversations with your children's teachers. A teacher starts each conversation; you can reply in any of them.</p>
      {p.threads.length === 0 ? (
        <p>No messages yet. When one of your children's teachers writes to you, the conversation shows up here.</p>
      ) : (
        <ThreadListView
          timeZone={p.timeZone}
          items={p.threads.map((t) => ({
            href: `/messages/${t.id}`,
            withName: t.withName,
            about: `about ${t.student.firstName}`,
            lastMessageAt: t.lastMessageAt,
            unread: t.unread,
            note: t.lastSenderKind === "guardian" ? "you wrote last" : undefined,
          }))}
        />
      )}
      {p.olderHref && (
        <p>
          <a href={p.olderHref} rel="next">Older conversations</a>
        </p>
      )}
      <p class="muted">Messages are text only: photos, videos and attachments aren't supported.</p>
      <p class="muted">
        {p.notifyUnread
          ? `If a message is still unread after ${p.unreadDelay}, we send you one email with a link to it. `
          : "Emails about unread messages are off. "}
        <a href="/account">Change this in Account settings</a>
      </p>
      <p class="muted">Don't see one of your children's teachers? Teachers start conversations here, so email them directly to ask.</p>
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
  const path = `/messages/${p.thread.id}`;
  const teacher = p.thread.teacherName;
  return (
    <Conversation {...p} base="/messages" withName={teacher} viewer="guardian" emptyText="No messages here yet.">
      {p.thread.teacherMessagesEnabled && p.thread.teacherTeaches ? (
        <ReplyForm action={path} formKey={p.formKey} label={`Reply to ${teacher}`} value={p.draft} error={p.error} />
      ) : (
        <>
          <Notice kind={p.blocked ? "error" : "info"}>
            {p.thread.teacherTeaches
              ? `${teacher} has turned off Messages for now, so you can't reply here. You can still read this conversation. To reach ${teacher}, contact the school.`
              : `${teacher} no longer teaches ${p.thread.student.firstName}, so you can't reply here. You can still read this conversation. The school can tell you who teaches ${p.thread.student.firstName} now.`}
          </Notice>
          {p.draft && (
            // What they wrote is not lost: it stays here to copy.
            <div class="field" id="reply">
              <label for="f-body">Your message (not sent)</label>
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
  return (
    <>
      <h1>Conversation not found</h1>
      <p>This conversation isn't one of yours, or it is no longer available.</p>
      <p>
        <a href={back}>Back to messages</a>
      </p>
    </>
  );
}
