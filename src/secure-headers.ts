/**
 * The security headers of every answer (SPEC 4): what Hono's secureHeaders gave us with our
 * options, as one fixed list, since its nonce, reporting and permissions machinery (unused here)
 * cost 3 KB of the worker's budgeted bundle (issue 15, item 5). test/secure-headers.test.ts pins them.
 */
import { createMiddleware } from "hono/factory";

const CONTENT_SECURITY_POLICY = [
  // Nothing from another origin, no inline script: htmx and our own files only.
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

const HEADERS: readonly (readonly [string, string])[] = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "same-origin"],
  ["Strict-Transport-Security", "max-age=63072000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "DENY"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
];

export const secureHeaders = createMiddleware(async (c, next) => {
  await next();
  for (const [name, value] of HEADERS) c.res.headers.set(name, value);
  c.res.headers.delete("X-Powered-By");
});
