/** Teacher pages for a class's badges: the list with void / new badge buttons, and the printable 2-inch label sheet. */
import { raw } from "hono/html";
import type { BadgeStudent, SectionBadges } from "../../src/badges/class-badges";
import type { Catalog } from "../../src/i18n/catalog";
import { Notice, PostForm } from "../components";
import { useLocale, useT } from "../i18n";

export const BADGE_NOTICES = ["regenerated", "voided", "class_regenerated", "no_badge", "badges_off", "class_none", "unavailable"] as const;
export type BadgeNotice = (typeof BADGE_NOTICES)[number];

type Words = Catalog["teacher"]["badges"];

const fullName = (s: Pick<BadgeStudent, "firstName" | "lastName">) => `${s.firstName} ${s.lastName}`;

function noticeText(t: Words["notice"], code: BadgeNotice, student: string, count: number | undefined): { kind: "ok" | "info" | "error"; text: string } {
  switch (code) {
    case "regenerated":
      return { kind: "ok", text: t.regenerated(student) };
    case "voided":
      return { kind: "ok", text: t.voided(student) };
    case "class_regenerated":
      return { kind: "ok", text: count === undefined ? t.classRegeneratedSome : t.classRegenerated(count) };
    case "no_badge":
      return { kind: "info", text: t.noBadge(student) };
    case "badges_off":
      return { kind: "error", text: t.badgesOff(student) };
    case "class_none":
      return { kind: "info", text: t.classNone };
    case "unavailable":
      return { kind: "error", text: t.unavailable };
  }
}

export interface ClassBadgesProps {
  section: SectionBadges;
  /** studentId → PIN, when the district asks for PINs. */
  pins: Map<string, string>;
  notice?: { code: BadgeNotice; studentId?: string; count?: number };
}

function BadgeStatus({ s }: { s: BadgeStudent }) {
  const { tag, timeZone, t } = useLocale();
  if (!s.badgesEnabled) return <span class="t-status none">{t.teacher.badges.off}</span>;
  if (!s.badge) return <span class="t-status expired">{t.teacher.badges.noneYet}</span>;
  // The day in the teacher's language and district's time zone.
  const day = new Intl.DateTimeFormat(tag, { month: "short", day: "numeric", year: "numeric", timeZone }).format(new Date(s.badge.createdAt));
  return <span class="t-status accepted">{t.teacher.badges.inUseSince(day)}</span>;
}

function StudentActions({ s, sectionId }: { s: BadgeStudent; sectionId: string }) {
  const t = useT().teacher.badges;
  const name = fullName(s);
  if (!s.badgesEnabled && !s.badge) return <span class="muted">—</span>;
  return (
    <>
      {/* A first badge ends nothing: one tap. A new badge or voiding ends the one in use: asked on a page of its own. */}
      {s.badgesEnabled && !s.badge && (
        <PostForm action={`/teacher/students/${s.id}/badge/regenerate`} class="inline">
          <input type="hidden" name="section" value={sectionId} />
          <button type="submit" class="link" aria-label={t.actionFor(t.makeBadge, name)}>
            {t.makeBadge}
          </button>
        </PostForm>
      )}
      {s.badgesEnabled && s.badge && (
        <a href={`/teacher/students/${s.id}/badge/regenerate?${new URLSearchParams({ section: sectionId })}`} aria-label={t.actionFor(t.newBadge, name)}>
          {t.newBadge}
        </a>
      )}
      {s.badge && (
        <>
          {s.badgesEnabled && " · "}
          <a href={`/teacher/students/${s.id}/badge/void?${new URLSearchParams({ section: sectionId })}`} aria-label={t.voidLabel(name)}>
            {t.void}
          </a>
        </>
      )}
    </>
  );
}

export function ClassBadgesPage({ section, pins, notice }: ClassBadgesProps) {
  const all = useT().teacher;
  const t = all.badges;
  const who = notice?.studentId ? section.students.find((s) => s.id === notice.studentId) : undefined;
  const message = notice ? noticeText(t.notice, notice.code, who ? fullName(who) : t.theStudent, notice.count) : null;
  const using = section.students.filter((s) => s.badgesEnabled).length;
  return (
    <>
      <p>
        <a href={`/teacher/sections/${section.id}`}>{`← ${section.name}`}</a>
      </p>
      <h1>{t.title(section.name)}</h1>
      <p class="muted">{t.summary(section.schoolName, using, section.students.length)}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <p class="actions">
        <a class="button" href={`/teacher/sections/${section.id}/badges/print`}>
          {t.printBadges}
        </a>
      </p>
      {section.students.length === 0 ? (
        <p>{all.classes.noStudents}</p>
      ) : (
        <table class="teacher-roster badge-roster">
          <thead>
            <tr>
              <th scope="col">{t.student}</th>
              <th scope="col">{t.badge}</th>
              {pins.size > 0 && <th scope="col">{t.pin}</th>}
              <th scope="col">{t.change}</th>
            </tr>
          </thead>
          <tbody>
            {section.students.map((s) => (
              <tr>
                <th scope="row">{`${s.lastName}, ${s.firstName}`}</th>
                <td data-label={t.badge}>
                  <BadgeStatus s={s} />
                </td>
                {pins.size > 0 && <td data-label={t.pin}>{pins.get(s.id) ?? <span class="muted">—</span>}</td>}
                <td data-label={t.change}>
                  <StudentActions s={s} sectionId={section.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {using > 0 && (
        <section class="card">
          <h2>{t.wholeClassTitle}</h2>
          <p>{t.wholeClass}</p>
          <p>
            <a class="button secondary" href={`/teacher/sections/${section.id}/badges/regenerate`}>
              {t.makeNew(using)}
            </a>
          </p>
        </section>
      )}
      <p class="muted">{pins.size > 0 ? `${t.footnote} ${t.pinsNote}` : t.footnote}</p>
    </>
  );
}

export interface BadgeLabel {
  student: BadgeStudent;
  qrSvg: string;
}

/** 2 in × 2 in labels, one per student with a badge; the rest listed as "no badge". */
export function ClassBadgeSheet({ section, labels, loginAt }: { section: SectionBadges; labels: BadgeLabel[]; loginAt: string }) {
  const t = useT().teacher.badges;
  const without = section.students.filter((s) => !s.badgesEnabled || !s.badge);
  return (
    <>
      <div class="no-print">
        <p>
          <a href={`/teacher/sections/${section.id}/badges`}>{`← ${t.title(section.name)}`}</a>
        </p>
        <h1>{t.sheetTitle(section.name)}</h1>
        <p>{t.printHint(loginAt)}</p>
      </div>
      {labels.length === 0 ? (
        <p>{t.noneInUse}</p>
      ) : (
        <ul class="badge-sheet" aria-label={t.labels}>
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
          <h2>{t.noBadgeTitle}</h2>
          <ul>
            {without.map((s) => (
              <li>{s.badgesEnabled ? t.noBadge(fullName(s)) : t.noBadgeOff(fullName(s))}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
