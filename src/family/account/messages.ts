/** The words of the account emails (password reset, password changed). Pure functions. */
import { escapeHtml } from "../../invitations/messages";

export interface AccountEmail {
  subject: string;
  text: string;
  html: string;
}

const base = (url: string) => url.replace(/\/+$/, "");

function email(subject: string, paragraphs: string[], button?: { label: string; href: string }): AccountEmail {
  const text = [
    ...paragraphs.slice(0, 1).flatMap((p) => [p, ""]),
    ...(button ? [`${button.label}:`, button.href, ""] : []),
    ...paragraphs.slice(1).flatMap((p) => [p, ""]),
    "Family Portal",
  ].join("\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">`,
    `<div style="max-width:560px;margin:0 auto">`,
    ...paragraphs.slice(0, 1).map(p),
    button
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(button.href)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(button.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px;color:#374151">Or open this link: <a href="${escapeHtml(button.href)}" style="color:#1d4ed8">${escapeHtml(button.href)}</a></p>`
      : "",
    ...paragraphs.slice(1).map(p),
    `<p style="margin:0;font-size:14px;color:#4b5563">Family Portal</p>`,
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}

/** The link of a password reset email. */
export function resetLink(publicUrl: string, token: string): string {
  return `${base(publicUrl)}/reset-password/${token}`;
}

export function passwordResetEmail(link: string): AccountEmail {
  return email(
    "Reset your Family Portal password",
    [
      "Someone, hopefully you, asked to reset the password of your Family Portal account.",
      "The link works once and for one hour. Choosing a new password signs you out on every device.",
      "Didn't ask for this? You can ignore this email: your password stays the same.",
    ],
    { label: "Choose a new password", href: link },
  );
}

/** For an account that signs in with Google only: there is no password to reset. */
export function googleAccountEmail(publicUrl: string): AccountEmail {
  return email(
    "Signing in to Family Portal",
    [
      "Someone, hopefully you, asked to reset the password of your Family Portal account.",
      'Your account doesn\'t use a password: you sign in with "Continue with Google", using the Google account you chose when you joined.',
      "Didn't ask for this? You can ignore this email.",
    ],
    { label: "Sign in", href: `${base(publicUrl)}/sign-in` },
  );
}

export function passwordChangedEmail(publicUrl: string): AccountEmail {
  return email(
    "Your Family Portal password was changed",
    [
      "The password of your Family Portal account was just changed in Account settings, and every other device was signed out.",
      "Wasn't you? Choose a new password now with the link above, then tell your child's school.",
    ],
    { label: "Reset your password", href: `${base(publicUrl)}/forgot-password` },
  );
}
