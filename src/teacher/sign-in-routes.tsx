/** /teacher/sign-in: a one-time link to the roster address, or Google (see google-routes.tsx). */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { googleConfigured } from "../auth/google";
import { clearShortCookie, readShortCookie } from "../auth/cookies";
import { rateLimit } from "../auth/rate-limiter";
import { signInAs } from "../auth/sign-in";
import { kickOutbox } from "../outbox/enqueue";
import { now as clock } from "../lib/time";
import {
  TeacherGoogleRefusedPage,
  TeacherLinkExpiredPage,
  TeacherSignInChoicePage,
  TeacherSignInPage,
  TeacherTooManyLinksPage,
  type SignInChoice,
} from "../../views/pages/teacher-sign-in";
import { bindGoogleSub } from "./google-match";
import { consumeSignInToken, findPendingSignIn, findTeachersByEmail, planSignInLink, TEACHER_LINK_PER_ADDRESS, type PendingSignIn } from "./sign-in-link";

/** Holds the token of a Google sign-in that matched several rosters, until the teacher chooses. */
export const CHOICE_COOKIE = "fp_teacher_choice";

const csrf = z.optional(z.string().check(z.maxLength(200)));
const emailForm = z.strictObject({ email: z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email()), _csrf: csrf });
const choiceForm = z.strictObject({ teacherId: z.optional(z.string().check(z.maxLength(64))), _csrf: csrf });

/** Every page of the sign-in has the same title, in the page's language. */
const title = (c: Context<AppEnv>) => ({ title: c.var.locale.t.teacher.signIn.title });

function choices(pending: PendingSignIn): SignInChoice[] {
  return pending.choices.map((t) => ({ id: t.id, name: t.displayName ?? t.name, districtName: t.districtName }));
}

function expired(c: Context<AppEnv>) {
  c.status(410);
  return c.render(<TeacherLinkExpiredPage googleEnabled={googleConfigured(c.env)} />, title(c));
}

/** Shows the button; writes nothing. */
async function showChoice(c: Context<AppEnv>, token: string | undefined, action: string) {
  const pending = token ? await findPendingSignIn(getDb(c.env.DB), token, clock()) : null;
  if (!pending) return expired(c);
  return c.render(<TeacherSignInChoicePage action={action} choices={choices(pending)} />, title(c));
}

/** Consumes the token (once, even under a race) and signs in as the chosen roster row. */
async function completeSignIn(c: Context<AppEnv>, token: string | undefined, action: string, fromCookie = false) {
  const db = getDb(c.env.DB);
  const at = clock();
  const form = choiceForm.safeParse(await c.req.parseBody());
  const pending = token ? await findPendingSignIn(db, token, at) : null;
  if (!pending) return expired(c);
  const teacherId = form.success ? form.data.teacherId : undefined;
  const chosen = pending.choices.find((t) => t.id === teacherId) ?? (pending.choices.length === 1 ? pending.choices[0] : undefined);
  if (!chosen) {
    c.status(422);
    return c.render(<TeacherSignInChoicePage action={action} choices={choices(pending)} error={c.var.locale.t.teacher.signIn.chooseDistrict} />, title(c));
  }
  if (!(await consumeSignInToken(db, pending.tokenId, at))) return expired(c);
  const sub = pending.payload.googleSub;
  if (sub !== undefined && !(await bindGoogleSub(db, chosen.id, chosen.email, sub))) {
    c.status(403);
    return c.render(<TeacherGoogleRefusedPage googleEnabled={googleConfigured(c.env)} />, title(c));
  }
  if (fromCookie) clearShortCookie(c, CHOICE_COOKIE);
  await signInAs(c, "teacher", chosen.id);
  return c.redirect("/teacher", 303);
}

export const teacherSignInRoutes = new Hono<AppEnv>()
  .get("/", (c) => {
    const actor = c.get("actor");
    if (actor?.kind === "teacher") return c.redirect("/teacher", 303);
    return c.render(<TeacherSignInPage googleEnabled={googleConfigured(c.env)} sent={c.req.query("sent") === "1"} signedInAs={actor?.kind} />, title(c));
  })
  .post("/", async (c) => {
    const body = await c.req.parseBody();
    const parsed = emailForm.safeParse(body);
    if (!parsed.success) {
      c.status(422);
      const typed = typeof body.email === "string" ? body.email.slice(0, 254) : "";
      return c.render(
        <TeacherSignInPage googleEnabled={googleConfigured(c.env)} email={typed} error={c.var.locale.t.teacher.signIn.emailInvalid} />,
        title(c),
      );
    }
    const { email } = parsed.data;
    // Counted for every address typed, known or not, so the limit says nothing about the roster.
    const verdict = await rateLimit(c.env, `teacher-link:addr:${email}`, TEACHER_LINK_PER_ADDRESS);
    if (!verdict.allowed) {
      c.status(429);
      c.header("retry-after", String(verdict.retryAfter));
      return c.render(<TeacherTooManyLinksPage minutes={Math.ceil(verdict.retryAfter / 60)} googleEnabled={googleConfigured(c.env)} />, title(c));
    }
    const db = getDb(c.env.DB);
    const records = await findTeachersByEmail(db, email);
    if (records.length > 0) {
      // In the teacher's saved language; a teacher who saved none gets the language they asked in.
      await db.batch(await planSignInLink(db, config(c.env).publicUrl, records, clock(), c.var.locale.tag));
      c.executionCtx.waitUntil(kickOutbox(c.env));
    }
    // The same answer whether or not the address is on a roster.
    return c.redirect("/teacher/sign-in?sent=1", 303);
  })
  // Before "/:token": "choose" is not a token.
  .get("/choose", (c) => showChoice(c, readShortCookie(c, CHOICE_COOKIE), "/teacher/sign-in/choose"))
  .post("/choose", (c) => completeSignIn(c, readShortCookie(c, CHOICE_COOKIE), "/teacher/sign-in/choose", true))
  .get("/:token", (c) => {
    const token = c.req.param("token");
    return showChoice(c, token, `/teacher/sign-in/${token}`);
  })
  .post("/:token", (c) => {
    const token = c.req.param("token");
    return completeSignIn(c, token, `/teacher/sign-in/${token}`);
  });
