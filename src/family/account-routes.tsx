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
import { accountSessionsQuery, endAccountSession, listAccountSessions, liveAccountSessions } from "../accounts/sessions";
import { pageLoad } from "../auth/page-load";
import { changePassword, languageForm, nameForm, notificationsForm, passwordForm, setLanguage, setUnreadEmails, updateName, WRONG_CURRENT_PASSWORD } from "../accounts/settings";
import { AccountPage, SessionNotFoundPage, type AccountFormErrors } from "../../views/pages/account";
import { AccountDeletePage } from "../../views/pages/account-delete";
import { deleteParentAccount } from "../stewardship/parent-account";
import { deleteAccountForm, matchesEmail } from "../accounts/delete";
import { SESSION_ID } from "../lib/ids";
import type { Catalog } from "../i18n/catalog";
import { LANGUAGE_COOKIE, LANGUAGE_COOKIE_SECONDS } from "../i18n/middleware";
import { setShortCookie } from "../auth/cookies";
import { describeDevice } from "../accounts/device";
import { ConfirmPage } from "../../views/pages/confirm";
import { normalizePhone } from "../invitations/normalize";
import { checkPhoneCode, pendingCodeQuery, pendingPhoneOf, sendPhoneCode, setNotifyChannels } from "../sms/phone-codes";

/** What the phone forms show again after a refusal. */
interface PhoneFormState {
  errors?: Record<string, string>;
  typedPhone?: string;
}

/** What the page says after each redirect (`?done=`): a fixed list, so nothing from the URL is echoed. */
const NOTICES = {
  name: "name",
  "notifications-on": "notificationsOn",
  "notifications-off": "notificationsOff",
  password: "password",
  "password-reset": "passwordReset",
  "session-ended": "sessionEnded",
  "others-ended": "othersEnded",
  language: "language",
  "code-sent": "codeSent",
  "phone-verified": "verified",
  "notify-by": "notifySaved",
} as const satisfies Record<string, keyof Catalog["account"]["notices"] | keyof Catalog["account"]["phone"]["notices"]>;
type Done = keyof typeof NOTICES;

const noticeFor = (t: Catalog, done: string | undefined): string | null => {
  if (!done || !Object.hasOwn(NOTICES, done)) return null;
  const key = NOTICES[done as Done];
  return Object.hasOwn(t.account.notices, key) ? t.account.notices[key as keyof Catalog["account"]["notices"]] : t.account.phone.notices[key as keyof Catalog["account"]["phone"]["notices"]];
};

/** "3 hours", "90 minutes": the unread-email delay as the checkbox says it. */
function delayInWords(seconds: number, t: Catalog): string {
  return seconds % 3600 === 0 && seconds > 0 ? t.common.hours(seconds / 3600) : t.common.minutes(Math.max(1, Math.round(seconds / 60)));
}

/** The account's sessions and a phone code in progress, in the session's round trip (on the GET page). */
const accountLoad = pageLoad(
  "parent",
  (db, who) => [accountSessionsQuery(db, who), pendingCodeQuery(db, who)] as const,
  ([sessions, codes]) => ({ sessions: liveAccountSessions(sessions), pendingTo: pendingPhoneOf(codes[0], Date.now()) }),
);

async function renderAccount(c: Context<ParentEnv>, status: 200 | 422 | 429, errors: AccountFormErrors | null = null, phone: PhoneFormState = {}) {
  const parent = c.var.actor;
  const { t } = c.var.locale;
  const { sessions, pendingTo } = await accountLoad.data(c);
  c.status(status);
  return c.render(
    <AccountPage
      user={parent.user}
      sessions={sessions}
      currentSessionId={parent.session.id}
      notice={errors ? null : noticeFor(t, c.req.query("done"))}
      errors={errors}
      unreadDelay={delayInWords(config(c.env).unreadNotifyAfterSeconds, t)}
      phone={{ pendingTo, errors: phone.errors ?? {}, typedPhone: phone.typedPhone }}
    />,
    { title: t.account.title },
  );
}

const done = (c: Context, what: Done) => c.redirect(`/account?done=${what}`, 303);

/** /account: name, language, unread-message emails, password, email (read-only) and sessions (SPEC 3.7, 3.10). */
export const accountRoutes = new Hono<AppEnv>().use(requireParent);

accountRoutes.get("/", accountLoad.middleware, (c) => renderAccount(c, 200));

accountRoutes.post("/name", async (c) => {
  const form = await readForm(c);
  const { t } = c.var.locale;
  const parsed = nameForm(t).safeParse(form);
  if (!parsed.success) return renderAccount(c, 422, { form: "name", fields: fieldErrors(parsed.error, t), values: { name: (form.name ?? "").slice(0, 200) } });
  await updateName(getDb(c.env.DB), c.var.actor.user.id, parsed.data.name);
  return done(c, "name");
});

