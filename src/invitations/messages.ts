/**
 * The words of an invitation email and text (and of its reminder), in the family's language (see
 * message-language.ts) with dates in the district's time zone. Pure functions: no database, no Hono.
 */
import { emailButton, emailFooter, emailHtml, emailParagraph as p, escapeHtml } from "../lib/email-html";
import type { Locale } from "../i18n/locale";
import { oneLine } from "../lib/text";
import { siteUrl } from "../lib/url";
import { invitationLocales, type MessageLocales } from "./message-language";

export interface InvitationMessageInput {
  channel: "email" | "sms";
  /** The single-use link, `${PUBLIC_URL}/i/${token}`. */
  link: string;
  expiresAt: number;
  /** The family's language as the district gave it (BCP 47, maybe without a catalog); null: not given. */
  language: string | null;
  /** `timeZone`: the district's IANA zone, in which the expiry is written. */
  district: { name: string; invitationMessage: string | null; timeZone: string };
  school: { name: string };
  student: { firstName: string; lastName: string };
  /** The reminder on the last day before expiry: a note first, and "Reminder" in the subject. */
  reminder?: boolean;
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

/**
 * The expiry as the reader writes dates ("Wednesday, March 4, 2026" and "6:20 AM EST";
 * "miércoles, 4 de marzo de 2026" and "6:20 GMT-5"), in the district's zone, naming the zone:
 * a family may live elsewhere.
 */
export function formatExpiry(ms: number, locale: Pick<Locale, "tag" | "timeZone">): Expiry {
  // A batch's invitations all expire at one moment: format it once.
  if (last && last.ms === ms && last.tag === locale.tag && last.timeZone === locale.timeZone) return last.value;
  const d = new Date(ms);
  const { date, time } = expiryFormats(locale.tag, locale.timeZone);
  const parts = time.formatToParts(d);
  // The hour as the time shows it: Spanish says "a la 1:30" but "a las 3:30" (invitations.singleUse).
  const value = Object.freeze({ date: date.format(d), time: parts.map((p) => p.value).join(""), hour: Number(parts.find((p) => p.type === "hour")?.value ?? NaN) });
  last = { ms, tag: locale.tag, timeZone: locale.timeZone, value };
  return value;
}

interface Expiry {
  date: string;
  time: string;
  hour: number;
}

let last: { ms: number; tag: string; timeZone: string; value: Expiry } | null = null;

/** Formatters by language and zone: making one costs ~0.1 ms, a batch of 1,000 emails needs two. */
const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function expiryFormats(tag: string, timeZone: string) {
  const key = `${tag} ${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    found = {
      date: new Intl.DateTimeFormat(tag, { dateStyle: "full", timeZone }),
      time: new Intl.DateTimeFormat(tag, { hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone }),
    };
    // A few languages times the districts' zones; the bound only guards against the unforeseen.
    if (formats.size >= 200) formats.clear();
    formats.set(key, found);
  }
  return found;
}

const strong = (text: string): string => `<p style="margin:0 0 16px"><strong>${escapeHtml(text)}</strong></p>`;

interface Names {
  district: string;
  school: string;
  first: string;
  last: string;
}

/** One language's version of the email: paragraphs before the button, the button, after it, and the footer. */
function emailWords(locale: Locale, m: Omit<InvitationMessageInput, "language">, n: Names) {
  const t = locale.t.invitations;
  const expires = formatExpiry(m.expiresAt, locale);
  return {
    note: m.reminder ? [t.reminder.note] : [],
    before: [t.invites(n.district, `${n.first} ${n.last}`.trim(), n.school), t.about(n.first)],
    accept: t.accept,
    after: [t.singleUse(expires.date, expires.time, expires.hour), t.notYourChild(n.district, n.school, locale.t.onboarding.notMyChild)],
    footer: t.sentBy(n.district),
  };
}

function smsText(locale: Locale, m: Omit<InvitationMessageInput, "language">, n: Names): string {
  const t = locale.t.invitations;
  const text = t.sms(n.district, n.first, n.school, m.link);
  return m.reminder ? t.reminder.sms(text) : text;
}

export async function buildInvitationMessage(m: InvitationMessageInput): Promise<InvitationMessage> {
  return composeInvitationMessage(m, await invitationLocales(m.language, m.district.timeZone));
}

/** The message in `main`, and again in English below it when `englishBelow` is set (see message-language.ts). */
export function composeInvitationMessage(m: Omit<InvitationMessageInput, "language">, { main, englishBelow }: MessageLocales): InvitationMessage {
  const n: Names = { district: oneLine(m.district.name), school: oneLine(m.school.name), first: oneLine(m.student.firstName), last: oneLine(m.student.lastName) };
  if (m.channel === "sms") {
    return { text: [smsText(main, m, n), ...(englishBelow ? [smsText(englishBelow, m, n)] : [])].join("\n\n") };
  }
  // Subjects show up in lock screens and shared inboxes: first name and last initial only.
  const initial = n.last ? ` ${[...n.last][0]}.` : "";
  const t = main.t.invitations;
  const plainSubject = t.subject(n.district, `${n.first}${initial}`, n.school);
  const subject = m.reminder ? t.reminder.subject(plainSubject) : plainSubject;
  // The district's own words, as the district wrote them (in whatever language it wrote them).
  const intro = m.district.invitationMessage?.trim() || null;

  // A reminder's note comes first, above the district's words; the English version repeats its own.
  const words = emailWords(main, m, n);
  const below = englishBelow ? { locale: englishBelow, words: emailWords(englishBelow, m, n) } : null;

  type Words = ReturnType<typeof emailWords>;
  const textOf = (w: Words, withNote: boolean) =>
    [...(withNote ? w.note.flatMap((s) => [s, ""]) : []), ...w.before.flatMap((s) => [s, ""]), `${w.accept}:`, m.link, "", ...w.after.flatMap((s) => [s, ""]), w.footer].join("\n");
  const text = [
    ...words.note.flatMap((s) => [s, ""]),
    ...(intro ? [intro, ""] : []),
    textOf(words, false),
    ...(below ? ["", "---", t.englishBelow, "", textOf(below.words, true)] : []),
  ].join("\n");

  const htmlOf = (locale: Locale, w: Words, withNote: boolean) =>
    [...(withNote ? w.note.map(strong) : []), ...w.before.map(p), emailButton(w.accept, m.link, locale), ...w.after.map(p), emailFooter(w.footer)].join("");
  const introHtml = intro
    ? `<div style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #1d4ed8;background:#eff6ff">${escapeHtml(intro).replace(/\r?\n/g, "<br>")}</div>`
    : "";
  const belowHtml = below
    ? `<hr style="margin:24px 0;border:0;border-top:1px solid #d1d5db"><p style="margin:0 0 16px;font-weight:600">${escapeHtml(t.englishBelow)}</p>` +
      `<div lang="${below.locale.tag}" dir="${below.locale.dir}">${htmlOf(below.locale, below.words, true)}</div>`
    : "";
  const html = emailHtml(subject, [...words.note.map(strong), introHtml, htmlOf(main, words, false), belowHtml], main);
  return { subject, text, html };
}
