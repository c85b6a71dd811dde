import type { Context } from "hono";
import { sha256 } from "@noble/hashes/sha2.js";
import { decodeBase64urlIgnorePadding, encodeBase64, encodeBase64urlNoPadding } from "../lib/base64";
import { config, type ConfigSource } from "../config";
import type { AppEnv } from "../env";
import { clearShortCookie, readShortCookie, setShortCookie } from "./cookies";
import { safeEqual } from "../lib/random";

/**
 * Google sign-in (OpenID Connect, authorization code + PKCE) in one small module. Users are keyed
 * by Google's `sub`, never by email alone. Its own few lines of OAuth rather than a library (arctic,
 * with its 60-odd providers' shared code and a second copy of @oslojs/encoding): the worker's bundle
 * is budgeted (issue 15, item 5), and these are the only two requests we make.
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

const AUTHORIZATION_ENDPOINT = "https://accounts.google.com/o/oauth2/v2/auth";
const TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token";

function client(env: ConfigSource, purpose: GooglePurpose) {
  const { google, publicUrl } = config(env);
  return { clientId: google?.clientId ?? "", clientSecret: google?.clientSecret ?? "", redirectUri: new URL(googleCallbackPath(purpose), publicUrl).toString() };
}

/** 32 random bytes, base64url: the state and the PKCE verifier (RFC 7636 4.1). */
function randomToken(): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
}

/** The code for the verifier, in an ID token from Google's token endpoint; null for any failure (refused, down, malformed). */
async function exchangeCode(env: ConfigSource, purpose: GooglePurpose, code: string, verifier: string): Promise<string | null> {
  const { clientId, clientSecret, redirectUri } = client(env, purpose);
  const res = await fetch(TOKEN_ENDPOINT, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      authorization: `Basic ${encodeBase64(new TextEncoder().encode(`${clientId}:${clientSecret}`))}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier }).toString(),
  });
  if (res.status !== 200) return null;
  const data: unknown = await res.json();
  return data && typeof data === "object" && "id_token" in data && typeof data.id_token === "string" ? data.id_token : null;
}

/** Starts sign-in: state and PKCE verifier in short-lived cookies, then a redirect to Google. */
export function startGoogleSignIn(c: Context<AppEnv>, purpose: GooglePurpose): Response {
  const state = randomToken();
  const verifier = randomToken();
  setShortCookie(c, STATE_COOKIE, state, TEN_MINUTES);
  setShortCookie(c, VERIFIER_COOKIE, verifier, TEN_MINUTES);
  const { clientId, redirectUri } = client(c.env, purpose);
  const url = new URL(AUTHORIZATION_ENDPOINT);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    state,
    scope: "openid email profile",
    code_challenge_method: "S256",
    code_challenge: encodeBase64urlNoPadding(sha256(new TextEncoder().encode(verifier))),
    prompt: "select_account",
  }).toString();
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
    const idToken = await exchangeCode(c.env, purpose, code, verifier);
    // The ID token came straight from Google's token endpoint over TLS, so its signature need not
    // be checked again (OpenID Connect Core 3.1.3.7): only its claims (the JWT's middle part) are read.
    const payload = idToken?.split(".")[1];
    if (!payload) return null;
    const claims = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(payload))) as Record<string, unknown>;
    if (!claims || typeof claims !== "object") return null;
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