/**
 * The account's language (any browser, every email). Also this browser's switcher cookie, so the
 * pages stay in it after signing out.
 */
accountRoutes.post("/language", async (c) => {
  const { t } = c.var.locale;
  const parsed = languageForm(t).safeParse(await readForm(c));
  if (!parsed.success) return renderAccount(c, 422, { form: "language", fields: fieldErrors(parsed.error, t) });
  await setLanguage(getDb(c.env.DB), c.var.actor.user.id, parsed.data.language);
  setShortCookie(c, LANGUAGE_COOKIE, parsed.data.language, LANGUAGE_COOKIE_SECONDS);
  return done(c, "language");
});

accountRoutes.post("/notifications", async (c) => {
  const { t } = c.var.locale;
  const parsed = notificationsForm(t).safeParse(await readForm(c));
  // The page's control is "When a teacher writes" now (/account/notify-by); a page saved while this
  // checkbox was on it still posts here, and a refusal shows on that one control.
  if (!parsed.success) return renderAccount(c, 422, null, { errors: { notifyBy: t.account.phone.errors.chooseOne } });
  const on = parsed.data.notifyUnread === "on";
  await setUnreadEmails(getDb(c.env.DB), c.var.actor.user.id, on);
  return done(c, on ? "notifications-on" : "notifications-off");
});

/** Sends a 6-digit code by text to the number typed (rate-limited per account). */
accountRoutes.post("/phone", async (c) => {
  const { t } = c.var.locale;
  const e = t.account.phone.errors;
  const form = await readForm(c);
  const typed = (form.phone ?? "").slice(0, 32);
  const phone = normalizePhone(typed);
  if (!phone) return renderAccount(c, 422, null, { errors: { phone: e.invalidNumber }, typedPhone: typed });
  const sent = await sendPhoneCode(c.env, getDb(c.env.DB), c.var.actor.user.id, phone, c.var.locale, Date.now());
  if (!sent.ok) {
    c.header("retry-after", String(sent.retryAfter));
    return renderAccount(c, 429, null, { errors: { phone: e.tooManyCodes }, typedPhone: typed });
  }
  c.executionCtx.waitUntil(kickOutbox(c.env));
  return done(c, "code-sent");
});

/** The code from the text: right, once, within 10 minutes and 5 tries, and the number is the account's. */
accountRoutes.post("/phone/verify", async (c) => {
  const e = c.var.locale.t.account.phone.errors;
  const code = ((await readForm(c)).code ?? "").trim();
  if (!/^\d{6}$/.test(code)) return renderAccount(c, 422, null, { errors: { code: e.enterCode } });
  const result = await checkPhoneCode(getDb(c.env.DB), c.var.actor.user.id, code, Date.now());
  if (result === "verified") return done(c, "phone-verified");
  const words = { wrong: e.wrongCode, expired: e.expired, used: e.used, too_many: e.tooManyTries, none: e.noCode } as const;
  return renderAccount(c, result === "too_many" ? 429 : 422, null, { errors: { code: words[result], phone: result === "wrong" ? "" : words[result] } });
});

/** "When a teacher writes": email, text, both or neither; text only to a verified number. */
accountRoutes.post("/notify-by", async (c) => {
  const e = c.var.locale.t.account.phone.errors;
  const choice = (await readForm(c)).notifyBy;
  const user = c.var.actor.user;
  if (choice !== "email" && choice !== "text" && choice !== "both" && choice !== "none") return renderAccount(c, 422, null, { errors: { notifyBy: e.chooseOne } });
  const wantsText = choice === "text" || choice === "both";
  if (wantsText && (user.phone === null || user.phoneVerifiedAt === null)) return renderAccount(c, 422, null, { errors: { notifyBy: e.needsPhone } });
  await setNotifyChannels(getDb(c.env.DB), user.id, { email: choice === "email" || choice === "both", sms: wantsText });
  return done(c, "notify-by");
});

