/**
 * OWASP's "device cookies": a browser where a parent signed in with the right password carries a
 * random token whose SHA-256 is in trusted_devices. Signing in from it, that account's wrong
 * passwords count against the device alone, so nobody else's guessing can lock the owner out.
 * A browser remembers a few accounts (a family computer), newest first.
 */
import { and, eq, gt, inArray } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../db/client";
import { trustedDevices } from "../db/schema";
import { hashToken, newId, newSecret } from "../lib/random";
import { DAY } from "../lib/time";
import { readTrustedDeviceCookie, setTrustedDeviceCookie } from "./cookies";
import { SECRET } from "../lib/ids";

/** Cookie lifetime; a device unused for longer is not trusted any more. */
export const TRUSTED_DEVICE_TTL = 365 * DAY;
/** Accounts one browser remembers. */
const MAX_ACCOUNTS = 5;

export interface TrustedDevice {
  id: string;
  token: string;
}

/** The well-formed tokens in this browser's cookie (at most MAX_ACCOUNTS). */
export function readDeviceTokens(c: Context): string[] {
  return (readTrustedDeviceCookie(c) ?? "").split(".").filter((t) => SECRET.test(t)).slice(0, MAX_ACCOUNTS);
}

/** The device row of THIS account among the browser's tokens, if still fresh; another account's token is nothing here. */
export async function findTrustedDevice(db: Db, userId: string, tokens: readonly string[], now: number): Promise<TrustedDevice | null> {
  if (tokens.length === 0) return null;
  const byHash = new Map(tokens.map((t) => [hashToken(t), t]));
  const row = await db
    .select({ id: trustedDevices.id, tokenHash: trustedDevices.tokenHash })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.userId, userId), inArray(trustedDevices.tokenHash, [...byHash.keys()]), gt(trustedDevices.lastUsedAt, now - TRUSTED_DEVICE_TTL)))
    .get();
  const token = row ? byHash.get(row.tokenHash) : undefined;
  return row && token ? { id: row.id, token } : null;
}

/** After a right password: remember this browser for the account (a new token, or the known one refreshed). */
export async function trustThisDevice(c: Context, db: Db, userId: string, known: TrustedDevice | null, now: number): Promise<void> {
  let token: string;
  if (known) {
    token = known.token;
    await db.update(trustedDevices).set({ lastUsedAt: now }).where(eq(trustedDevices.id, known.id));
  } else {
    token = newSecret();
    await db.insert(trustedDevices).values({ id: newId("dev"), userId, tokenHash: hashToken(token), createdAt: now, lastUsedAt: now });
  }
  const others = readDeviceTokens(c).filter((t) => t !== token);
  setTrustedDeviceCookie(c, [token, ...others].slice(0, MAX_ACCOUNTS).join("."), Math.floor(TRUSTED_DEVICE_TTL / 1000));
}

/** Forgets every trusted device of an account (password reset, account deletion), as a statement for a batch. */
export function forgetTrustedDevices(db: Db, userId: string) {
  return db.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
}
