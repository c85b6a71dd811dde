/**
 * The one look of every email we send (invitations, sign-in links, account emails, unread
 * notices): inline styles only, since mail clients drop style sheets. Pure string building.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A whole email: the subject as its title, then the blocks (already HTML) in one narrow column. */
export function emailHtml(subject: string, blocks: readonly string[]): string {
  return [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
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
export function emailButton(label: string, href: string): string {
  return (
    `<p style="margin:0 0 16px"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:14px;color:#374151">Or open this link: <a href="${escapeHtml(href)}" style="color:#1d4ed8">${escapeHtml(href)}</a></p>`
  );
}
