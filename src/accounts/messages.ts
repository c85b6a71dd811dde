/** The words of the account emails (password reset, password changed), in the account's language. Pure functions. */
import { buttonEmail, type Email } from "../lib/email-html";
import type { Locale } from "../i18n/locale";
import { siteUrl } from "../lib/url";

/** The button comes after the first paragraph: what the email is for, then what to press. */
function email(locale: Locale, subject: string, paragraphs: string[], button?: { label: string; href: string }): Email {
  return buttonEmail({ subject, before: paragraphs.slice(0, 1), button, after: paragraphs.slice(1), footer: locale.t.layout.siteName, locale });
}

/** The link of a password reset email. */
export function resetLink(publicUrl: string, token: string): string {
  return siteUrl(publicUrl, `/reset-password/${token}`);
}

export function passwordResetEmail(link: string, locale: Locale): Email {
  const t = locale.t.account.emails.reset;
  return email(locale, t.subject, [t.asked, t.how, t.notYou], { label: t.button, href: link });
}

/** For an account that signs in with Google only: there is no password to reset. */
export function googleAccountEmail(publicUrl: string, locale: Locale): Email {
  const t = locale.t.account.emails.googleAccount;
  return email(locale, t.subject, [t.asked, t.noPassword, t.notYou], { label: t.button, href: siteUrl(publicUrl, "/sign-in") });
}

export function passwordChangedEmail(publicUrl: string, locale: Locale): Email {
  const t = locale.t.account.emails.passwordChanged;
  return email(locale, t.subject, [t.changed, t.notYou], { label: t.button, href: siteUrl(publicUrl, "/forgot-password") });
}
