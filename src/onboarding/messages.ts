/**
 * The account emails of onboarding: confirm your address (in the language the pages were shown
 * in at sign-up), and "you already have an account" (in that account's own language).
 */
import { buttonEmail, type Email } from "../lib/email-html";
import type { Locale } from "../i18n/locale";
import { siteUrl } from "../lib/url";

/** No name in it: whoever signed up typed the name, and the address may belong to someone else. */
export function verifyEmailMessage(publicUrl: string, token: string, locale: Locale): Email {
  const t = locale.t.onboarding.emails.verify;
  return buttonEmail({
    subject: t.subject,
    before: [t.hello, t.why, t.how],
    button: { label: t.button, href: siteUrl(publicUrl, `/verify-email/${token}`) },
    footer: t.footer,
    locale,
  });
}

/** Sent instead of a confirmation link when the address already has an account (the page says the same either way). */
export function accountExistsMessage(publicUrl: string, locale: Locale): Email {
  const t = locale.t.onboarding.emails.accountExists;
  return buttonEmail({ subject: t.subject, before: [t.tried, t.signIn], button: { label: t.button, href: siteUrl(publicUrl, "/sign-in") }, footer: t.footer, locale });
}
