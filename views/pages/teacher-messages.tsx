/** Teachers' message pages: their conversations, one conversation, and the forms that start them. */
import type { SectionFamilies } from "../../src/messaging/start";
import type { ThreadHeader, ThreadListItem } from "../../src/messaging/threads";
import { Notice } from "../components";
import { Conversation, ReplyForm, ThreadListView, type ConversationView } from "./messages-parts";

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

function MessagesOffNotice({ what }: { what: string }) {
  return (
    <Notice kind="info">
      {`Your Messages are off, so ${what}. `}
      <a href="/teacher/settings">Turn them on in Settings</a>
    </Notice>
  );
}

export interface TeacherMessagesPageProps {
  threads: ThreadListItem[];
  olderHref: string | null;
  timeZone: string;
  messagesEnabled: boolean;
  /** After a section broadcast. */
  sent?: { sent: number; failed: number } | null;
}

export function TeacherMessagesPage(p: TeacherMessagesPageProps) {
  return (
    <>
      <h1>Messages</h1>
      {p.sent && (
        <Notice kind={p.sent.failed > 0 ? "error" : "ok"}>
          {p.sent.failed > 0
            ? `Sent to ${p.sent.sent} of ${p.sent.sent + p.sent.failed} families. ${p.sent.failed} could not be sent; please try again in a moment.`
            : `Sent to ${p.sent.sent} ${p.sent.sent === 1 ? "family" : "families"}. Each family has its own conversation with you below.`}
        </Notice>
      )}
      {!p.messagesEnabled && <MessagesOffNotice what="families can't reply and you can't start new conversations" />}
      {p.threads.length === 0 ? (
        <p>
          No conversations yet. Start one from <a href="/teacher">My classes</a>: "Message family" next to a connected guardian, or "Message all families" for a
          whole class.
        </p>
      ) : (
        <ThreadListView
          timeZone={p.timeZone}
          items={p.threads.map((t) => ({
            href: `/teacher/messages/${t.id}`,
            withName: t.withName,
            about: `about ${fullName(t.student)}`,
            lastMessageAt: t.lastMessageAt,
            unread: t.unread,
            note: !t.connected ? "no longer connected" : t.lastSenderKind === "teacher" ? "you wrote last" : undefined,
          }))}
        />
      )}
      {p.olderHref && (
        <p>
          <a href={p.olderHref} rel="next">Older conversations</a>
        </p>
      )}
      <p class="muted">Messages are text only: photos, videos and attachments aren't supported.</p>
    </>
  );
}

export interface TeacherThreadPageProps extends ConversationView {
  thread: ThreadHeader;
  messagesEnabled: boolean;
  draft?: string;
  formKey: string;
}

export function TeacherThreadPage(p: TeacherThreadPageProps) {
  const path = `/teacher/messages/${p.thread.id}`;
  const guardian = p.thread.guardianName;
  return (
    <Conversation
      {...p}
      base="/teacher/messages"
      withName={guardian}
      viewer="teacher"
      emptyText="No messages here yet. Write the first one below."
      notice={!p.messagesEnabled && <MessagesOffNotice what={`${guardian} can read this conversation but can't reply`} />}
    >
      {p.thread.connected ? (
        <ReplyForm action={path} formKey={p.formKey} label={`Write to ${guardian}`} value={p.draft} error={p.error} />
      ) : (
        <Notice kind="info">{`${guardian} is no longer connected to ${p.thread.student.firstName} in Family Portal, so new messages can't be sent here.`}</Notice>
      )}
    </Conversation>
  );
}

export interface NewMessagePageProps {
  family: { studentId: string; studentFirstName: string; studentLastName: string; guardianUserId: string; guardianName: string };
  messagesEnabled: boolean;
  draft?: string;
  error?: string;
  formKey: string;
}

/** The first message to one family. */
export function NewMessagePage(p: NewMessagePageProps) {
  const f = p.family;
  const child = `${f.studentFirstName} ${f.studentLastName}`;
  return (
    <>
      <p>
        <a href="/teacher">← My classes</a>
      </p>
      <h1>{`Message ${f.guardianName}`}</h1>
      <p class="muted">{`About ${child}. This starts a conversation that only you and ${f.guardianName} see; they can reply to you here.`}</p>
      {p.error && <Notice kind="error">Your message wasn't sent. Please see below.</Notice>}
      {p.messagesEnabled ? (
        <ReplyForm action="/teacher/messages/new" formKey={p.formKey} label="Your message" value={p.draft} error={p.error} hidden={{ student: f.studentId, guardian: f.guardianUserId }} />
      ) : (
        <MessagesOffNotice what="you can't start new conversations" />
      )}
    </>
  );
}

export interface BroadcastPageProps {
  data: SectionFamilies;
  messagesEnabled: boolean;
  draft?: string;
  error?: string;
  formKey: string;
}

/** One message to every connected family of a section, each in its own conversation. */
export function BroadcastPage(p: BroadcastPageProps) {
  const { section, families } = p.data;
  const students = new Set(families.map((f) => f.studentId)).size;
  const count = families.length;
  return (
    <>
      <p>
        <a href={`/teacher/sections/${section.id}`}>{`← ${section.name}`}</a>
      </p>
      <h1>{`Message all families of ${section.name}`}</h1>
      {p.error && <Notice kind="error">Your message wasn't sent. Please see below.</Notice>}
      {count === 0 ? (
        <p>No families of this class are connected to Family Portal yet. Once a guardian accepts their invitation, you can write to them here.</p>
      ) : (
        <>
          <p>
            {`This goes to ${count} ${count === 1 ? "guardian" : "guardians"} of ${students} ${students === 1 ? "student" : "students"}. `}
            Each family gets it in their own conversation with you: no family sees another family's messages or replies.
          </p>
          <details class="recipients">
            <summary>Who gets it</summary>
            <ul>
              {families.map((f) => (
                <li>{`${f.guardianName} (about ${f.studentFirstName} ${f.studentLastName})`}</li>
              ))}
            </ul>
          </details>
          {p.messagesEnabled ? (
            <ReplyForm action={`/teacher/messages/broadcast/${section.id}`} formKey={p.formKey} label="Your message" value={p.draft} error={p.error} button={`Send to ${count} ${count === 1 ? "family" : "families"}`} />
          ) : (
            <MessagesOffNotice what="you can't start new conversations" />
          )}
        </>
      )}
    </>
  );
}

export function FamilyNotFoundPage() {
  return (
    <>
      <h1>Family not found</h1>
      <p>This guardian isn't connected to one of your students, or the student isn't in one of your classes.</p>
      <p>
        <a href="/teacher">Back to my classes</a>
      </p>
    </>
  );
}
