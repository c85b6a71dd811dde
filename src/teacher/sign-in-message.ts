/** The teacher sign-in email, in the teacher's language: plain words, text and escaped HTML. Pure: no database, no Hono. */
import type { Locale } from "../i18n/locale";
import { emailButton, emailFooter, emailHtml, emailParagraph as p, type Email } from "../lib/email-html";
import { oneLine } from "../lib/text";

export interface TeacherSignInMessageInput {
  link: string;
  expiresAt: number;
  /** The name to greet (display name, else roster name). */
  name: string;
  /** One per roster the address is on. */
  districts: readonly string[];
}

/** "3:20 PM EST" / "15:20 GMT-5": when the link runs out, in the district's zone, saying which. */
function timeOfDay(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale.tag, { hour: "numeric", minute: "2-digit", timeZone: locale.timeZone, timeZoneName: "short" }).format(new Date(ms));
}

export function buildTeacherSignInMessage(m: TeacherSignInMessageInput, locale: Locale): Email {
  const t = locale.t.teacher.signInEmail;
  const subject = t.subject;
  const districts = m.districts.map(oneLine);
  const paragraphs = [t.hello(oneLine(m.name)), t.someone];
  const rules = t.rules(timeOfDay(m.expiresAt, locale));
  const several = districts.length > 1 ? t.severalDistricts(districts.length, new Intl.ListFormat(locale.tag, { type: "conjunction" }).format(districts)) : null;

  const text = [...paragraphs.flatMap((p) => [p, ""]), t.signIn, m.link, "", rules, "", ...(several ? [several, ""] : []), t.ignore].join("\n");

  const html = emailHtml(subject, [...paragraphs.map(p), emailButton(t.button, m.link, locale), p(rules), several ? p(several) : "", emailFooter(t.ignore)], locale);
  return { subject, text, html };
}
