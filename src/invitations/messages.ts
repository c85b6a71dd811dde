/** The words of an invitation email and text. Pure functions: no database, no Hono. */
import { emailButton, emailFooter, emailHtml, emailParagraph as p, escapeHtml } from "../lib/email-html";
import { oneLine } from "../lib/text";
import { siteUrl } from "../lib/url";

export interface InvitationMessageInput {
  channel: "email" | "sms";
  /** The single-use link, `${PUBLIC_URL}/i/${token}`. */
  link: string;
  expiresAt: number;
  district: { name: string; invitationMessage: string | null };
  school: { name: string };
  student: { firstName: string; lastName: string };
}

export interface InvitationMessage {
  /** Email only. */
  subject?: string;
  text: string;
  /** Email only. */
  html?: string;
}

/** The link a guardian opens; opening it changes nothing (the confirm page asks first). */
export function invitationLink(publicUrl: string, token: string): string {
  return siteUrl(publicUrl, `/i/${token}`);
}


/** "Wednesday, March 4, 2026 at 11:20 UTC": guardians live in many time zones, so say which. */
export function formatExpiry(ms: number): string {
  const d = new Date(ms);
  const date = new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone: "UTC" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(d);
  return `${date} at ${time} UTC`;
}

export function buildInvitationMessage(m: InvitationMessageInput): InvitationMessage {
  const district = oneLine(m.district.name);
  const school = oneLine(m.school.name);
  const first = oneLine(m.student.firstName);
  const last = oneLine(m.student.lastName);
  if (m.channel === "sms") {
    return { text: `${district}: join Family Portal for ${first} at ${school}: ${m.link}` };
  }
  // Subjects show up in lock screens and shared inboxes: first name and last initial only.
  const initial = last ? ` ${[...last][0]}.` : "";
  const subject = `${district}: join Family Portal for ${first}${initial} at ${school}`;
  const fullName = `${first} ${last}`.trim();
  const expires = formatExpiry(m.expiresAt);
  const intro = m.district.invitationMessage?.trim() || null;

  const paragraphs = [
    `${district} invites you to Family Portal for ${fullName} at ${school}.`,
    `Family Portal is one place to help ${first} log in to school, find the district's links, and message ${first}'s teachers.`,
  ];
  const single = `This link is just for you and works once. It expires on ${expires}; after that you can ask for a fresh one from the same page.`;
  const notMine = `Not your child? Open the link and choose "This is not my child": the invitation stops working and ${district} is told. Or contact ${school}.`;

  const text = [
    ...(intro ? [intro, ""] : []),
    ...paragraphs.flatMap((p) => [p, ""]),
    "Accept the invitation:",
    m.link,
    "",
    single,
    "",
    notMine,
    "",
    `Sent by ${district} through Family Portal.`,
  ].join("\n");

  const introHtml = intro
    ? `<div style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #1d4ed8;background:#eff6ff">${escapeHtml(intro).replace(/\r?\n/g, "<br>")}</div>`
    : "";
  const html = emailHtml(subject, [
    introHtml,
    ...paragraphs.map(p),
    emailButton("Accept the invitation", m.link),
    p(single),
    p(notMine),
    emailFooter(`Sent by ${district} through Family Portal.`),
  ]);

  return { subject, text, html };
}
