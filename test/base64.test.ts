// src/lib/base64.ts replaced @oslojs/encoding's base64 in the worker: same output, and as strict
// about what it reads (stored password hashes, cursors from query strings, Google's ID token).
import { describe, expect, it } from "vitest";
import { decodeBase64, decodeBase64urlIgnorePadding, encodeBase64, encodeBase64urlNoPadding } from "../src/lib/base64";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("base64", () => {
  it("encodes and decodes every length, both alphabets", () => {
    expect(encodeBase64(bytes())).toBe("");
    expect(encodeBase64(bytes(0xfb))).toBe("+w==");
    expect(encodeBase64(bytes(0xfb, 0xff))).toBe("+/8=");
    expect(encodeBase64(new TextEncoder().encode("hello"))).toBe("aGVsbG8=");
    expect(encodeBase64urlNoPadding(bytes(0xfb, 0xff))).toBe("-_8");
    for (let n = 0; n < 40; n++) {
      const b = crypto.getRandomValues(new Uint8Array(n));
      expect(decodeBase64(encodeBase64(b))).toEqual(b);
      expect(decodeBase64urlIgnorePadding(encodeBase64urlNoPadding(b))).toEqual(b);
    }
    expect(decodeBase64urlIgnorePadding("-_8=")).toEqual(bytes(0xfb, 0xff));
  });

  it("refuses what no encoder writes: other characters, whitespace, a missing padding, an impossible length", () => {
    for (const bad of ["a b=", "aGVsbG8", "aGVsbG8==", "a", "-_8=", "aGVs\nbG8="]) expect(() => decodeBase64(bad), bad).toThrow();
    for (const bad of ["+/8", "a", "ab c", "abcde"]) expect(() => decodeBase64urlIgnorePadding(bad), bad).toThrow();
  });
});
