/** Teacher pages for a class's badges: the list with void / new badge buttons, and the printable 2-inch label sheet. */
import { raw } from "hono/html";
import type { BadgeStudent, SectionBadges } from "../../src/badges/class-badges";
import { Notice, PostForm } from "../components";

export const BADGE_NOTICES = ["regenerated", "voided", "class_regenerated", "no_badge", "badges_off", "class_none", "unavailable"] as const;
export type BadgeNotice = (typeof BADGE_NOTICES)[number];

const day = (ms: number) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(ms));
const fullName = (s: Pick<BadgeStudent, "firstName" | "lastName">) => `${s.firstName} ${s.lastName}`;

function noticeText(code: BadgeNotice, student: string, count: number | undefined): { kind: "ok" | "info" | "error"; text: string } {
  switch (code) {
    case "regenerated":
      return { kind: "ok", text: `${student} has a new badge. The old one no longer works; print or share the new one.` };
    case "voided":
      return { kind: "ok", text: `${student}'s badge no longer works.` };
    case "class_regenerated":
      return { kind: "ok", text: `New badges for ${count ?? "the"} student${count === 1 ? "" : "s"}. The old ones no longer work; print the sheet below.` };
    case "no_badge":
      return { kind: "info", text: `${student} has no badge in use, so there was nothing to void.` };
    case "badges_off":
      return { kind: "error", text: `Badges are turned off for ${student}. Your district decides who uses badges.` };
    case "class_none":
      return { kind: "info", text: "No student in this class uses badges, so nothing was made." };
    case "unavailable":
      return { kind: "error", text: "Badges can't be made right now: something is not set up on our side. Please tell your district office." };
  }
}

export interface ClassBadgesProps {
  section: SectionBadges;
  /** studentId → PIN, when the district asks for PINs. */
  pins: Map<string, string>;
  notice?: { code: BadgeNotice; studentId?: string; count?: number };
}

function BadgeStatus({ s }: { s: BadgeStudent }) {
  if (!s.badgesEnabled) return <span class="t-status none">Badges off (the district decides)</span>;
  if (!s.badge) return <span class="t-status expired">No badge yet</span>;
  return <span class="t-status accepted">{`In use since ${day(s.badge.createdAt)}`}</span>;
}

function StudentActions({ s, sectionId }: { s: BadgeStudent; sectionId: string }) {
  const name = fullName(s);
  if (!s.badgesEnabled && !s.badge) return <span class="muted">—</span>;
  return (
    <>
      {s.badgesEnabled && (
      <PostForm action={`/teacher/students/${s.id}/badge/regenerate`} class="inline">
        <input type="hidden" name="section" value={sectionId} />
        <button type="submit" class="link" aria-label={`${s.badge ? "New badge" : "Make a badge"} for ${name}`}>
          {s.badge ? "New badge" : "Make a badge"}
        </button>
      </PostForm>
      )}
      {s.badge && (
        <>
          {s.badgesEnabled && " · "}
          <PostForm action={`/teacher/students/${s.id}/badge/void`} class="inline">
            <input type="hidden" name="section" value={sectionId} />
            <button type="submit" class="link" aria-label={`Void ${name}'s badge`}>
              Void
            </button>
          </PostForm>
        </>
      )}
    </>
  );
}

export function ClassBadgesPage({ section, pins, notice }: ClassBadgesProps) {
  const who = notice?.studentId ? section.students.find((s) => s.id === notice.studentId) : undefined;
  const message = notice ? noticeText(notice.code, who ? fullName(who) : "The student", notice.count) : null;
  const using = section.students.filter((s) => s.badgesEnabled).length;
  return (
    <>
      <p>
        <a href={`/teacher/sections/${section.id}`}>{`← ${section.name}`}</a>
      </p>
      <h1>{`Badges · ${section.name}`}</h1>
      <p class="muted">{`${section.schoolName} · ${using} of ${section.students.length} student${section.students.length === 1 ? "" : "s"} use badges`}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <p class="actions">
        <a class="button" href={`/teacher/sections/${section.id}/badges/print`}>
          Print badges
        </a>
      </p>
      {section.students.length === 0 ? (
        <p>No students are enrolled in this class yet.</p>
      ) : (
        <table class="teacher-roster badge-roster">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Badge</th>
              {pins.size > 0 && <th scope="col">PIN</th>}
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {section.students.map((s) => (
              <tr>
                <th scope="row">{`${s.lastName}, ${s.firstName}`}</th>
                <td data-label="Badge">
                  <BadgeStatus s={s} />
                </td>
                {pins.size > 0 && <td data-label="PIN">{pins.get(s.id) ?? <span class="muted">—</span>}</td>}
                <td data-label="Change">
                  <StudentActions s={s} sectionId={section.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {using > 0 && (
        <section class="card">
          <h2>New badges for the whole class</h2>
          <p>Every badge of this class stops working at once and each student who uses badges gets a new one. Do this when badges may have been shared or lost.</p>
          <PostForm action={`/teacher/sections/${section.id}/badges/regenerate`}>
            <button type="submit" class="secondary">{`Make ${using} new badge${using === 1 ? "" : "s"}`}</button>
          </PostForm>
        </section>
      )}
      <p class="muted">
        A badge logs a student in when it is shown to the webcam at the badges page. Voiding it or making a new one stops the old badge at once, on paper and on
        parents' phones.
        {pins.size > 0 ? " Your district also asks for each student's PIN after the scan; PINs are not printed on the labels." : ""}
      </p>
    </>
  );
}

export interface BadgeLabel {
  student: BadgeStudent;
  qrSvg: string;
}

/** 2 in × 2 in labels, one per student with a badge; the rest listed as "no badge". */
export function ClassBadgeSheet({ section, labels, loginAt }: { section: SectionBadges; labels: BadgeLabel[]; loginAt: string }) {
  const without = section.students.filter((s) => !s.badgesEnabled || !s.badge);
  return (
    <>
      <div class="no-print">
        <p>
          <a href={`/teacher/sections/${section.id}/badges`}>{`← Badges · ${section.name}`}</a>
        </p>
        <h1>{`Badge labels · ${section.name}`}</h1>
        <p>{`Use your browser's Print command (Ctrl+P or ⌘P). Each badge prints as a 2-inch square label; students show theirs to the webcam at ${loginAt}.`}</p>
      </div>
      {labels.length === 0 ? (
        <p>No student in this class has a badge in use.</p>
      ) : (
        <ul class="badge-sheet" aria-label="Badge labels">
          {labels.map((l) => (
            <li class="badge-label">
              <div class="badge-qr">{raw(l.qrSvg)}</div>
              <strong class="badge-name">{fullName(l.student)}</strong>
              <span class="badge-school">{l.student.schoolName}</span>
            </li>
          ))}
        </ul>
      )}
      {without.length > 0 && (
        <section class="badge-none">
          <h2>No badge</h2>
          <ul>
            {without.map((s) => (
              <li>{`${fullName(s)}: no badge${s.badgesEnabled ? "" : " (badges are off for this student)"}`}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
