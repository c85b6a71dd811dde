import type { Context } from "hono";
import { Google, decodeIdToken, generateCodeVerifier, generateState } from "arctic";
import { config, type ConfigSource } from "../config";
import type { AppEnv } from "../env";
import { clearShortCookie, readShortCookie, setShortCookie } from "./cookies";
import { safeEqual } from "../lib/random";

/**
 * Google sign-in (OpenID Connect, authorization code + PKCE) behind one small module, so the
 * OAuth library can be swapped. Users are keyed by Google's `sub`, never by email alone.
 */
export interface GoogleProfile {
  sub: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export type GooglePurpose = "parent" | "teacher";

const STATE_COOKIE = "fp_google_state";
const VERIFIER_COOKIE = "fp_google_verifier";
const TEN_MINUTES = 600;

export function googleConfigured(env: ConfigSource): boolean {
  return config(env).google !== null;
}

/** Each purpose has its own callback URL (register both in Google's console). */
export function googleCallbackPath(purpose: GooglePurpose): string {
  return purpose === "teacher" ? "/teacher/auth/google/callback" : "/auth/google/callback";
}

function client(env: ConfigSource, purpose: GooglePurpose): Google {
  const { google, publicUrl } = config(env);
  return new Google(google?.clientId ?? "", google?.clientSecret ?? "", new URL(googleCallbackPath(purpose), publicUrl).toString());
}

/** Starts sign-in: state and PKCE verifier in short-lived cookies, then a redirect to Google. */
export function startGoogleSignIn(c: Context<AppEnv>, purpose: GooglePurpose): Response {
  const state = generateState();
  const verifier = generateCodeVerifier();
  setShortCookie(c, STATE_COOKIE, state, TEN_MINUTES);
  setShortCookie(c, VERIFIER_COOKIE, verifier, TEN_MINUTES);
  const url = client(c.env, purpose).createAuthorizationURL(state, verifier, ["openid", "email", "profile"]);
  url.searchParams.set("prompt", "select_account");
  return c.redirect(url.toString(), 302);
}

/**
 * Finishes sign-in from Google's redirect. Any failure (bad state, bad code, Google down, a
 * malformed token) is null: callers answer with one generic 400 and create nothing.
 */
export async function finishGoogleSignIn(c: Context<AppEnv>, purpose: GooglePurpose): Promise<GoogleProfile | null> {
  const state = c.req.query("state");
  const code = c.req.query("code");
  const storedState = readShortCookie(c, STATE_COOKIE);
  const verifier = readShortCookie(c, VERIFIER_COOKIE);
  clearShortCookie(c, STATE_COOKIE);
  clearShortCookie(c, VERIFIER_COOKIE);
  if (!state || !code || !storedState || !verifier || !safeEqual(state, storedState)) return null;
  try {
    const tokens = await client(c.env, purpose).validateAuthorizationCode(code, verifier);
    // The ID token came straight from Google's token endpoint over TLS, so its signature need not
    // be checked again (OpenID Connect Core 3.1.3.7).
    const claims = decodeIdToken(tokens.idToken()) as Record<string, unknown>;
    const aud = claims.aud;
    const clientId = config(c.env).google?.clientId;
    const audOk = aud === clientId || (Array.isArray(aud) && aud.includes(clientId));
    const issOk = claims.iss === "https://accounts.google.com" || claims.iss === "accounts.google.com";
    if (typeof claims.sub !== "string" || !claims.sub || !audOk || !issOk) return null;
    return {
      sub: claims.sub,
      email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === "string" ? claims.name.slice(0, 200) : null,
    };
  } catch {
    return null;
  }
}
