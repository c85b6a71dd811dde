/**
 * The one look of every email we send (invitations, sign-in links, account emails, unread
 * notices): inline styles only, since mail clients drop style sheets. Pure string building, in
 * the recipient's language (their loaded locale: localeFor).
 */
import type { Locale } from "../i18n/locale";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A whole email: the subject as its title, then the blocks (already HTML) in one narrow column. */
export function emailHtml(subject: string, blocks: readonly string[], locale: Pick<Locale, "tag" | "dir">): string {
  return [
    `<!doctype html><html lang="${locale.tag}" dir="${locale.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">`,
    `<div style="max-width:560px;margin:0 auto">`,
    ...blocks,
    `</div></body></html>`,
  ].join("");
}

export const emailParagraph = (text: string): string => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;

/** The small grey line that ends an email. */
export const emailFooter = (text: string): string => `<p style="margin:0;font-size:14px;color:#4b5563">${escapeHtml(text)}</p>`;

/** The button, and the same link written out for clients that hide buttons. */
export function emailButton(label: string, href: string, locale: Locale): string {
  return (
    `<p style="margin:0 0 16px"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:14px;color:#374151">${escapeHtml(locale.t.common.orOpenThisLink)} <a href="${escapeHtml(href)}" style="color:#1d4ed8">${escapeHtml(href)}</a></p>`
  );
}

/** An email's three parts, as the outbox stores them. */
export interface Email {
  subject: string;
  text: string;
  html: string;
}

/**
 * The plain email: paragraphs, a button (its label and link, in the text version too), more
 * paragraphs, and the footer line; in text and in HTML.
 */
export function buttonEmail(m: {
  subject: string;
  before: readonly string[];
  button?: { label: string; href: string } | null;
  after?: readonly string[];
  footer: string;
  locale: Locale;
}): Email {
  const locale = m.locale;
  const after = m.after ?? [];
  const text = [
    ...m.before.flatMap((p) => [p, ""]),
    ...(m.button ? [`${m.button.label}:`, m.button.href, ""] : []),
    ...after.flatMap((p) => [p, ""]),
    m.footer,
  ].join("\n");
  const html = emailHtml(
    m.subject,
    [...m.before.map(emailParagraph), m.button ? emailButton(m.button.label, m.button.href, locale) : "", ...after.map(emailParagraph), emailFooter(m.footer)],
    locale,
  );
  return { subject: m.subject, text, html };
}
