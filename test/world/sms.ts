// Text messages: a parent's verified phone and their choice of channels, as Account settings would save them.
import { env } from "cloudflare:workers";

export const uniquePhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

/** Sets a verified phone and "text" (or "both" with `email`); returns the phone. */
export async function textsOn(userId: string, opts: { email?: boolean; language?: string } = {}): Promise<string> {
  const phone = uniquePhone();
  await env.DB.prepare("UPDATE users SET phone = ?, phone_verified_at = ?, notify_sms = 1, notify_unread = ?, language = ? WHERE id = ?")
    .bind(phone, Date.now(), opts.email ? 1 : 0, opts.language ?? null, userId)
    .run();
  return phone;
}
