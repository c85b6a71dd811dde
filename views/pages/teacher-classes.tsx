import type { ClassContact, ClassSection, ClassStudent } from "../../src/teacher/classes";
import type { Catalog } from "../../src/i18n/catalog";
import { languageName } from "../../src/i18n/language-name";
import { Notice, PostForm } from "../components";
import { useLocale, useT } from "../i18n";

/** Outcomes of "send invitation", shown at the top of the page after the redirect. */
export const INVITE_NOTICES = ["resent", "created", "accepted", "revoked", "disputed", "already_pending", "rate_limited"] as const;
export type InviteNotice = (typeof INVITE_NOTICES)[number];

type Words = Catalog["teacher"]["classes"];

/** "Mar 5, 2026" / "5 mar 2026": in the teacher's language and district's time zone. */
function useDay(): (ms: number) => string {
  const { tag, timeZone } = useLocale();
  const format = new Intl.DateTimeFormat(tag, { month: "short", day: "numeric", year: "numeric", timeZone });
  return (ms) => format.format(new Date(ms));
}

const studentName = (s: Pick<ClassStudent, "firstName" | "lastName">) => `${s.firstName} ${s.lastName}`;
const contactName = (c: ClassContact) => c.name ?? c.address;

function noticeText(t: Words["notice"], code: InviteNotice, who: { contact: string; student: string } | null): { kind: "ok" | "info" | "error"; text: string } {
  const contact = who?.contact ?? t.thisContact;
  const student = who?.student ?? t.theStudent;
  switch (code) {
    case "resent":
      return { kind: "ok", text: t.resent(contact, student) };
    case "created":
      return { kind: "ok", text: t.created(contact, student) };
    case "accepted":
      return { kind: "info", text: t.accepted(contact, student) };
    case "revoked":
      return { kind: "error", text: t.revoked(contact, student) };
    case "disputed":
      return { kind: "error", text: t.disputed(contact, student) };
    case "already_pending":
      return { kind: "info", text: t.alreadyPending(contact, student) };
    case "rate_limited":
      return { kind: "error", text: t.rateLimited };
  }
}

function InvitationStatus({ contact }: { contact: ClassContact }) {
  const t = useT().teacher.classes.status;
  const day = useDay();
  const inv = contact.invitation;
  if (!inv) return <span class="t-status none">{t.notInvited}</span>;
  switch (inv.status) {
    case "pending":
      return <span class="t-status pending">{t.pending(day(inv.expiresAt))}</span>;
    case "expired":
      return <span class="t-status expired">{t.expired(day(inv.expiresAt))}</span>;
    case "accepted":
      return <span class="t-status accepted">{t.accepted}</span>;
    case "revoked":
      return <span class="t-status revoked">{t.revoked}</span>;
    case "disputed":
      return <span class="t-status disputed">{t.disputed}</span>;
  }
}

function sendLabel(t: Words, contact: ClassContact): string | null {
  const status = contact.invitation?.status;
  if (status === undefined) return t.send;
  if (status === "pending") return t.sendAgain;
  if (status === "expired") return t.sendNew;
  return null;
}

/** " · Language: Spanish": a family's language, named in the teacher's language (none when unknown). */
function Language({ tag }: { tag: string | null }) {
  const { tag: reader, t } = useLocale();
  return tag ? <span class="muted">{` · ${t.teacher.classes.language(languageName(tag, reader))}`}</span> : null;
}

function Contact({ student, contact, back }: { student: ClassStudent; contact: ClassContact; back: string }) {
  const t = useT().teacher.classes;
  const label = sendLabel(t, contact);
  return (
    <li>
      <span>{contact.name ?? contact.address}</span>
      {contact.relationship && <span class="muted">{` (${contact.relationship})`}</span>}
      {contact.name && <span class="muted">{` · ${contact.address}`}</span>}
      <Language tag={contact.language} />
      <br />
      <InvitationStatus contact={contact} />
      {label && (
        <PostForm action={`/teacher/students/${student.id}/contacts/${contact.id}/invite`} class="inline">
          <input type="hidden" name="back" value={back} />{" "}
          <button type="submit" class="link" aria-label={t.sendLabel(label, contactName(contact), studentName(student))}>{label}</button>
        </PostForm>
      )}
    </li>
  );
}

