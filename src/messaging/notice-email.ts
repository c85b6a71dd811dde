/**
 * The words of the unread-message email, in the recipient's language. It says who wrote and about
 * which child, never what they wrote: these emails show up on lock screens and in shared inboxes.
 */
import type { Locale } from "../i18n/locale";
import { emailButton, emailFooter, emailHtml, emailParagraph as p, escapeHtml, type Email } from "../lib/email-html";
import { oneLine } from "../lib/text";
import { siteUrl } from "../lib/url";
import type { SenderKind } from "./types";

export interface UnreadNoticeInput {
  recipientKind: SenderKind;
  /** The name the recipient knows the writer by: the teacher's name families see, or the guardian's name. */
  writerName: string;
  student: { firstName: string; lastName: string };
  /** The thread's page, on PUBLIC_URL. */
  link: string;
  /** Where the recipient turns these emails off. */
  settingsLink: string;
  /** How long the message waited, in seconds (said in words in the recipient's language). */
  delaySeconds: number;
}

export function threadLink(publicUrl: string, recipientKind: SenderKind, threadId: string): string {
  return siteUrl(publicUrl, recipientKind === "teacher" ? `/teacher/messages/${threadId}` : `/messages/${threadId}`);
}

export function settingsLink(publicUrl: string, recipientKind: SenderKind): string {
  return siteUrl(publicUrl, recipientKind === "teacher" ? "/teacher/settings" : "/account");
}

/** "3 hours", "90 minutes", "3 seconds" (es: "3 horas"): the delay in words, through Intl's unit names. */
export function delayInWords(seconds: number, tag: string): string {
  const unit = (n: number, unit: "hour" | "minute" | "second") => new Intl.NumberFormat(tag, { style: "unit", unit, unitDisplay: "long" }).format(n);
  if (seconds >= 3600 && seconds % 3600 === 0) return unit(seconds / 3600, "hour");
  if (seconds >= 60) return unit(Math.round(seconds / 60), "minute");
  return unit(Math.max(1, Math.round(seconds)), "second");
}

/** The email in `locale`: the recipient's own language, whoever wrote the message. */
export function buildUnreadNotice(m: UnreadNoticeInput, locale: Locale): Email {
  const t = locale.t.messages.unreadEmail;
  const writer = oneLine(m.writerName);
  const first = oneLine(m.student.firstName);
  const child = m.recipientKind === "teacher" ? `${first} ${oneLine(m.student.lastName)}`.trim() : first;
  const subject = t.subject(writer, child);
  const waiting = t.waiting(writer, child, delayInWords(m.delaySeconds, locale.tag));
  const off = m.recipientKind === "teacher" ? t.turnOffTeacher : t.turnOffParent;
  const text = [waiting, "", t.openToRead, m.link, "", off, m.settingsLink, "", t.footer].join("\n");
  const html = emailHtml(
    subject,
    [
      p(waiting),
      p(t.privacy),
      emailButton(t.button, m.link, locale),
      `<p style="margin:0 0 16px;font-size:14px;color:#374151">${escapeHtml(off.replace(/:$/, "."))} <a href="${escapeHtml(m.settingsLink)}" style="color:#1d4ed8">${escapeHtml(m.recipientKind === "teacher" ? t.teacherSettings : t.parentSettings)}</a></p>`,
      emailFooter(t.footer),
    ],
    locale,
  );
  return { subject, text, html };
}
