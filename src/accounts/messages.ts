/** The words of the account emails (password reset, password changed). Pure functions. */
import { buttonEmail, type Email } from "../lib/email-html";
import { siteUrl } from "../lib/url";

/** The button comes after the first paragraph: what the email is for, then what to press. */
function email(subject: string, paragraphs: string[], button?: { label: string; href: string }): Email {
  return buttonEmail({ subject, before: paragraphs.slice(0, 1), button, after: paragraphs.slice(1), footer: "Family Portal" });
}

/** The link of a password reset email. */
export function resetLink(publicUrl: string, token: string): string {
  return siteUrl(publicUrl, `/reset-password/${token}`);
}

export function passwordResetEmail(link: string): Email {
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
export function googleAccountEmail(publicUrl: string): Email {
  return email(
    "Signing in to Family Portal",
    [
      "Someone, hopefully you, asked to reset the password of your Family Portal account.",
      'Your account doesn\'t use a password: you sign in with "Continue with Google", using the Google account you chose when you joined.',
      "Didn't ask for this? You can ignore this email.",
    ],
    { label: "Sign in", href: siteUrl(publicUrl, "/sign-in") },
  );
}

export function passwordChangedEmail(publicUrl: string): Email {
  return email(
    "Your Family Portal password was changed",
    [
      "The password of your Family Portal account was just changed in Account settings, and every other device was signed out.",
      "Wasn't you? Choose a new password now with the link above, then tell your child's school.",
    ],
    { label: "Reset your password", href: siteUrl(publicUrl, "/forgot-password") },
  );
}
