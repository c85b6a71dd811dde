/**
 * Sets `c.var.locale` on every page request (after loadActor), by the rules of negotiate.ts, and
 * says which language the answer is in. Invitation pages add the invitation's language with
 * preferInvitationLanguage before they render.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { readShortCookie } from "../auth/cookies";
import { localeOf } from "./locale";
import { resolveLanguage, type LanguageSources } from "./negotiate";

/** The switcher's choice, for a year (a shared family computer keeps it; signing in may override it). */
export const LANGUAGE_COOKIE = "fp_lang";
export const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

function sourcesOf(c: Context<AppEnv>): LanguageSources {
  const actor = c.get("actor");
  const saved = actor?.kind === "parent" ? actor.user.language : actor?.kind === "teacher" ? actor.teacher.language : null;
  return { saved, chosen: readShortCookie(c, LANGUAGE_COOKIE), acceptLanguage: c.req.header("accept-language") };
}

export const chooseLanguage = createMiddleware<AppEnv>(async (c, next) => {
  // The time zone is the signed-in person's district's (loaded with them); the default for everyone else.
  c.set("locale", await localeOf(resolveLanguage(sourcesOf(c)), c.get("actor")?.timeZone));
  await next();
  c.header("content-language", c.get("locale").tag);
  c.header("vary", "Accept-Language", { append: true });
});

/** On an invitation's pages: the family's language (from the district) comes before the browser's. */
export async function preferInvitationLanguage(c: Context<AppEnv>, language: string | null | undefined): Promise<void> {
  c.set("locale", await localeOf(resolveLanguage({ ...sourcesOf(c), invitation: language }), c.get("locale").timeZone));
}
