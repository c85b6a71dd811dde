/**
 * The words of the unread-message email. It says who wrote and about which child, never what
 * they wrote: these emails show up on lock screens and in shared inboxes.
 */
import { escapeHtml } from "../invitations/messages";
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

const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim();

export function threadLink(publicUrl: string, recipientKind: SenderKind, threadId: string): string {
  const base = publicUrl.replace(/\/+$/, "");
  return recipientKind === "teacher" ? `${base}/teacher/messages/${threadId}` : `${base}/messages/${threadId}`;
}

export function settingsLink(publicUrl: string, recipientKind: SenderKind): string {
  const base = publicUrl.replace(/\/+$/, "");
  return recipientKind === "teacher" ? `${base}/teacher/settings` : `${base}/account`;
}

/** "3 hours", "90 minutes", "3 seconds": the delay as the email says it. */
export function delayInWords(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (seconds >= 3600 && seconds % 3600 === 0) return unit(seconds / 3600, "hour");
  if (seconds >= 60) return unit(Math.round(seconds / 60), "minute");
  return unit(Math.max(1, Math.round(seconds)), "second");
}

export function buildUnreadNotice(m: UnreadNoticeInput): { subject: string; text: string; html: string } {
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
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">`,
    `<div style="max-width:560px;margin:0 auto">`,
    p(lines[0] ?? ""),
    p("For your privacy this email doesn't include the message."),
    `<p style="margin:0 0 16px"><a href="${escapeHtml(m.link)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">Read and reply</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px;color:#374151">Or open this link: <a href="${escapeHtml(m.link)}" style="color:#1d4ed8">${escapeHtml(m.link)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px;color:#374151">${escapeHtml(off.replace(/:$/, "."))} <a href="${escapeHtml(m.settingsLink)}" style="color:#1d4ed8">${escapeHtml(m.recipientKind === "teacher" ? "Settings" : "Account settings")}</a></p>`,
    `<p style="margin:0;font-size:14px;color:#4b5563">Family Portal</p>`,
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}
