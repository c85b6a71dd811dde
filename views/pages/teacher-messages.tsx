/** Teachers' message pages: their conversations, one conversation, and the forms that start them. */
import type { SectionFamilies } from "../../src/messaging/start";
import type { ThreadHeader, ThreadListItem } from "../../src/messaging/threads";
import { Notice } from "../components";
import { useLocale, useT } from "../i18n";
import { languageName } from "../../src/i18n/language-name";
import { Conversation, ReplyForm, ThreadListView, type ConversationView } from "./messages-parts";

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/** Why something can't be done while Messages are off (a whole sentence), and where to turn them on. */
function MessagesOffNotice({ text }: { text: string }) {
  const t = useT().teacher.messages;
  return (
    <Notice kind="info">
      {`${text} `}
      <a href="/teacher/settings">{t.turnOnInSettings}</a>
    </Notice>
  );
}

export interface TeacherMessagesPageProps {
  threads: ThreadListItem[];
  olderHref: string | null;
  messagesEnabled: boolean;
  /** After a section broadcast. */
  sent?: { sent: number; failed: number } | null;
}

export function TeacherMessagesPage(p: TeacherMessagesPageProps) {
  const all = useT();
  const t = all.teacher.messages;
  return (
    <>
      <h1>{all.messages.title}</h1>
      {p.sent && (
        <Notice kind={p.sent.failed > 0 ? "error" : "ok"}>
          {p.sent.failed > 0 ? t.sentSome(p.sent.sent, p.sent.sent + p.sent.failed, p.sent.failed) : t.sentAll(p.sent.sent)}
        </Notice>
      )}
      {!p.messagesEnabled && <MessagesOffNotice text={t.offNoReplies} />}
      {p.threads.length === 0 ? (
        <p>
          {`${t.noneBefore} `}
          <a href="/teacher">{t.noneLink}</a>
          {t.noneAfter}
        </p>
      ) : (
        <ThreadListView
          items={p.threads.map((th) => ({
            href: `/teacher/messages/${th.id}`,
            withName: th.withName,
            about: t.aboutStudent(fullName(th.student)),
            lastMessageAt: th.lastMessageAt,
            unread: th.unread,
            note: !th.connected ? t.noLongerConnected : th.lastSenderKind === "teacher" ? all.messages.youWroteLast : undefined,
            preview: th.preview ? { text: th.preview, yours: th.lastSenderKind === "teacher" } : null,
          }))}
        />
      )}
      {p.olderHref && (
        <p>
          <a href={p.olderHref} rel="next">{all.messages.olderConversations}</a>
        </p>
      )}
      <p class="muted">{all.messages.textOnlyNote}</p>
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
  const { tag, t: all } = useLocale();
  const t = all.teacher.messages;
  const path = `/teacher/messages/${p.thread.id}`;
  const guardian = p.thread.guardianName;
  const language = p.thread.guardianLanguage;
  return (
    <Conversation
      {...p}
      base="/teacher/messages"
      withName={guardian}
      viewer="teacher"
      emptyText={t.empty}
      notice={
        <>
          {language && <p class="muted">{all.teacher.translation.familyLanguage(languageName(language, tag))}</p>}
          {!p.messagesEnabled && <MessagesOffNotice text={t.offGuardianCantReply(guardian)} />}
        </>
      }
    >
      {p.thread.connected ? (
        <ReplyForm action={path} formKey={p.formKey} label={t.writeTo(guardian)} value={p.draft} error={p.error} />
      ) : (
        <Notice kind="info">{t.disconnected(guardian, p.thread.student.firstName)}</Notice>
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
  const all = useT();
  const t = all.teacher.messages;
  const f = p.family;
  const child = `${f.studentFirstName} ${f.studentLastName}`;
  return (
    <>
      <p>
        <a href="/teacher">{t.backToClasses}</a>
      </p>
      <h1>{t.newTitle(f.guardianName)}</h1>
      <p class="muted">{t.newAbout(child, f.guardianName)}</p>
      {p.error && <Notice kind="error">{all.messages.notSent}</Notice>}
      {p.messagesEnabled ? (
        <ReplyForm action="/teacher/messages/new" formKey={p.formKey} label={t.yourMessage} value={p.draft} error={p.error} hidden={{ student: f.studentId, guardian: f.guardianUserId }} />
      ) : (
        <MessagesOffNotice text={t.offCantStart} />
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
  const all = useT();
  const t = all.teacher.messages;
  const { section, families } = p.data;
  const students = new Set(families.map((f) => f.studentId)).size;
  const count = families.length;
  return (
    <>
      <p>
        <a href={`/teacher/sections/${section.id}`}>{`← ${section.name}`}</a>
      </p>
      <h1>{t.broadcastTitle(section.name)}</h1>
      {p.error && <Notice kind="error">{all.messages.notSent}</Notice>}
      {count === 0 ? (
        <p>{t.noFamilies}</p>
      ) : (
        <>
          <p>{`${t.goesTo(count, students)} ${t.eachOwn}`}</p>
          <details class="recipients">
            <summary>{t.whoGetsIt}</summary>
            <ul>
              {families.map((f) => (
                <li>{t.recipient(f.guardianName, `${f.studentFirstName} ${f.studentLastName}`)}</li>
              ))}
            </ul>
          </details>
          {p.messagesEnabled ? (
            <ReplyForm action={`/teacher/messages/broadcast/${section.id}`} formKey={p.formKey} label={t.yourMessage} value={p.draft} error={p.error} button={t.sendTo(count)} />
          ) : (
            <MessagesOffNotice text={t.offCantStart} />
          )}
        </>
      )}
    </>
  );
}

export function FamilyNotFoundPage() {
  const t = useT().teacher.messages.familyNotFound;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <p>
        <a href="/teacher">{t.back}</a>
      </p>
    </>
  );
}
