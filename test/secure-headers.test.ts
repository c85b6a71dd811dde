// The security headers every answer carries (SPEC 4), exactly as Hono's secureHeaders sets them
// with our options (src/index.ts): a change of options or of Hono's defaults shows here.
import { describe, expect, it } from "vitest";
import { call } from "./world";

const EXPECTED: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "same-origin",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};

describe("security headers", () => {
  it("are exactly these on a page, a redirect, a page error and an API answer", async () => {
    const answers = [await call("/"), await call("/account", { redirect: "manual" }), await call("/no-such-page"), await call("/api/v1/nothing")];
    for (const res of answers) {
      const got = Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, res.headers.get(name)]));
      expect(got, `${res.status} ${res.url}`).toEqual(EXPECTED);
      expect(res.headers.get("x-powered-by")).toBeNull();
      expect(res.headers.has("cross-origin-embedder-policy")).toBe(false);
    }
  });
});
