// The ids and secrets keep their exact form after base32 moved from @oslojs/encoding to our own loop.
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32, newId, newSecret } from "../src/lib/random";

describe("base32", () => {
  it("gives what @oslojs/encoding gives, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 41 }), (bytes) => {
        expect(base32(bytes)).toBe(encodeBase32LowerCaseNoPadding(bytes));
      }),
      { numRuns: 500 },
    );
    expect(base32(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe("77777777");
    expect(base32(new Uint8Array([]))).toBe("");
  });

  it("makes ids of 16 and secrets of 32 base32 characters", () => {
    expect(newId("inv")).toMatch(/^inv_[a-z2-7]{16}$/);
    expect(newSecret("fpd_")).toMatch(/^fpd_[a-z2-7]{32}$/);
    expect(new Set(Array.from({ length: 1000 }, () => newId("x"))).size).toBe(1000);
  });
});
