/** Parent sign-in with Google: GET / starts it, GET /callback finishes it (one generic 400 on any failure). */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { finishGoogleSignIn, googleConfigured, startGoogleSignIn } from "./google";
import { signInAs } from "./sign-in";
import { now as clock } from "../lib/time";
import { readShortCookie } from "./cookies";
import { connectConfirmed } from "../onboarding/finish";
import { loadOnboardingState, ONBOARDING_COOKIE } from "../onboarding/state";
import { resolveGoogleAccount } from "../onboarding/google-account";
import { preferInvitationLanguage } from "../i18n/middleware";
import { GoogleProblemPage } from "../../views/pages/sign-in";

export const googleRoutes = new Hono<AppEnv>();

googleRoutes.get("/", (c) => {
  // Without configuration the sign-in page explains that Google is not set up.
  if (!googleConfigured(c.env)) return c.redirect("/sign-in", 303);
  return startGoogleSignIn(c, "parent");
});

googleRoutes.get("/callback", async (c) => {
  const problem = (studentEmail: boolean) => {
    c.status(400);
    return c.render(<GoogleProblemPage studentEmail={studentEmail} />, { title: c.var.locale.t.signIn.google.title });
  };
  if (!googleConfigured(c.env)) return problem(false);
  const profile = await finishGoogleSignIn(c, "parent");
  if (!profile) return problem(false);
  const db = getDb(c.env.DB);
  // The student-address check looks at the districts of the invitations confirmed in this browser.
  const state = await loadOnboardingState(db, readShortCookie(c, ONBOARDING_COOKIE), clock());
  // A sign-up from an invitation speaks, and stores, the invitation's language as its pages did.
  await preferInvitationLanguage(c, state?.language);
  const account = await resolveGoogleAccount(db, profile, state?.invitationIds ?? [], clock(), c.var.locale.tag);
  if (!account.ok) return problem(account.error === "student_email");
  await connectConfirmed(c, account.userId);
  await signInAs(c, "parent", account.userId);
  return c.redirect("/", 303);
});
