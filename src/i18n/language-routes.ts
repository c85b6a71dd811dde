/**
 * POST /language {lang, back}: the switcher. Works without JavaScript (a form button on every
 * page); remembers the choice in a cookie and, for a signed-in parent or teacher, in their account
 * (so it follows them to any browser and to their emails), then returns to the same page.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { safeNext } from "../lib/url";
import { setShortCookie } from "../auth/cookies";
import { getDb } from "../db/client";
import { teachers, users } from "../db/schema";
import { now } from "../lib/time";
import { LANGUAGE_COOKIE, LANGUAGE_COOKIE_SECONDS } from "./middleware";
import { CATALOGS } from "../generated/catalogs";

export const languageRoutes = new Hono<AppEnv>().post("/language", async (c) => {
  const body = await c.req.parseBody();
  const lang = typeof body.lang === "string" ? body.lang : "";
  const back = safeNext(typeof body.back === "string" ? body.back.slice(0, 2048) : "/");
  if (!Object.hasOwn(CATALOGS, lang)) return c.redirect(back, 303);
  setShortCookie(c, LANGUAGE_COOKIE, lang, LANGUAGE_COOKIE_SECONDS);
  const actor = c.get("actor");
  const db = getDb(c.env.DB);
  if (actor?.kind === "parent") await db.update(users).set({ language: lang, updatedAt: now() }).where(eq(users.id, actor.user.id));
  if (actor?.kind === "teacher") await db.update(teachers).set({ language: lang, updatedAt: now() }).where(eq(teachers.id, actor.teacher.id));
  return c.redirect(back, 303);
});
