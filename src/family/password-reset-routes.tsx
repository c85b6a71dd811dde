import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { LIMITS, rateLimit } from "../auth/rate-limiter";
import { signInAs } from "../auth/sign-in";
import { kickOutbox } from "../outbox/enqueue";
import { fieldErrors, readForm } from "../lib/form";
import { completePasswordReset, findResetToken, sendPasswordReset } from "../accounts/password-reset";
import { findUserByEmail } from "../accounts/users";
import type { Catalog } from "../i18n/catalog";
import { ForgotPasswordPage, ResetLinkProblemPage, ResetPasswordPage, type ResetLinkProblem } from "../../views/pages/password-reset";

/** /forgot-password and /reset-password/:token (SPEC 3.2, last bullet). */
export const passwordResetRoutes = new Hono<AppEnv>();

/** The forms' messages in the page's language: schemas are built per request from its catalog. */
const forgotForm = ({ signIn: { forgotPage: t } }: Catalog) =>
  z.strictObject({
    email: z
      .string(t.enterEmail)
      .check(z.trim(), z.toLowerCase(), z.minLength(1, t.enterEmail), z.maxLength(254, t.tooLong), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, t.invalidEmail)),
  });

const resetForm = (t: Catalog) =>
  z.strictObject({
    password: z.string(t.account.errors.chooseNew).check(z.minLength(1, t.account.errors.chooseNew), z.maxLength(1024, t.account.passwordRules.tooLong(128))),
    // The hidden field for password managers; ignored.
    username: z.optional(z.string().check(z.maxLength(254))),
  });

/** A reset link that cannot be used: 404 when unknown, 410 when used or expired. */
function linkProblem(c: Context<AppEnv>, reason: ResetLinkProblem) {
  c.status(reason === "unknown" ? 404 : 410);
  return c.render(<ResetLinkProblemPage reason={reason} />, { title: c.var.locale.t.signIn.resetProblems[reason].title });
}

// Reset pages carry a bearer token in their URL: never stored by any cache.
passwordResetRoutes.use("/reset-password/*", async (c, next) => {
  await next();
  c.header("cache-control", "no-store");
});

passwordResetRoutes.get("/forgot-password", (c) => {
  return c.render(<ForgotPasswordPage sent={c.req.query("sent") === "1"} />, { title: c.var.locale.t.signIn.forgotPage.title });
});

/**
 * One answer for every address: a redirect to the same neutral page, whether or not an account
 * uses it and whether or not the per-address limit let an email go.
 */
passwordResetRoutes.post("/forgot-password", async (c) => {
  const form = await readForm(c);
  const { t } = c.var.locale;
  const parsed = forgotForm(t).safeParse(form);
  if (!parsed.success) {
    c.status(422);
    return c.render(<ForgotPasswordPage email={(form.email ?? "").slice(0, 254)} errors={fieldErrors(parsed.error, t)} />, { title: t.signIn.forgotPage.title });
  }
  const { email } = parsed.data;
  const verdict = await rateLimit(c.env, `reset:addr:${email}`, LIMITS.passwordResetPerAddress);
  if (verdict.allowed) {
    const db = getDb(c.env.DB);
    const user = await findUserByEmail(db, email);
    if (user) {
      await sendPasswordReset(db, user, config(c.env).publicUrl);
      c.executionCtx.waitUntil(kickOutbox(c.env));
    }
  }
  return c.redirect("/forgot-password?sent=1", 303);
});

passwordResetRoutes.get("/reset-password/:token", async (c) => {
  const found = await findResetToken(getDb(c.env.DB), c.req.param("token"));
  if (!found.ok) return linkProblem(c, found.reason);
  return c.render(<ResetPasswordPage token={c.req.param("token")} email={found.user.email} />, { title: c.var.locale.t.signIn.resetPage.title });
});

/**
 * Saves the new password and ends every session of the account, then signs the person in
 * afresh on this device: they just proved control of the address and chose the password, so
 * asking for it again adds nothing, and the new session starts after all old ones ended.
 */
passwordResetRoutes.post("/reset-password/:token", async (c) => {
  const token = c.req.param("token");
  const db = getDb(c.env.DB);
  const found = await findResetToken(db, token);
  if (!found.ok) return linkProblem(c, found.reason);
  const { t } = c.var.locale;
  const parsed = resetForm(t).safeParse(await readForm(c));
  const errors = parsed.success ? null : fieldErrors(parsed.error, t);
  const problem = parsed.success ? await passwordProblem(c.env, parsed.data.password, found.user.email, t) : (errors?.password ?? errors?.form ?? t.account.errors.chooseNew);
  if (!parsed.success || problem) {
    c.status(422);
    return c.render(<ResetPasswordPage token={token} email={found.user.email} error={problem ?? undefined} />, { title: t.signIn.resetPage.title });
  }
  const done = await completePasswordReset(db, found.tokenId, found.user.id, hashPassword(parsed.data.password));
  if (!done) {
    // Another request used the link a moment ago.
    return linkProblem(c, "used");
  }
  await signInAs(c, "parent", found.user.id);
  return c.redirect("/account?done=password-reset", 303);
});
