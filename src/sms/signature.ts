/**
 * Twilio's webhook signature: Base64 of HMAC-SHA1 over the full URL the provider called, followed
 * by each form parameter's name and value in name order, keyed with SMS_WEBHOOK_SECRET. The dev
 * mailbox signs its inbound form the same way, so a local reply takes the real route.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA1 } from "@oslojs/crypto/sha1";
import { encodeBase64 } from "@oslojs/encoding";
import { safeEqual } from "../lib/random";

/** The string Twilio signs: the URL, then name+value of every parameter, names sorted (by code unit, as Twilio does). */
export function signedPayload(url: string, params: Record<string, string>): string {
  const names = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return url + names.map((n) => n + params[n]).join("");
}

export function twilioSignature(secret: string, url: string, params: Record<string, string>): string {
  const enc = new TextEncoder();
  return encodeBase64(hmac(SHA1, enc.encode(secret), enc.encode(signedPayload(url, params))));
}

/** True only for the right signature, compared in constant time; never true without a secret. */
export function validTwilioSignature(secret: string | null, url: string, params: Record<string, string>, header: string | undefined): boolean {
  if (!secret || !header) return false;
  return safeEqual(twilioSignature(secret, url, params), header.trim());
}
