/**
 * The language of an answer given before chooseLanguage has run — the body limit and the CSRF
 * check refuse a form first, a failure may come before the signed-in person is known, and /dev/*
 * answers 404 outside the pages — from what the request itself says: the switcher's cookie, then
 * Accept-Language, then English (negotiate.ts's rules without the saved language, which would need
 * the session and so D1). Once chooseLanguage has run, its choice stands.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { readShortCookie } from "../auth/cookies";
import { localeOf, type Locale } from "./locale";
import { LANGUAGE_COOKIE } from "./middleware";
import { resolveLanguage } from "./negotiate";

export async function requestLocale(c: Context<AppEnv>): Promise<Locale> {
  const chosen = c.get("locale") as Locale | undefined;
  return chosen ?? (await localeOf(resolveLanguage({ chosen: readShortCookie(c, LANGUAGE_COOKIE), acceptLanguage: c.req.header("accept-language") })));
}
