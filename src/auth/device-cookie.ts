/**
 * A long-lived random cookie naming this browser, so that the rate limits of badge login and
 * sign-up count per device: one classroom's or one family's devices don't share one limit.
 */
import type { Context } from "hono";
import { SECRET } from "../lib/ids";
import { newSecret } from "../lib/random";
import { readShortCookie, setShortCookie } from "./cookies";

export const DEVICE_COOKIE = "fp_device";
const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;

/** This browser's device cookie, when it is one we made. */
function deviceCookie(c: Context): string | undefined {
  const cookie = readShortCookie(c, DEVICE_COOKIE);
  return cookie && SECRET.test(cookie) ? cookie : undefined;
}

/** Gives this browser its device cookie if it has none yet. */
export function ensureDeviceCookie(c: Context): void {
  if (!deviceCookie(c)) setShortCookie(c, DEVICE_COOKIE, newSecret(), DEVICE_COOKIE_SECONDS);
}

/** The rate-limit key of this browser for `purpose`: its device cookie, else (cookie refused or dropped) the client's address. */
export function browserLimitKey(c: Context, purpose: string): string {
  const cookie = deviceCookie(c);
  if (cookie) return `${purpose}:device:${cookie}`;
  return `${purpose}:ip:${(c.req.header("cf-connecting-ip") ?? "unknown").slice(0, 64)}`;
}
