// A parent's way in through the pages: the invitation link, the account step, the email link.
import { expect } from "vitest";
import { Browser } from "./browser";
import type { SentInvitation } from "./invitations";
import { latestLinkToken } from "./mail";

/** Opens an invitation link and answers "Yes, this is my child"; returns the page that follows. */
export async function confirmChild(b: Browser, token: string): Promise<Response> {
  expect((await b.get(`/i/${token}`)).status).toBe(200);
  return b.post(`/i/${token}/confirm`);
}

/** "Continue with email" on the account step; returns the response after redirects. */
export function postSignUpForm(b: Browser, email: string, opts: { name?: string; password?: string } = {}): Promise<Response> {
  return b.post("/join/email", { name: opts.name ?? "Jordan Johnson", email, password: opts.password ?? "maple syrup pancakes 42" });
}

/** Opens the newest confirmation link mailed to `email` and presses the button; returns the landing page. */
export async function confirmEmail(b: Browser, email: string): Promise<Response> {
  const token = await latestLinkToken(email, "/verify-email/");
  const page = await b.get(`/verify-email/${token}`);
  expect(page.status).toBe(200);
  return b.post(`/verify-email/${token}`);
}

/**
 * A new browser opens this invitation's link, confirms the child and posts the sign-up form (see
 * postSignUpForm); returns the browser and the page that followed.
 */
export async function signUpThrough(invitation: SentInvitation, email: string, opts: { name?: string; password?: string } = {}): Promise<{ browser: Browser; page: Response }> {
  const browser = new Browser();
  await confirmChild(browser, invitation.token);
  return { browser, page: await postSignUpForm(browser, email, opts) };
}
