/** The teacher sign-in email: plain words, text and escaped HTML. Pure: no database, no Hono. */
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

function timeUtc(ms: number): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date(ms));
}

export function buildTeacherSignInMessage(m: TeacherSignInMessageInput): Email {
  const subject = "Your Family Portal sign-in link";
  const name = oneLine(m.name);
  const districts = m.districts.map(oneLine);
  const paragraphs = [
    `Hello ${name},`,
    "Someone, probably you, asked to sign in to Family Portal as a teacher with this email address.",
  ];
  const rules = `The link works once and only for 15 minutes (until ${timeUtc(m.expiresAt)} UTC). If it has run out, ask for a new one on the sign-in page.`;
  const several =
    districts.length > 1 ? `Your address is on the roster of ${districts.length} school districts (${districts.join(", ")}). After opening the link, choose which one to sign in to.` : null;
  const ignore = "Didn't ask for this? You can ignore this email: nobody can sign in without the link.";

  const text = [...paragraphs.flatMap((p) => [p, ""]), "Sign in:", m.link, "", rules, "", ...(several ? [several, ""] : []), ignore].join("\n");

  const html = emailHtml(subject, [...paragraphs.map(p), emailButton("Sign in to Family Portal", m.link), p(rules), several ? p(several) : "", emailFooter(ignore)]);
  return { subject, text, html };
}
