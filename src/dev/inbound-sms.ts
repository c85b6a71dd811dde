/**
 * The dev mailbox's "Reply by text" form: builds the inbound text Twilio would post (same fields,
 * signed with SMS_WEBHOOK_SECRET the same way) and sends it through the whole app to the real
 * POST /hooks/sms, so the loop (notice → reply → thread) runs locally without a provider.
 */
import type { Context } from "hono";
import { config } from "../config";
import type { AppEnv, Bindings } from "../env";
import { newId } from "../lib/random";
import { twilioSignature } from "../sms/signature";

export type AppFetch = (request: Request, env: Bindings, ctx: ExecutionContext) => Response | Promise<Response>;

/** A POST handler for /dev/mailbox/inbound-sms; `appFetch` is the worker's own fetch (src/index.ts). */
export function devInboundSms(appFetch: AppFetch) {
  return async (c: Context<AppEnv>) => {
    const form = await c.req.parseBody();
    const from = typeof form.From === "string" ? form.From.trim().slice(0, 32) : "";
    const body = typeof form.Body === "string" ? form.Body.slice(0, 1600) : "";
    const secret = config(c.env).smsWebhookSecret;
    if (!from || !secret) return c.text(secret ? "From is required." : "Set SMS_WEBHOOK_SECRET in .dev.vars to send texts to /hooks/sms.", 400);
    const url = new URL("/hooks/sms", c.req.url).toString();
    const params = { From: from, To: "+15005550006", Body: body, MessageSid: `SMdev${newId("x").slice(2)}`, AccountSid: "ACdevmailbox" };
    const request = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(secret, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    const res = await appFetch(request, c.env, c.executionCtx);
    if (res.status !== 200) return c.text(`/hooks/sms answered ${res.status}`, 502);
    return c.redirect(`/dev/mailbox?to=${encodeURIComponent(from)}`, 303);
  };
}
