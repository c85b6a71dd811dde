import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { SessionKind } from "./sessions";
import { SESSION_LIMITS } from "./sessions";

/**
 * `__Host-` cookies over https (Secure, no Domain, Path=/); over plain http on 127.0.0.1 in
 * development the prefix and Secure are impossible, so the plain name is used.
 */
function cookieName(c: Context, base: string): { name: string; secure: boolean } {
  const secure = new URL(c.req.url).protocol === "https:";
  return { name: secure ? `__Host-${base}` : base, secure };
}

export const SESSION_COOKIE = "fp_session";
/** Marks a browser where a parent signed in with their password before (see trusted-devices.ts). */
export const TRUSTED_DEVICE_COOKIE = "fp_trusted_device";

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c, SESSION_COOKIE).name);
}

export function setSessionCookie(c: Context, token: string, kind: SessionKind): void {
  const { name, secure } = cookieName(c, SESSION_COOKIE);
  setCookie(c, name, token, {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "Lax",
    // Students' cookies die with the browser as well as after eight hours.
    maxAge: kind === "student" ? undefined : Math.floor(SESSION_LIMITS[kind].absolute / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  const { name, secure } = cookieName(c, SESSION_COOKIE);
  deleteCookie(c, name, { path: "/", secure });
}

export function readTrustedDeviceCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c, TRUSTED_DEVICE_COOKIE).name);
}

/** Long-lived and HttpOnly like the session cookie; it outlives sign-out on purpose. */
export function setTrustedDeviceCookie(c: Context, value: string, maxAgeSeconds: number): void {
  const { name, secure } = cookieName(c, TRUSTED_DEVICE_COOKIE);
  setCookie(c, name, value, { path: "/", httpOnly: true, secure, sameSite: "Lax", maxAge: maxAgeSeconds });
}

/** A short-lived cookie (OAuth state, PKCE verifier, CSRF token). */
export function setShortCookie(c: Context, base: string, value: string, maxAgeSeconds: number): void {
  const { name, secure } = cookieName(c, base);
  setCookie(c, name, value, { path: "/", httpOnly: true, secure, sameSite: "Lax", maxAge: maxAgeSeconds });
}

export function readShortCookie(c: Context, base: string): string | undefined {
  return getCookie(c, cookieName(c, base).name);
}

export function clearShortCookie(c: Context, base: string): void {
  const { name, secure } = cookieName(c, base);
  deleteCookie(c, name, { path: "/", secure });
}
