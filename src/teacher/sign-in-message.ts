/** The teacher sign-in email: plain words, text and escaped HTML. Pure: no database, no Hono. */
import { escapeHtml } from "../invitations/messages";

export interface TeacherSignInMessageInput {
  link: string;
  expiresAt: number;
  /** The name to greet (display name, else roster name). */
  name: string;
  /** One per roster the address is on. */
  districts: readonly string[];
}

const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim();

function timeUtc(ms: number): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date(ms));
}

export function buildTeacherSignInMessage(m: TeacherSignInMessageInput): { subject: string; text: string; html: string } {
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

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">`,
    `<div style="max-width:560px;margin:0 auto">`,
    ...paragraphs.map(p),
    `<p style="margin:0 0 16px"><a href="${escapeHtml(m.link)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">Sign in to Family Portal</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px;color:#374151">Or open this link: <a href="${escapeHtml(m.link)}" style="color:#1d4ed8">${escapeHtml(m.link)}</a></p>`,
    p(rules),
    several ? p(several) : "",
    `<p style="margin:0;font-size:14px;color:#4b5563">${escapeHtml(ignore)}</p>`,
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}
