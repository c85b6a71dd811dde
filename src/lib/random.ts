import { encodeHexLowerCase } from "@oslojs/encoding";
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";

/** n random bytes from the platform CSPRNG. */
export function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return bytes;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * RFC 4648 base32, lower case, no padding: what @oslojs/encoding's encodeBase32LowerCaseNoPadding
 * gives, without its BigInt arithmetic (ids and secrets were a tenth of a 1,000-invitation batch's CPU).
 */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    // At most 12 bits are ever waiting, so 16 are enough to keep.
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** A random, prefixed identifier such as `inv_3k9...` (80 bits: ids are not secrets). */
export function newId(prefix: string): string {
  return `${prefix}_${base32(randomBytes(10))}`;
}

/** A bearer secret of 160 bits, base32, optionally prefixed so leaked tokens are recognisable. */
export function newSecret(prefix = ""): string {
  return prefix + base32(randomBytes(20));
}

/** SHA-256 hex of a token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Constant-time comparison of two strings (e.g. a token hash with a stored one). */
export function safeEqual(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  return ea.length === eb.length && constantTimeEqual(ea, eb);
}
