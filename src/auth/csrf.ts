import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { randomBytes, safeEqual } from "../lib/random";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { CSRF_FIELD } from "../lib/csrf-field";
import { readShortCookie, setShortCookie } from "./cookies";
import { SECRET } from "../lib/ids";
import { plainErrorPage } from "../error-pages";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_COOKIE = "fp_csrf";
const YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Refuses cross-site unsafe requests to the pages (the JSON API uses bearer tokens, not
 * cookies). Modern browsers say where a request comes from (Sec-Fetch-Site, Origin); for old
 * ones that send neither, every form carries a double-submit token (`_csrf`) matching a cookie.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const self = new URL(c.req.url).origin;
  let allowed: boolean;
  if (site) allowed = site === "same-origin" || site === "none";
  else if (origin && origin !== "null") allowed = origin === self;
  else allowed = await formTokenMatches(c.req.raw.clone(), readShortCookie(c, CSRF_COOKIE));
  // Before chooseLanguage: the refusal's language comes from the request itself (error-pages.tsx).
  if (!allowed) return plainErrorPage(c, 403, "crossSite");
  return next();
});

async function formTokenMatches(req: Request, cookie: string | undefined): Promise<boolean> {
  if (!cookie) return false;
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data")) return false;
  const value = (await req.formData()).get(CSRF_FIELD);
  return typeof value === "string" && safeEqual(value, cookie);
}

/**
 * Gives every page request its double-submit token in `c.var.csrfToken`, which the views put in
 * each form's hidden field: the browser's cookie when it has a valid one, else a new token whose
 * cookie goes with the answer when it is a page (HTML), so rendering never sets cookies.
 */
export const csrfFormToken = createMiddleware<AppEnv>(async (c, next) => {
  const existing = readShortCookie(c, CSRF_COOKIE);
  const kept = existing && SECRET.test(existing) ? existing : null;
  const token = kept ?? encodeBase32LowerCaseNoPadding(randomBytes(20));
  c.set("csrfToken", token);
  await next();
  if (!kept && c.res.headers.get("content-type")?.startsWith("text/html")) setShortCookie(c, CSRF_COOKIE, token, YEAR_SECONDS);
});
