// "Forgot password", as a visitor asks for a link.
import { expect } from "vitest";
import { Browser } from "./browser";
import { lastMailTo } from "./mail";

/** Asks for a reset link on the form and returns the token of the link mailed to `mailbox`. */
export async function requestResetLink(email: string, mailbox = email.trim().toLowerCase()): Promise<string> {
  const b = new Browser();
  await b.get("/forgot-password");
  const res = await b.post("/forgot-password", { email }, { follow: false });
  expect(res.status).toBe(303);
  const mail = await lastMailTo(mailbox);
  const match = mail?.body_text.match(/\/reset-password\/([a-z2-7]{32})\b/);
  if (!match?.[1]) throw new Error(`no reset link mailed to ${mailbox}`);
  return match[1];
}
