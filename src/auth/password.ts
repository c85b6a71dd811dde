import { argon2id } from "@noble/hashes/argon2.js";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { randomBytes } from "../lib/random";

/**
 * Argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1). scrypt at OWASP's
 * N = 2^17 needs 128 MiB, the whole memory of a Worker isolate; PBKDF2 in workerd is capped at
 * 100,000 iterations. Stored in the PHC string format so parameters can be raised later.
 */
export const ARGON2_PARAMS = { m: 19_456, t: 2, p: 1, dkLen: 32 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = argon2id(new TextEncoder().encode(password), salt, ARGON2_PARAMS);
  const { m, t, p } = ARGON2_PARAMS;
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${encodeBase64(salt)}$${encodeBase64(hash)}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split("$");
  // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
  if (parts.length !== 6 || parts[1] !== "argon2id") return false;
  const params = Object.fromEntries((parts[3] ?? "").split(",").map((kv) => kv.split("=") as [string, string]));
  const m = Number(params.m), t = Number(params.t), p = Number(params.p);
  if (![m, t, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = decodeBase64(parts[4] ?? "");
  const expected = decodeBase64(parts[5] ?? "");
  const actual = argon2id(new TextEncoder().encode(password), salt, { m, t, p, dkLen: expected.length });
  return constantTimeEqual(actual, expected);
}
