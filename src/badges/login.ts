/**
 * Badge login at /badges: which device and which badge are knocking (for the rate limits), the
 * short-lived signed state between a scan and the PIN, and the per-badge lock after wrong PINs.
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "../db/client";
import { badges } from "../db/schema";
import { safeEqual } from "../lib/random";
import { MINUTE } from "../lib/time";
import { BADGE_QR_PREFIX } from "./image";
import { BADGE_ID } from "../lib/ids";

/** "family.example.org/badges": where a child logs in, printed on badges and in a parent's steps. */
export const badgeLoginHint = (publicUrl: string) => `${new URL(publicUrl).host}/badges`;

/** The token from what the scanner read: "FPBADGE:<token>" or the bare token. */
export function scannedToken(text: string): string {
  const t = text.trim();
  return t.toUpperCase().startsWith(BADGE_QR_PREFIX) ? t.slice(BADGE_QR_PREFIX.length) : t;
}

/**
 * Tries per badge, whatever device cookie they carry (the client chooses that cookie): counted
 * once a scanned token or a PIN-step cookie names a badge.
 */
export const BADGE_LOGIN_PER_BADGE = { limit: 10, windowMs: MINUTE } as const;
export const badgeLimitKey = (badgeId: string) => `badge-login:badge:${badgeId}`;

/**
 * Five wrong PINs lock that badge for fifteen minutes after the first of them (a teacher's new
 * badge starts afresh). The count lives in the badge's own row (pin_failures, pin_failures_since).
 */
export const PIN_FAILURES = { limit: 5, windowMs: 15 * MINUTE } as const;

/** The count of wrong PINs is from an earlier window (or there is none): it starts again. */
const countExpired = (at: number) => sql`(${badges.pinFailuresSince} IS NULL OR ${badges.pinFailuresSince} <= ${at - PIN_FAILURES.windowMs})`;

/** SQL: this badge is locked now (for the query that finds the badge, so a locked scan fails at once). */
export const pinLocked = (at: number) => sql<number>`(${badges.pinFailures} >= ${PIN_FAILURES.limit} AND NOT ${countExpired(at)})`;

/**
 * Takes one PIN check for a live badge BEFORE the PIN is compared, counted as a wrong PIN until
 * the PIN proves right (clearPinFailures): one conditional UPDATE, so parallel tries cannot all
 * slip under the limit. Returns the wrong PINs counted including this one, or null when the
 * badge is locked (or voided meanwhile): then nothing may be checked.
 */
export async function reservePinCheck(db: Db, badgeId: string, at: number): Promise<number | null> {
  const row = await db
    .update(badges)
    .set({
      pinFailures: sql`CASE WHEN ${countExpired(at)} THEN 1 ELSE ${badges.pinFailures} + 1 END`,
      pinFailuresSince: sql`CASE WHEN ${countExpired(at)} THEN ${at} ELSE ${badges.pinFailuresSince} END`,
    })
    .where(and(eq(badges.id, badgeId), isNull(badges.voidedAt), or(lt(badges.pinFailures, PIN_FAILURES.limit), countExpired(at))))
    .returning({ failures: badges.pinFailures })
    .get();
  return row?.failures ?? null;
}

/** A right PIN: the badge's count starts again (in the batch that signs the student in). */
export function clearPinFailures(db: Db, badgeId: string) {
  return db.update(badges).set({ pinFailures: 0, pinFailuresSince: null }).where(eq(badges.id, badgeId));
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
  if (!BADGE_ID.test(badgeId) || !/^\d{1,15}$/.test(expires)) return null;
  if (!safeEqual(mac, sign(secret, `${badgeId}.${expires}`)) || Number(expires) <= at) return null;
  return badgeId;
}
