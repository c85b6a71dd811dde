// Inbound texts as Twilio posts them: form fields signed with SMS_WEBHOOK_SECRET.
import { env } from "cloudflare:workers";
import { twilioSignature } from "../../src/sms/signature";
import { newId } from "../../src/lib/random";
import { call, ORIGIN } from "./requests";

export const WEBHOOK_SECRET = "test-sms-webhook-secret";

export const newMessageSid = () => `SM${newId("x").slice(2)}0123456789`;

/** POSTs an inbound text to /hooks/sms, signed (or with `signature` given, e.g. a wrong one). */
export function inboundText(fields: { From: string; Body: string; MessageSid?: string; To?: string }, signature?: string | null): Promise<Response> {
  const params: Record<string, string> = { To: fields.To ?? "+15005550006", From: fields.From, Body: fields.Body, MessageSid: fields.MessageSid ?? newMessageSid(), AccountSid: "AC0123456789" };
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  const sig = signature === undefined ? twilioSignature(WEBHOOK_SECRET, `${ORIGIN}/hooks/sms`, params) : signature;
  if (sig !== null) headers["x-twilio-signature"] = sig;
  return call("/hooks/sms", { method: "POST", headers, body: new URLSearchParams(params).toString() });
}

/** The texts to a number of one kind, oldest first. */
export async function textsTo(phone: string, kind?: string): Promise<{ kind: string; body_text: string; status: string }[]> {
  const { results } = await env.DB.prepare(`SELECT kind, body_text, status FROM outbox WHERE to_address = ? AND channel = 'sms' ${kind ? "AND kind = ?" : ""} ORDER BY created_at, rowid`)
    .bind(...(kind ? [phone, kind] : [phone]))
    .all<{ kind: string; body_text: string; status: string }>();
  return results;
}
