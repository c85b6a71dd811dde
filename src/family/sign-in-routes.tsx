/** Parent sign-in with email and password (rate-limited, no enumeration) and sign-out for everyone. */
import { Hono } from "hono";
import * as z from "zod/mini";
import { preprocess } from "../lib/preprocess";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { safeNext } from "../lib/url";
import { signInPageOf } from "../auth/guards";
import { readShortCookie } from "../auth/cookies";
import { googleConfigured } from "../auth/google";
import { signInAs, signOut } from "../auth/sign-in";
import { readDeviceTokens, trustThisDevice } from "../auth/trusted-devices";
import { now as clock } from "../lib/time";
import { connectConfirmed } from "../onboarding/finish";
import { signInWithPassword } from "../onboarding/password-sign-in";
import { loadOnboardingState, ONBOARDING_COOKIE } from "../onboarding/state";
import { SignInPage, TooManyTriesPage } from "../../views/pages/sign-in";
import { waitWords } from "../../views/components";

export const signInRoutes = new Hono<AppEnv>();

const form = z.object({
  email: preprocess((v) => (typeof v === "string" ? v : ""), z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254))),
  password: preprocess((v) => (typeof v === "string" ? v : ""), z.string().check(z.maxLength(1024))),
  next: preprocess((v) => (typeof v === "string" ? v : undefined), z.optional(z.string().check(z.maxLength(2048)))),
});

signInRoutes.get("/sign-in", async (c) => {
  const next = c.req.query("next")?.slice(0, 2048);
  if (c.get("actor")?.kind === "parent") return c.redirect(safeNext(next), 303);
  const adding = Boolean(await loadOnboardingState(getDb(c.env.DB), readShortCookie(c, ONBOARDING_COOKIE), clock()));
  return c.render(<SignInPage next={next ? safeNext(next) : undefined} googleConfigured={googleConfigured(c.env)} adding={adding} />, { title: c.var.locale.t.signIn.title });
});

signInRoutes.post("/sign-in", async (c) => {
  const parsed = form.safeParse(await c.req.parseBody());
  const fields = parsed.success ? parsed.data : { email: "", password: "", next: undefined };
  const next = fields.next ? safeNext(fields.next) : undefined;
  const { t } = c.var.locale;
  const page = (props: { error?: string; unverifiedEmail?: string }) =>
    c.render(<SignInPage email={fields.email} next={next} googleConfigured={googleConfigured(c.env)} {...props} />, { title: t.signIn.title });
  if (!fields.email || !fields.password) {
    c.status(422);
    return page({ error: t.signIn.missing });
  }
  const db = getDb(c.env.DB);
  const at = clock();
  const attempt = { email: fields.email, password: fields.password, deviceTokens: readDeviceTokens(c), client: c.req.header("cf-connecting-ip") };
  const result = await signInWithPassword(c.env, db, attempt, at);
  if (!result.ok) {
    switch (result.error) {
      case "rate_limited":
        c.status(429);
        c.header("retry-after", String(result.retryAfter));
        return c.render(<TooManyTriesPage wait={waitWords(result.retryAfter, c.var.locale)} />, { title: t.signIn.tooMany.title });
      case "wrong":
        c.status(401);
        // One message for a wrong password and an unknown address.
        return page({ error: t.signIn.wrong });
      case "unverified":
        c.status(403);
        return page({ unverifiedEmail: result.user.email });
    }
  }
  // From now on, others' wrong passwords cannot lock this account out of this browser.
  await trustThisDevice(c, db, result.user.id, result.device, at);
  // Children confirmed in this browser are added on the way in.
  await connectConfirmed(c, result.user.id);
  await signInAs(c, "parent", result.user.id);
  return c.redirect(safeNext(next), 303);
});

/** Ends this device's session, whoever it belongs to, and goes to that person's own sign-in page. */
signInRoutes.post("/sign-out", async (c) => {
  const kind = c.get("actor")?.kind ?? "parent";
  await signOut(c);
  // A child on a shared school device is told there that they are logged out (the badge page says so).
  return c.redirect(kind === "student" ? `${signInPageOf(kind)}?signed-out=1` : signInPageOf(kind), 303);
});
