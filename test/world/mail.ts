// The outbox: what the portal mailed (or texted) to an address, and the links in it.
import { env } from "cloudflare:workers";
import { vi } from "vitest";

export interface OutboxRowView {
  id: string;
  kind: string;
  channel: string;
  to_address: string;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  student_id: string | null;
  district_id: string | null;
}

/** Every message to an address, oldest first. */
export async function mailTo(address: string): Promise<OutboxRowView[]> {
  const { results } = await env.DB.prepare("SELECT * FROM outbox WHERE to_address = ? ORDER BY created_at, rowid").bind(address).all<OutboxRowView>();
  return results;
}

/** The newest message to an address, or null. */
export async function lastMailTo(address: string): Promise<OutboxRowView | null> {
  return env.DB.prepare("SELECT * FROM outbox WHERE to_address = ? ORDER BY created_at DESC, rowid DESC LIMIT 1").bind(address).first<OutboxRowView>();
}

/** The token of the newest link with this path prefix in mail to `address`. */
export async function latestLinkToken(address: string, prefix: "/i/" | "/verify-email/"): Promise<string> {
  const { results } = await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ? ORDER BY created_at DESC, rowid DESC").bind(address).all<{ body_text: string }>();
  for (const r of results) {
    const m = r.body_text.match(new RegExp(`${prefix.replace(/\//g, "\\/")}([a-z2-7]{16,64})`));
    if (m?.[1]) return m[1];
  }
  throw new Error(`no ${prefix} link in mail to ${address}`);
}

/** The token in an invitation link (`…/i/<token>`). */
export function tokenFromText(text: string): string {
  const m = text.match(/\/i\/([a-z2-7]+)/);
  if (!m?.[1]) throw new Error(`no invitation link in: ${text}`);
  return m[1];
}

/** The outbox dispatcher may try to deliver in the background; keep it off the network. */
export function stubMailApis(): void {
  vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response(JSON.stringify({ id: "stub" }), { status: 200, headers: { "content-type": "application/json" } }));
}
