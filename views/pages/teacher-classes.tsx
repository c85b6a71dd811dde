import type { ClassContact, ClassSection, ClassStudent } from "../../src/teacher/classes";
import { Notice, PostForm } from "../components";

/** Outcomes of "send invitation", shown at the top of the page after the redirect. */
export const INVITE_NOTICES = ["resent", "created", "accepted", "revoked", "disputed", "already_pending", "rate_limited"] as const;
export type InviteNotice = (typeof INVITE_NOTICES)[number];

const day = (ms: number) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(ms));

const studentName = (s: Pick<ClassStudent, "firstName" | "lastName">) => `${s.firstName} ${s.lastName}`;
const contactName = (c: ClassContact) => c.name ?? c.address;

function noticeText(code: InviteNotice, who: { contact: string; student: string } | null): { kind: "ok" | "info" | "error"; text: string } {
  const contact = who?.contact ?? "this contact";
  const student = who?.student ?? "the student";
  switch (code) {
    case "resent":
      return { kind: "ok", text: `A new invitation is on its way to ${contact} for ${student}. Links sent earlier no longer work.` };
    case "created":
      return { kind: "ok", text: `An invitation is on its way to ${contact} for ${student}.` };
    case "accepted":
      return { kind: "info", text: `${contact} has already accepted the invitation for ${student}: nothing to send.` };
    case "revoked":
      return { kind: "error", text: `The district withdrew the invitation to ${contact} for ${student}, so it can't be sent again from here. Please ask your district office.` };
    case "disputed":
      return {
        kind: "error",
        text: `${contact} said ${student} is not their child, so nothing was sent. The district needs to check this contact first; please let your district office know.`,
      };
    case "already_pending":
      return { kind: "info", text: `Another invitation to ${contact} for ${student} is already on its way; its status is below.` };
    case "rate_limited":
      return { kind: "error", text: "You've sent a lot of invitations in a short time, so this one was not sent. Please try again in a little while." };
  }
}

function InvitationStatus({ contact }: { contact: ClassContact }) {
  const inv = contact.invitation;
  if (!inv) return <span class="t-status none">Not invited yet</span>;
  switch (inv.status) {
    case "pending":
      return <span class="t-status pending">{`Pending (link works until ${day(inv.expiresAt)})`}</span>;
    case "expired":
      return <span class="t-status expired">{`Expired on ${day(inv.expiresAt)}`}</span>;
    case "accepted":
      return <span class="t-status accepted">Accepted</span>;
    case "revoked":
      return <span class="t-status revoked">Revoked by the district</span>;
    case "disputed":
      return <span class="t-status disputed">Disputed ("not my child")</span>;
  }
}

function sendLabel(contact: ClassContact): string | null {
  const status = contact.invitation?.status;
  if (status === undefined) return "Send invitation";
  if (status === "pending") return "Send again";
  if (status === "expired") return "Send a new invitation";
  return null;
}

function Contact({ student, contact, back }: { student: ClassStudent; contact: ClassContact; back: string }) {
  const label = sendLabel(contact);
  return (
    <li>
      <span>{contact.name ?? contact.address}</span>
      {contact.relationship && <span class="muted">{` (${contact.relationship})`}</span>}
      {contact.name && <span class="muted">{` · ${contact.address}`}</span>}
      <br />
      <InvitationStatus contact={contact} />
      {label && (
        <PostForm action={`/teacher/students/${student.id}/contacts/${contact.id}/invite`} class="inline">
          <input type="hidden" name="back" value={back} />{" "}
          <button type="submit" class="link" aria-label={`${label} to ${contactName(contact)} for ${studentName(student)}`}>{label}</button>
        </PostForm>
      )}
    </li>
  );
}

function SectionTable({ section, back, heading }: { section: ClassSection; back: string; heading: "link" | "plain" }) {
  const count = section.students.length;
  return (
    <section class="card teacher-section" id={`section-${section.id}`} aria-labelledby={`h-${section.id}`}>
      <h2 id={`h-${section.id}`}>{heading === "link" ? <a href={`/teacher/sections/${section.id}`}>{section.name}</a> : section.name}</h2>
      <p class="muted">{`${section.schoolName} · ${count} student${count === 1 ? "" : "s"}`}</p>
      {section.students.some((s) => s.guardians.length > 0) && (
        <p class="message-actions">
          <a class="button secondary" href={`/teacher/messages/broadcast/${section.id}`} aria-label={`Message all families of ${section.name}`}>
            Message all families
          </a>
        </p>
      )}
      {/* badges (issue #4): void, new badges and the printable sheet live on their own pages (src/teacher/badges.tsx). */}
      {count > 0 && (
        <p class="t-badges">
          {"Badges: "}
          <a href={`/teacher/sections/${section.id}/badges`} aria-label={`Void or make new badges for ${section.name}`}>Void or make new badges</a>
          {" · "}
          <a href={`/teacher/sections/${section.id}/badges/print`} aria-label={`Print badges for ${section.name}`}>Print badges</a>
        </p>
      )}
      {count === 0 ? (
        <p>No students are enrolled in this class yet.</p>
      ) : (
        <table class="teacher-roster">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Connected guardians</th>
              <th scope="col">Contacts on record and invitations</th>
            </tr>
          </thead>
          <tbody>
            {section.students.map((s) => (
              <tr>
                <th scope="row">
                  {`${s.lastName}, ${s.firstName}`}
                  {s.grade && <span class="muted">{` · grade ${s.grade}`}</span>}
                </th>
                <td data-label="Connected guardians">
                  {s.guardians.length > 0 ? (
                    <ul class="t-plain">
                      {s.guardians.map((g) => (
                        <li>
                          {g.name}
                          <br />
                          <a href={`/teacher/messages/new?${new URLSearchParams({ student: s.id, guardian: g.id })}`} aria-label={`Message family: ${g.name} about ${studentName(s)}`}>
                            Message family
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span class="muted">None yet</span>
                  )}
                </td>
                <td data-label="Contacts">
                  {s.contacts.length > 0 ? (
                    <ul class="t-plain">{s.contacts.map((ct) => <Contact student={s} contact={ct} back={back} />)}</ul>
                  ) : (
                    <span class="muted">No contacts on record (the district adds them)</span>
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
  const notice = p.notice ? noticeText(p.notice.code, findWho(p.sections, p.notice.contactId)) : null;
  const section = p.single ? p.sections[0] : undefined;
  return (
    <>
      {section ? (
        <>
          <p>
            <a href="/teacher">← All my classes</a>
          </p>
          <h1>{section.name}</h1>
        </>
      ) : (
        <>
          <h1>My classes</h1>
          <p class="muted">{`Signed in as ${p.teacherName}.`}</p>
        </>
      )}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {p.sections.length === 0 && <p>You have no classes on the roster yet. Your district adds them through its student information system.</p>}
      {!section && p.sections.length > 1 && (
        <nav aria-label="My classes" class="teacher-jump">
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
      <p class="muted">
        Connected guardians have accepted an invitation and confirmed the child. Invitations go to the contacts your district has on record; a revoked or disputed one is for the district to sort out.
      </p>
    </>
  );
}

export function TeacherSectionNotFoundPage() {
  return (
    <>
      <h1>Class not found</h1>
      <p>This class isn't one of yours, or it is no longer on the roster.</p>
      <p>
        <a href="/teacher">Back to my classes</a>
      </p>
    </>
  );
}
