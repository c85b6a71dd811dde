/** The account emails of onboarding: confirm your address, and "you already have an account". */
import { escapeHtml } from "../../invitations";

export interface AccountMessage {
  subject: string;
  text: string;
  html: string;
}

function render(subject: string, paragraphs: string[], button: { label: string; href: string } | null, footer: string): AccountMessage {
  const text = [...paragraphs.flatMap((p) => [p, ""]), ...(button ? [`${button.label}:`, button.href, ""] : []), footer].join("\n");
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">`,
    `<div style="max-width:560px;margin:0 auto">`,
    ...paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`),
    button
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(button.href)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(button.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px;color:#374151">Or open this link: <a href="${escapeHtml(button.href)}" style="color:#1d4ed8">${escapeHtml(button.href)}</a></p>`
      : "",
    `<p style="margin:0;font-size:14px;color:#4b5563">${escapeHtml(footer)}</p>`,
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}

const site = (publicUrl: string, path: string) => `${publicUrl.replace(/\/+$/, "")}${path}`;

/** No name in it: whoever signed up typed the name, and the address may belong to someone else. */
export function verifyEmailMessage(publicUrl: string, token: string): AccountMessage {
  return render(
    "Confirm your email for Family Portal",
    [
      "Hello,",
      "Please confirm that this is your email address. Confirming signs you in to Family Portal and connects the children you confirmed.",
      "The link works once and expires in 24 hours. If you sign up again before using it, only the newest link works. On another phone or computer than the one you signed up on, you will be asked for the password you chose.",
    ],
    { label: "Confirm my email", href: site(publicUrl, `/verify-email/${token}`) },
    "If you did not ask for a Family Portal account, ignore this email: nothing happens without you.",
  );
}

/** Sent instead of a confirmation link when the address already has an account (the page says the same either way). */
export function accountExistsMessage(publicUrl: string): AccountMessage {
  return render(
    "You already have a Family Portal account",
    [
      "Someone, probably you, tried to create a Family Portal account with this email address. You already have one.",
      "Sign in to add your children. If you don't remember your password, choose \"Forgot your password?\" on the sign-in page.",
    ],
    { label: "Sign in", href: site(publicUrl, "/sign-in") },
    "If this was not you, you can ignore this email: nothing has changed.",
  );
}
