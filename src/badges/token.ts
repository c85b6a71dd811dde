import { and, eq, isNull } from "drizzle-orm";
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "../db/client";
import { badges, districts, students } from "../db/schema";
import { hashToken, safeEqual } from "../lib/random";
import { now } from "../lib/time";
import { pinLocked } from "./login";
import { SECRET } from "../lib/ids";

/**
 * A badge's token and PIN are DERIVED from BADGE_SECRET and the badge id, never stored: pages can
 * redraw a badge's QR code from its id, while a database dump alone (token_hash, pin_hash) reveals
 * nothing usable.
 */

const encoder = new TextEncoder();
const mac = (secret: string, message: string) => hmac(SHA256, encoder.encode(secret), encoder.encode(message));

/** 160 bits, as for every other bearer secret here; 32 base32 characters keep the QR code small. */
const TOKEN_BYTES = 20;

/** The token printed in a badge's QR code: base32(HMAC-SHA256(secret, "badge:" + id)), truncated to 160 bits. */
export function badgeToken(secret: string, badgeId: string): string {
  return encodeBase32LowerCaseNoPadding(mac(secret, `badge:${badgeId}`).slice(0, TOKEN_BYTES));
}

/** The badge's 6-digit PIN, from HMAC(secret, "pin:" + id); the modulo bias of a 32-bit draw is negligible. */
export function badgePin(secret: string, badgeId: string): string {
  const m = mac(secret, `pin:${badgeId}`);
  const n = ((m[0]! << 24) | (m[1]! << 16) | (m[2]! << 8) | m[3]!) >>> 0;
  return String(n % 1_000_000).padStart(6, "0");
}

/**
 * What pin_hash holds. Keyed, because a plain hash of a 6-digit PIN is undone by trying all
 * million PINs; this one cannot be checked without BADGE_SECRET.
 */
export function badgePinHash(secret: string, badgeId: string): string {
  return encodeHexLowerCase(mac(secret, `pin-hash:${badgeId}:${badgePin(secret, badgeId)}`));
}

/** Constant-time check of a PIN typed after a badge scan. */
export function verifyBadgePin(secret: string, badgeId: string, pin: string): boolean {
  return safeEqual(pin.trim(), badgePin(secret, badgeId));
}

export interface LiveBadge {
  badge: { id: string; districtId: string; studentId: string; createdAt: number };
  student: { id: string; districtId: string; sisId: string; schoolId: string; firstName: string; lastName: string };
  /** The district's current badgePin setting: ask for the PIN (verifyBadgePin) before signing in. */
  pinRequired: boolean;
  /** Too many wrong PINs lately (src/badges/login.ts): refused like any other failure. */
  pinLocked: boolean;
}

/**
 * The badge a scanned token belongs to, only while it is live: not voided, and the student's
 * badges are enabled. Accepts the token in either case (QR alphanumeric mode is upper case).
 */
export async function findLiveBadgeByToken(db: Db, token: string, at = now()): Promise<LiveBadge | null> {
  const normal = token.trim().toLowerCase();
  if (!SECRET.test(normal)) return null;
  const row = await db
    .select({
      id: badges.id,
      districtId: badges.districtId,
      createdAt: badges.createdAt,
      studentId: students.id,
      sisId: students.sisId,
      schoolId: students.schoolId,
      firstName: students.firstName,
      lastName: students.lastName,
      pinRequired: districts.badgePin,
      pinLocked: pinLocked(at),
    })
    .from(badges)
    .innerJoin(students, and(eq(students.id, badges.studentId), eq(students.districtId, badges.districtId)))
    .innerJoin(districts, eq(districts.id, badges.districtId))
    .where(and(eq(badges.tokenHash, hashToken(normal)), isNull(badges.voidedAt), eq(students.badgesEnabled, true)))
    .get();
  if (!row) return null;
  return {
    badge: { id: row.id, districtId: row.districtId, studentId: row.studentId, createdAt: row.createdAt },
    student: { id: row.studentId, districtId: row.districtId, sisId: row.sisId, schoolId: row.schoolId, firstName: row.firstName, lastName: row.lastName },
    pinRequired: row.pinRequired,
    pinLocked: Boolean(row.pinLocked),
  };
}
