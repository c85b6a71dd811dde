/**
 * The sign-up form mails whatever address is typed in, so it must not become a relay (trust
 * issue, finding 2): at most a few sign-ups an hour per confirmed invitation and per browser.
 * The browser is named by the long-lived random device cookie that badge login uses too.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { readShortCookie, setShortCookie } from "../../auth/cookies";
import { LIMITS, rateLimit } from "../../auth/rate-limiter";
import { DEVICE_COOKIE, DEVICE_PATTERN } from "../../badges/login";
import { newSecret } from "../../lib/random";

const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;

/** Gives this browser its device cookie if it has none yet (set where onboarding starts). */
export function ensureDeviceCookie(c: Context<AppEnv>): void {
  if (!DEVICE_PATTERN.test(readShortCookie(c, DEVICE_COOKIE) ?? "")) setShortCookie(c, DEVICE_COOKIE, newSecret(), DEVICE_COOKIE_SECONDS);
}

/** The browser's rate-limit key: its device cookie, else (cookie refused or dropped) the client's address. */
function browserKey(c: Context<AppEnv>): string {
  const cookie = readShortCookie(c, DEVICE_COOKIE);
  if (cookie && DEVICE_PATTERN.test(cookie)) return `signup:device:${cookie}`;
  return `signup:ip:${(c.req.header("cf-connecting-ip") ?? "unknown").slice(0, 64)}`;
}

/** Counts one sign-up for this browser and for each invitation it confirmed; false when any is over its limit. */
export async function signUpAllowed(c: Context<AppEnv>, invitationIds: readonly string[]): Promise<boolean> {
  const verdicts = await Promise.all([
    rateLimit(c.env, browserKey(c), LIMITS.signUpPerBrowser),
    ...invitationIds.map((id) => rateLimit(c.env, `signup:invitation:${id}`, LIMITS.signUpPerInvitation)),
  ]);
  return verdicts.every((v) => v.allowed);
}
