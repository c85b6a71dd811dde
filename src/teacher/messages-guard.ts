import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import type { Actor } from "../auth/actor";

export type TeacherActor = Extract<Actor, { kind: "teacher" }>;

/**
 * Teacher pages only: a parent or student is sent to the teacher sign-in (someone who is both
 * switches there), and nobody signed in too, with a way back to this page.
 */
export const teacherOnly = createMiddleware<AppEnv>(async (c, next) => {
  const actor = c.get("actor");
  if (actor?.kind === "teacher") return next();
  if (actor) return c.redirect("/teacher/sign-in", 303);
  const here = new URL(c.req.url);
  return c.redirect(c.req.method === "GET" ? `/teacher/sign-in?next=${encodeURIComponent(here.pathname + here.search)}` : "/teacher/sign-in", 303);
});

/** The signed-in teacher; teacherOnly lets no one else through. */
export function teacherOf(c: Context<AppEnv>): TeacherActor {
  const actor = c.get("actor");
  if (actor?.kind !== "teacher") throw new HTTPException(401);
  return actor;
}

/** The name families see. */
export const familyFacingName = (t: { displayName: string | null; name: string }): string => t.displayName?.trim() || t.name;
