/**
 * Badge login at /badges: which device is knocking (for the rate limit), the short-lived signed
 * state between a scan and the PIN, and the per-badge lock after wrong PINs.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Bindings } from "../env";
import { safeEqual } from "../lib/random";
import { MINUTE } from "../lib/time";
import { BADGE_QR_PREFIX } from "./image";

/** A long-lived random cookie naming this browser, so one classroom's devices don't share one limit. */
export const DEVICE_COOKIE = "fp_device";
export const DEVICE_PATTERN = /^[a-z2-7]{32}$/;

/** The rate-limit key of a badge login: the device cookie, else the client's address. */
export function deviceKey(cookie: string | undefined, ip: string | undefined): string {
  if (cookie && DEVICE_PATTERN.test(cookie)) return `badge-login:device:${cookie}`;
  return `badge-login:ip:${(ip ?? "unknown").slice(0, 64)}`;
}

/** The token from what the scanner read: "FPBADGE:<token>" or the bare token. */
export function scannedToken(text: string): string {
  const t = text.trim();
  return t.toUpperCase().startsWith(BADGE_QR_PREFIX) ? t.slice(BADGE_QR_PREFIX.length) : t;
}

/** Five wrong PINs lock that badge for fifteen minutes (a teacher's new badge starts afresh). */
export const PIN_FAILURES = { limit: 5, windowMs: 15 * MINUTE } as const;
export const pinFailureKey = (badgeId: string) => `badge-pin:${badgeId}`;

/** Wrong PINs so far for this badge within the window. */
export function pinFailures(env: Pick<Bindings, "RATE_LIMITER">, badgeId: string): Promise<number> {
  return env.RATE_LIMITER.getByName(pinFailureKey(badgeId)).peek(PIN_FAILURES.windowMs);
}

/** Records a wrong PIN after `before` earlier ones (from pinFailures); true when the badge is now locked. */
export async function recordPinFailure(env: Pick<Bindings, "RATE_LIMITER">, badgeId: string, before: number): Promise<boolean> {
  await env.RATE_LIMITER.getByName(pinFailureKey(badgeId)).hit(PIN_FAILURES.limit, PIN_FAILURES.windowMs);
  return before + 1 >= PIN_FAILURES.limit;
}

/** Between the scan and the PIN: a cookie naming the scanned badge, signed, for five minutes. */
export const PIN_STEP_COOKIE = "fp_badge_pin";
export const PIN_STEP_SECONDS = 5 * 60;

const sign = (secret: string, payload: string) =>
  encodeHexLowerCase(hmac(SHA256, new TextEncoder().encode(secret), new TextEncoder().encode(`badge-pin-step:${payload}`)));

export function pinStepValue(secret: string, badgeId: string, at: number): string {
  const payload = `${badgeId}.${at + PIN_STEP_SECONDS * 1000}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The badge id in a pin-step cookie, when it is ours and not expired. */
export function readPinStep(secret: string, value: string | undefined, at: number): string | null {
  const parts = value?.split(".");
  if (!parts || parts.length !== 3) return null;
  const [badgeId, expires, mac] = parts as [string, string, string];
  if (!/^bdg_[a-z2-7]+$/.test(badgeId) || !/^\d{1,15}$/.test(expires)) return null;
  if (!safeEqual(mac, sign(secret, `${badgeId}.${expires}`)) || Number(expires) <= at) return null;
  return badgeId;
}
