/** The account emails of onboarding: confirm your address, and "you already have an account". */
import { buttonEmail, type Email } from "../lib/email-html";
import { siteUrl } from "../lib/url";

function render(subject: string, paragraphs: string[], button: { label: string; href: string } | null, footer: string): Email {
  return buttonEmail({ subject, before: paragraphs, button, footer });
}

/** No name in it: whoever signed up typed the name, and the address may belong to someone else. */
export function verifyEmailMessage(publicUrl: string, token: string): Email {
  return render(
    "Confirm your email for Family Portal",
    [
      "Hello,",
      "Please confirm that this is your email address. Confirming signs you in to Family Portal and connects the children you confirmed.",
      "The link works once and expires in 24 hours. If you sign up again before using it, only the newest link works. On another phone or computer than the one you signed up on, you will be asked for the password you chose.",
    ],
    { label: "Confirm my email", href: siteUrl(publicUrl, `/verify-email/${token}`) },
    "If you did not ask for a Family Portal account, ignore this email: nothing happens without you.",
  );
}

/** Sent instead of a confirmation link when the address already has an account (the page says the same either way). */
export function accountExistsMessage(publicUrl: string): Email {
  return render(
    "You already have a Family Portal account",
    [
      "Someone, probably you, tried to create a Family Portal account with this email address. You already have one.",
      "Sign in to add your children. If you don't remember your password, choose \"Forgot your password?\" on the sign-in page.",
    ],
    { label: "Sign in", href: siteUrl(publicUrl, "/sign-in") },
    "If this was not you, you can ignore this email: nothing has changed.",
  );
}