accountRoutes.post("/password", async (c) => {
  const parent = c.var.actor;
  const { user } = parent;
  const { t } = c.var.locale;
  if (user.passwordHash === null) {
    // Google accounts: a password set without proving anything would be a second way in for whoever holds the session.
    return renderAccount(c, 422, { form: "password", fields: { form: t.account.errors.googleNoPassword } });
  }
  const parsed = passwordForm(t).safeParse(await readForm(c));
  if (!parsed.success) return renderAccount(c, 422, { form: "password", fields: fieldErrors(parsed.error, t) });
  const limiter = c.env.RATE_LIMITER.getByName(`pwchange:fail:${user.id}`);
  if ((await limiter.peek(WRONG_CURRENT_PASSWORD.windowMs)) >= WRONG_CURRENT_PASSWORD.limit) {
    return renderAccount(c, 429, { form: "password", fields: { currentPassword: t.account.errors.tooManyWrong } });
  }
  if (!verifyPassword(parsed.data.currentPassword, user.passwordHash)) {
    await rateLimit(c.env, `pwchange:fail:${user.id}`, WRONG_CURRENT_PASSWORD);
    return renderAccount(c, 422, { form: "password", fields: { currentPassword: t.account.errors.wrongCurrent } });
  }
  const problem = await passwordProblem(c.env, parsed.data.newPassword, user.email, t);
  if (problem) return renderAccount(c, 422, { form: "password", fields: { newPassword: problem } });
  await changePassword(getDb(c.env.DB), user, parent.session.id, hashPassword(parsed.data.newPassword), config(c.env).publicUrl);
  c.executionCtx.waitUntil(kickOutbox(c.env));
  return done(c, "password");
});

/** Signing a device out is asked first, on a page of its own saying what it does (issue 14). */
accountRoutes.get("/sessions/end-others", async (c) => {
  const { user, session } = c.var.actor;
  const others = (await listAccountSessions(getDb(c.env.DB), user.id)).filter((s) => s.id !== session.id).length;
  if (others === 0) return c.redirect("/account", 303);
  const t = c.var.locale.t.account.sessions.confirm;
  return c.render(
    <ConfirmPage
      title={t.othersTitle(others)}
      consequences={[t.othersWhat]}
      action="/account/sessions/end-others"
      button={t.othersButton}
      cancel={{ href: "/account", text: t.cancel }}
    />,
    { title: t.othersTitle(others) },
  );
});

accountRoutes.get("/sessions/:id/end", async (c) => {
  const { user, session } = c.var.actor;
  const id = c.req.param("id");
  const found = SESSION_ID.test(id) && id !== session.id ? (await listAccountSessions(getDb(c.env.DB), user.id)).find((s) => s.id === id) : undefined;
  if (!found) {
    c.status(404);
    return c.render(<SessionNotFoundPage />, { title: c.var.locale.t.account.sessionNotFound.title });
  }
  const all = c.var.locale.t;
  const t = all.account.sessions.confirm;
  const title = t.oneTitle(describeDevice(found.userAgent, all));
  return c.render(
    <ConfirmPage title={title} consequences={[t.oneWhat]} action={`/account/sessions/${id}/end`} button={t.oneButton} cancel={{ href: "/account", text: t.cancel }} />,
    { title },
  );
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
    return c.render(<SessionNotFoundPage />, { title: c.var.locale.t.account.sessionNotFound.title });
  }
  return done(c, "session-ended");
});

accountRoutes.get("/delete", (c) => {
  const { user } = c.var.actor;
  return c.render(<AccountDeletePage withPassword={user.passwordHash !== null} email={user.email} />, { title: c.var.locale.t.account.deletePage.title });
});

/** Re-confirmed with the password (or, for Google-only accounts, by typing the email): then everything goes. */
accountRoutes.post("/delete", async (c) => {
  const { user } = c.var.actor;
  const withPassword = user.passwordHash !== null;
  const { t } = c.var.locale;
  const again = (status: 422 | 429, error: string) => {
    c.status(status);
    return c.render(<AccountDeletePage withPassword={withPassword} email={user.email} error={error} />, { title: t.account.deletePage.title });
  };
  const parsed = deleteAccountForm.safeParse(await readForm(c));
  if (!parsed.success) return again(422, withPassword ? t.account.errors.deleteEnterPassword : t.account.errors.deleteTypeEmail);
  if (user.passwordHash !== null) {
    const limiter = c.env.RATE_LIMITER.getByName(`pwchange:fail:${user.id}`);
    if ((await limiter.peek(WRONG_CURRENT_PASSWORD.windowMs)) >= WRONG_CURRENT_PASSWORD.limit) return again(429, t.account.errors.tooManyWrongDelete);
    if (!verifyPassword(parsed.data.password ?? "", user.passwordHash)) {
      await rateLimit(c.env, `pwchange:fail:${user.id}`, WRONG_CURRENT_PASSWORD);
      return again(422, t.account.errors.notYourPassword);
    }
  } else if (!matchesEmail(parsed.data.email, user.email)) {
    return again(422, t.account.errors.deleteTypeEmail);
  }
  await deleteParentAccount(c.env, getDb(c.env.DB), user);
  await signOut(c);
  return c.redirect("/?done=account-deleted", 303);
});
