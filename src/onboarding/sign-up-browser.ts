/**
 * Which browser may confirm a sign-up attempt with one press. The browser that signed up keeps a
 * random secret in a cookie (the attempt stores only its SHA-256); any other browser must type
 * the password chosen in that attempt. So the owner of an address who presses "Confirm" in an
 * email they never asked for cannot make an account with a stranger's password and children.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { readShortCookie, setShortCookie } from "../auth/cookies";
import { verifyPassword } from "../auth/password";
import { LIMITS, rateLimit, type RateVerdict } from "../auth/rate-limiter";
import { hashToken, newSecret, safeEqual } from "../lib/random";
import { SIGN_UP_TTL_MS, type SignUpLink } from "./sign-up-attempts";

export const SIGN_UP_COOKIE = "fp_signup";

/** A new secret for this browser's sign-up (set on every sign-up answer, so the cookie tells nothing); returns its hash. */
export function bindSignUpToBrowser(c: Context<AppEnv>): string {
  const secret = newSecret();
  setShortCookie(c, SIGN_UP_COOKIE, secret, Math.floor(SIGN_UP_TTL_MS / 1000));
  return hashToken(secret);
}

/** True when this browser made the attempt. */
export function isSigningUpBrowser(c: Context<AppEnv>, link: SignUpLink): boolean {
  const secret = readShortCookie(c, SIGN_UP_COOKIE);
  return Boolean(secret && secret.length <= 64 && link.attempt.browserHash && safeEqual(hashToken(secret), link.attempt.browserHash));
}

export type PasswordProof = { ok: true } | { ok: false; limited: RateVerdict | null };

/** From another browser: the attempt's own password, with a few tries per attempt. */
export async function provesAttemptPassword(c: Context<AppEnv>, link: SignUpLink, password: string): Promise<PasswordProof> {
  if (!password) return { ok: false, limited: null };
  const verdict = await rateLimit(c.env, `signup-confirm:attempt:${link.attempt.id}`, LIMITS.signUpConfirmPasswordPerAttempt);
  if (!verdict.allowed) return { ok: false, limited: verdict };
  return verifyPassword(password, link.attempt.passwordHash) ? { ok: true } : { ok: false, limited: null };
}
