/**
 * The words of the unread-message email. It says who wrote and about which child, never what
 * they wrote: these emails show up on lock screens and in shared inboxes.
 */
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
  /** "3 hours". */
  delayWords: string;
}

export function threadLink(publicUrl: string, recipientKind: SenderKind, threadId: string): string {
  return siteUrl(publicUrl, recipientKind === "teacher" ? `/teacher/messages/${threadId}` : `/messages/${threadId}`);
}

export function settingsLink(publicUrl: string, recipientKind: SenderKind): string {
  return siteUrl(publicUrl, recipientKind === "teacher" ? "/teacher/settings" : "/account");
}

/** "3 hours", "90 minutes", "3 seconds": the delay as the email says it. */
export function delayInWords(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (seconds >= 3600 && seconds % 3600 === 0) return unit(seconds / 3600, "hour");
  if (seconds >= 60) return unit(Math.round(seconds / 60), "minute");
  return unit(Math.max(1, Math.round(seconds)), "second");
}

export function buildUnreadNotice(m: UnreadNoticeInput): Email {
  const writer = oneLine(m.writerName);
  const first = oneLine(m.student.firstName);
  const child = m.recipientKind === "teacher" ? `${first} ${oneLine(m.student.lastName)}`.trim() : first;
  const subject = `Unread message from ${writer} about ${child}`;
  const lines = [
    `${writer} sent you a message about ${child} on Family Portal, and it has been waiting for ${m.delayWords}.`,
    "For your privacy this email doesn't include the message. Open the conversation to read it and reply:",
  ];
  const off =
    m.recipientKind === "teacher"
      ? "You get one email like this when a family's message stays unread for a while. Turn these emails off in Settings:"
      : "You get one email like this when a message stays unread for a while. Turn these emails off in Account settings:";
  const text = [lines[0], "", lines[1], m.link, "", off, m.settingsLink, "", "Family Portal"].join("\n");
  const html = emailHtml(subject, [
    p(lines[0] ?? ""),
    p("For your privacy this email doesn't include the message."),
    emailButton("Read and reply", m.link),
    `<p style="margin:0 0 16px;font-size:14px;color:#374151">${escapeHtml(off.replace(/:$/, "."))} <a href="${escapeHtml(m.settingsLink)}" style="color:#1d4ed8">${escapeHtml(m.recipientKind === "teacher" ? "Settings" : "Account settings")}</a></p>`,
    emailFooter("Family Portal"),
  ]);
  return { subject, text, html };
}
