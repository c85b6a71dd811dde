import { Hono, type Context } from "hono";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { requireParent, type ParentEnv } from "../auth/guards";
import { hashPassword, verifyPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { rateLimit } from "../auth/rate-limiter";
import { signOut } from "../auth/sign-in";
import { deleteOtherSessions } from "../auth/sessions";
import { kickOutbox } from "../outbox/enqueue";
import { fieldErrors, readForm } from "../lib/form";
import { endAccountSession, listAccountSessions } from "../accounts/sessions";
import { changePassword, nameForm, notificationsForm, passwordForm, setUnreadEmails, updateName, WRONG_CURRENT_PASSWORD } from "../accounts/settings";
import { AccountPage, SessionNotFoundPage, type AccountFormErrors } from "../../views/pages/account";
import { AccountDeletePage } from "../../views/pages/account-delete";
import { deleteParentAccount } from "../stewardship/parent-account";
import { deleteAccountForm, DELETE_CONFIRM_ERRORS, matchesEmail } from "../accounts/delete";
import { SESSION_ID } from "../lib/ids";

/** What the page says after each redirect; a fixed list, so nothing from the URL is echoed. */
const NOTICES = {
  name: "Your name is saved.",
  "notifications-on": "You'll get an email when a message is still unread for a while.",
  "notifications-off": "You won't get emails about unread messages. You'll still see them when you sign in.",
  password: "Your new password is saved. Every other device has been signed out.",
  "password-reset": "Your new password is saved and you're signed in on this device. Every other device has been signed out.",
  "session-ended": "That device has been signed out.",
  "others-ended": "Every other device has been signed out.",
} as const;
type Done = keyof typeof NOTICES;

const noticeFor = (done: string | undefined): string | null => (done && Object.hasOwn(NOTICES, done) ? NOTICES[done as Done] : null);

/** "3 hours", "90 minutes": the unread-email delay as the checkbox says it. */
function delayInWords(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return seconds % 3600 === 0 && seconds > 0 ? unit(seconds / 3600, "hour") : unit(Math.max(1, Math.round(seconds / 60)), "minute");
}

async function renderAccount(c: Context<ParentEnv>, status: 200 | 422 | 429, errors: AccountFormErrors | null = null) {
  const parent = c.var.actor;
  const sessions = await listAccountSessions(getDb(c.env.DB), parent.user.id);
  c.status(status);
  return c.render(
    <AccountPage
      user={parent.user}
      sessions={sessions}
      currentSessionId={parent.session.id}
      notice={errors ? null : noticeFor(c.req.query("done"))}
      errors={errors}
      unreadDelay={delayInWords(config(c.env).unreadNotifyAfterSeconds)}
    />,
    { title: "Account settings" },
  );
}

const done = (c: Context, what: Done) => c.redirect(`/account?done=${what}`, 303);

/** /account: name, unread-message emails, password, email (read-only) and sessions (SPEC 3.7). */
export const accountRoutes = new Hono<AppEnv>().use(requireParent);

accountRoutes.get("/", (c) => renderAccount(c, 200));

accountRoutes.post("/name", async (c) => {
  const form = await readForm(c);
  const parsed = nameForm.safeParse(form);
  if (!parsed.success) return renderAccount(c, 422, { form: "name", fields: fieldErrors(parsed.error), values: { name: (form.name ?? "").slice(0, 200) } });
  await updateName(getDb(c.env.DB), c.var.actor.user.id, parsed.data.name);
  return done(c, "name");
});

accountRoutes.post("/notifications", async (c) => {
  const parsed = notificationsForm.safeParse(await readForm(c));
  if (!parsed.success) return renderAccount(c, 422, { form: "notifications", fields: fieldErrors(parsed.error) });
  const on = parsed.data.notifyUnread === "on";
  await setUnreadEmails(getDb(c.env.DB), c.var.actor.user.id, on);
  return done(c, on ? "notifications-on" : "notifications-off");
});

accountRoutes.post("/password", async (c) => {
  const parent = c.var.actor;
  const { user } = parent;
  if (user.passwordHash === null) {
    // Google accounts: a password set without proving anything would be a second way in for whoever holds the session.
    return renderAccount(c, 422, { form: "password", fields: { form: "You sign in with Google, so your account has no password to change." } });
  }
  const parsed = passwordForm.safeParse(await readForm(c));
  if (!parsed.success) return renderAccount(c, 422, { form: "password", fields: fieldErrors(parsed.error) });
  const limiter = c.env.RATE_LIMITER.getByName(`pwchange:fail:${user.id}`);
  if ((await limiter.peek(WRONG_CURRENT_PASSWORD.windowMs)) >= WRONG_CURRENT_PASSWORD.limit) {
    return renderAccount(c, 429, {
      form: "password",
      fields: { currentPassword: "Too many wrong passwords. Wait an hour and try again, or get a link by email with Forgot password." },
    });
  }
  if (!verifyPassword(parsed.data.currentPassword, user.passwordHash)) {
    await rateLimit(c.env, `pwchange:fail:${user.id}`, WRONG_CURRENT_PASSWORD);
    return renderAccount(c, 422, { form: "password", fields: { currentPassword: "That is not your current password." } });
  }
  const problem = passwordProblem(parsed.data.newPassword, user.email);
  if (problem) return renderAccount(c, 422, { form: "password", fields: { newPassword: problem } });
  await changePassword(getDb(c.env.DB), user, parent.session.id, hashPassword(parsed.data.newPassword), config(c.env).publicUrl);
  c.executionCtx.waitUntil(kickOutbox(c.env));
  return done(c, "password");
});

accountRoutes.post("/sessions/end-others", async (c) => {
  const { user, session } = c.var.actor;
  await deleteOtherSessions(getDb(c.env.DB), "parent", user.id, session.id);
  return done(c, "others-ended");
});

accountRoutes.post("/sessions/:id/end", async (c) => {
  const { user, session } = c.var.actor;
  const id = c.req.param("id");
  if (id === session.id) {
    // Ending this device's own session is signing out.
    await signOut(c);
    return c.redirect("/sign-in", 303);
  }
  // Only this account's sessions: any other id is "not found", and stays alive.
  if (!SESSION_ID.test(id) || !(await endAccountSession(getDb(c.env.DB), user.id, id))) {
    c.status(404);
    return c.render(<SessionNotFoundPage />, { title: "Not found" });
  }
  return done(c, "session-ended");
});

accountRoutes.get("/delete", (c) => {
  const { user } = c.var.actor;
  return c.render(<AccountDeletePage withPassword={user.passwordHash !== null} email={user.email} />, { title: "Delete your account" });
});

/** Re-confirmed with the password (or, for Google-only accounts, by typing the email): then everything goes. */
accountRoutes.post("/delete", async (c) => {
  const { user } = c.var.actor;
  const withPassword = user.passwordHash !== null;
  const again = (status: 422 | 429, error: string) => {
    c.status(status);
    return c.render(<AccountDeletePage withPassword={withPassword} email={user.email} error={error} />, { title: "Delete your account" });
  };
  const parsed = deleteAccountForm.safeParse(await readForm(c));
  if (!parsed.success) return again(422, withPassword ? DELETE_CONFIRM_ERRORS.password : DELETE_CONFIRM_ERRORS.email);
  if (user.passwordHash !== null) {
    const limiter = c.env.RATE_LIMITER.getByName(`pwchange:fail:${user.id}`);
    if ((await limiter.peek(WRONG_CURRENT_PASSWORD.windowMs)) >= WRONG_CURRENT_PASSWORD.limit) return again(429, "Too many wrong passwords. Wait an hour and try again.");
    if (!verifyPassword(parsed.data.password ?? "", user.passwordHash)) {
      await rateLimit(c.env, `pwchange:fail:${user.id}`, WRONG_CURRENT_PASSWORD);
      return again(422, "That is not your password.");
    }
  } else if (!matchesEmail(parsed.data.email, user.email)) {
    return again(422, DELETE_CONFIRM_ERRORS.email);
  }
  await deleteParentAccount(c.env, getDb(c.env.DB), user);
  await signOut(c);
  return c.redirect("/?done=account-deleted", 303);
});
