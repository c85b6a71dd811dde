// A parent's way in through the pages: the invitation link, the account step, the email link.
import { expect } from "vitest";
import type { Browser } from "./browser";
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
