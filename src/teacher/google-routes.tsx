/** /teacher/auth/google: Google sign-in for roster teachers (verified email equal to the roster email). */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { finishGoogleSignIn, googleConfigured, startGoogleSignIn } from "../auth/google";
import { setShortCookie } from "../auth/cookies";
import { signInAs } from "../auth/sign-in";
import { now as clock } from "../lib/time";
import { TeacherGoogleRefusedPage } from "../../views/pages/teacher-sign-in";
import { bindGoogleSub, teachersForGoogle } from "./google-match";
import { createChoiceToken, TEACHER_CHOICE_TTL } from "./sign-in-link";
import { CHOICE_COOKIE } from "./sign-in-routes";

/** One answer for every failure, so it never tells which check failed; nothing is written. */
function refused(c: Context<AppEnv>, status: 400 | 403) {
  c.status(status);
  return c.render(<TeacherGoogleRefusedPage googleEnabled={googleConfigured(c.env)} />, { title: c.var.locale.t.teacher.signIn.title });
}

export const teacherGoogleRoutes = new Hono<AppEnv>()
  .get("/", (c) => (googleConfigured(c.env) ? startGoogleSignIn(c, "teacher") : c.redirect("/teacher/sign-in", 303)))
  .get("/callback", async (c) => {
    if (!googleConfigured(c.env)) return refused(c, 400);
    const profile = await finishGoogleSignIn(c, "teacher");
    if (!profile) return refused(c, 400);
    const db = getDb(c.env.DB);
    const matches = await teachersForGoogle(db, profile);
    const [only] = matches;
    if (!only || !profile.email) return refused(c, 403);
    if (matches.length === 1) {
      if (!(await bindGoogleSub(db, only.id, only.email, profile.sub))) return refused(c, 403);
      await signInAs(c, "teacher", only.id);
      return c.redirect("/teacher", 303);
    }
    // Several districts' rosters: the teacher chooses; the chosen row is bound to this account then.
    const token = await createChoiceToken(db, { email: profile.email, teacherIds: matches.map((t) => t.id), googleSub: profile.sub }, clock());
    setShortCookie(c, CHOICE_COOKIE, token, Math.floor(TEACHER_CHOICE_TTL / 1000));
    return c.redirect("/teacher/sign-in/choose", 303);
  });
