/**
 * `POST /hooks/sms`: inbound texts in Twilio's webhook format (form fields From, To, Body,
 * MessageSid; header X-Twilio-Signature). Outside the pages' CSRF check: the signature is what
 * proves the provider sent it. A bad or missing signature: 403 and nothing read further or stored.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { config } from "../config";
import type { AppEnv } from "../env";
import { handleInbound } from "./inbound";
import { validTwilioSignature } from "./signature";

/** Twilio's inbound parameters are a few hundred bytes; a text's body is at most 1600 characters. */
const HOOK_BODY_LIMIT_BYTES = 32 * 1024;
const MESSAGE_SID = /^[A-Za-z0-9]{10,64}$/;

export const smsHookRoutes = new Hono<AppEnv>();

smsHookRoutes.post(
  "/sms",
  bodyLimit({ maxSize: HOOK_BODY_LIMIT_BYTES, onError: (c) => c.text("Payload Too Large", 413) }),
  async (c) => {
    const params = await readParams(c.req.raw.clone());
    if (!params || !validTwilioSignature(config(c.env).smsWebhookSecret, c.req.url, params, c.req.header("x-twilio-signature"))) {
      return c.text("Forbidden", 403);
    }
    const { From: from, Body: body, MessageSid: messageSid } = params;
    if (from && messageSid && MESSAGE_SID.test(messageSid)) {
      await handleInbound(c.env, (p) => c.executionCtx.waitUntil(p), { from, body: body ?? "", messageSid });
    }
    // Empty TwiML: we answer by our own outbox (STOP-aware, retried), not inline.
    return c.body('<?xml version="1.0" encoding="UTF-8"?><Response/>', 200, { "content-type": "text/xml" });
  },
);

/** Every form field as a string (a repeated name keeps its last value); null for another body. */
async function readParams(req: Request): Promise<Record<string, string> | null> {
  if (!/^application\/x-www-form-urlencoded/i.test(req.headers.get("content-type") ?? "")) return null;
  const form = new URLSearchParams(await req.text());
  const out: Record<string, string> = {};
  for (const [k, v] of form) out[k] = v;
  return out;
}