function SectionTable({ section, back, heading }: { section: ClassSection; back: string; heading: "link" | "plain" }) {
  const t = useT().teacher.classes;
  const count = section.students.length;
  return (
    <section class="card teacher-section" id={`section-${section.id}`} aria-labelledby={`h-${section.id}`}>
      <h2 id={`h-${section.id}`}>{heading === "link" ? <a href={`/teacher/sections/${section.id}`}>{section.name}</a> : section.name}</h2>
      <p class="muted">{t.schoolAndCount(section.schoolName, count)}</p>
      {section.students.some((s) => s.guardians.length > 0) && (
        <p class="message-actions">
          <a class="button secondary" href={`/teacher/messages/broadcast/${section.id}`} aria-label={t.messageAllLabel(section.name)}>
            {t.messageAll}
          </a>
        </p>
      )}
      {/* badges (issue #4): void, new badges and the printable sheet live on their own pages (src/teacher/badge-routes.tsx). */}
      {count > 0 && (
        <p class="t-badges">
          {`${t.badges} `}
          <a href={`/teacher/sections/${section.id}/badges`} aria-label={t.voidOrNewLabel(section.name)}>{t.voidOrNew}</a>
          {" · "}
          <a href={`/teacher/sections/${section.id}/badges/print`} aria-label={t.printBadgesLabel(section.name)}>{t.printBadges}</a>
        </p>
      )}
      {count === 0 ? (
        <p>{t.noStudents}</p>
      ) : (
        <table class="teacher-roster">
          <thead>
            <tr>
              <th scope="col">{t.student}</th>
              <th scope="col">{t.connectedGuardians}</th>
              <th scope="col">{t.contactsAndInvitations}</th>
            </tr>
          </thead>
          <tbody>
            {section.students.map((s) => (
              <tr>
                <th scope="row">
                  {`${s.lastName}, ${s.firstName}`}
                  {s.grade && <span class="muted">{` · ${t.grade(s.grade)}`}</span>}
                </th>
                <td data-label={t.connectedGuardians}>
                  {s.guardians.length > 0 ? (
                    <ul class="t-plain">
                      {s.guardians.map((g) => (
                        <li>
                          {g.name}
                          <Language tag={g.language} />
                          {g.unreadThreadId && (
                            <>
                              {" "}
                              <a class="new-reply" href={`/teacher/messages/${g.unreadThreadId}`} aria-label={t.unread.newReplyLabel(g.name, studentName(s))}>{t.unread.newReply}</a>
                            </>
                          )}
                          <br />
                          <a href={`/teacher/messages/new?${new URLSearchParams({ student: s.id, guardian: g.id })}`} aria-label={t.messageFamilyLabel(g.name, studentName(s))}>
                            {t.messageFamily}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span class="muted">{t.noneYet}</span>
                  )}
                </td>
                <td data-label={t.contacts}>
                  {s.contacts.length > 0 ? (
                    <ul class="t-plain">{s.contacts.map((ct) => <Contact student={s} contact={ct} back={back} />)}</ul>
                  ) : (
                    <span class="muted">{t.noContacts}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface TeacherClassesProps {
  teacherName: string;
  sections: ClassSection[];
  notice?: { code: InviteNotice; contactId?: string };
  /** One section's own page rather than the landing page. */
  single?: boolean;
  back: string;
}

/** The contact and student a notice is about, from what the page already loaded. */
function findWho(sections: ClassSection[], contactId: string | undefined): { contact: string; student: string } | null {
  if (!contactId) return null;
  for (const section of sections) {
    for (const s of section.students) {
      const ct = s.contacts.find((c) => c.id === contactId);
      if (ct) return { contact: contactName(ct), student: studentName(s) };
    }
  }
  return null;
}

export function TeacherClassesPage(p: TeacherClassesProps) {
  const t = useT().teacher.classes;
  const notice = p.notice ? noticeText(t.notice, p.notice.code, findWho(p.sections, p.notice.contactId)) : null;
  const section = p.single ? p.sections[0] : undefined;
  return (
    <>
      {section ? (
        <>
          <p>
            <a href="/teacher">{t.allClasses}</a>
          </p>
          <h1>{section.name}</h1>
        </>
      ) : (
        <>
          <h1>{t.title}</h1>
          <p class="muted">{t.signedInAs(p.teacherName)}</p>
        </>
      )}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {p.sections.length === 0 && <p>{t.none}</p>}
      {!section && p.sections.length > 1 && (
        <nav aria-label={t.title} class="teacher-jump">
          <ul>
            {p.sections.map((s) => (
              <li>
                <a href={`#section-${s.id}`}>{s.name}</a> <span class="muted">{`(${s.schoolName})`}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {p.sections.map((s) => (
        <SectionTable section={s} back={p.back} heading={section ? "plain" : "link"} />
      ))}
      <p class="muted">{t.footnote}</p>
    </>
  );
}

export function TeacherSectionNotFoundPage() {
  const t = useT().teacher.classes.notFound;
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
