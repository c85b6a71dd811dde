/**
 * Invitation → confirmation → account (SPEC 3.2, seed steps 1–4): /i/:token, siblings, "not my
 * child", renewal of an expired link, the account step (/join) and the email confirmation link.
 * GETs never change state (link previews and prefetchers open them); every change is a POST.
 */
import { readDeviceTokens } from "../auth/trusted-devices";
import { findUserByEmail } from "../accounts/users";
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { preprocess } from "../lib/preprocess";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { clearShortCookie, readShortCookie, setShortCookie } from "../auth/cookies";
import { googleConfigured } from "../auth/google";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { LIMITS, rateLimit } from "../auth/rate-limiter";
import { signInAs } from "../auth/sign-in";
import { now as clock } from "../lib/time";
import { kickOutbox } from "../outbox/enqueue";
import { cleanLine } from "../lib/text";
import {
  connectInvitations,
  describeInvitations,
  disputeInvitation,
  findSibling,
  openInvitationLink,
  pendingSiblings,
  renewExpiredInvitation,
  type LinkedInvitation,
} from "../invitations";
import { isStudentEmail, signUpWithEmail } from "../onboarding/sign-up";
import { connectConfirmed, rememberConnected } from "../onboarding/finish";
import { openSignUpLink, resendSignUpLink, usedSignUpLink, useSignUpLinkStatements } from "../onboarding/sign-up-attempts";
import { signUpAllowed } from "../onboarding/sign-up-limits";
import { ensureDeviceCookie } from "../auth/device-cookie";
import { bindSignUpToBrowser, isSigningUpBrowser, provesAttemptPassword } from "../onboarding/sign-up-browser";
import { addToOnboardingState, createOnboardingState, loadOnboardingState, ONBOARDING_COOKIE, ONBOARDING_TTL_MS, type OnboardingState } from "../onboarding/state";
import {
  ConfirmInvitationPage,
  DisputedPage,
  ExpiredInvitationPage,
  InvitationProblemPage,
  RenewalPage,
  SiblingPage,
  type InvitedChild,
} from "../../views/pages/onboarding";
import {
  AddToAccountPage,
  CheckEmailPage,
  JoinPage,
  NothingToJoinPage,
  ResendVerificationPage,
  VerifyEmailPage,
  VerifyProblemPage,
  type SignUpErrors,
} from "../../views/pages/onboarding-account";
import { waitWords } from "../../views/components";
import type { Catalog } from "../i18n/catalog";
import { preferInvitationLanguage } from "../i18n/middleware";

export const onboardingRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

const db = (c: C) => getDb(c.env.DB);
const kick = (c: C) => c.executionCtx.waitUntil(kickOutbox(c.env));
const childOf = (l: LinkedInvitation): InvitedChild => ({ firstName: l.found.student.firstName, lastName: l.found.student.lastName, schoolName: l.found.school.name });

/** This browser's onboarding state; its pages speak the invitation's language (SPEC 3.10). */
async function currentState(c: C): Promise<OnboardingState | null> {
  const state = await loadOnboardingState(db(c), readShortCookie(c, ONBOARDING_COOKIE), clock());
  if (state) await preferInvitationLanguage(c, state.language);
  return state;
}

/** An invitation link's pages speak the language the district gave for its contact. */
async function speakInvitationLanguage(c: C, link: LinkedInvitation | null): Promise<void> {
  if (link) await preferInvitationLanguage(c, link.found.contact.language);
}

const titles = (c: C) => c.var.locale.t.onboarding.titles;

/**
 * The pages after the account step have no onboarding state left to say the invitation's
 * language: its links carry the language they were shown in (`?lang=`), which counts as the
 * invitation's (after the person's own saved or switched language, before the browser's).
 */
const withLanguage = (c: C, path: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${encodeURIComponent(c.var.locale.tag)}`;
const speakCarriedLanguage = (c: C) => preferInvitationLanguage(c, c.req.query("lang")?.slice(0, 35));

/** Every state of a link other than "pending": its own clear page, never a child's name unless it is the recipient's to renew. */
async function renderLinkState(c: C, token: string, link: LinkedInvitation | null) {
  if (!link) return renderWith(c, 404, <InvitationProblemPage problem="not_found" />, { title: titles(c).invitationNotFound });
  await speakInvitationLanguage(c, link);
  switch (link.status) {
    case "expired":
      return c.render(<ExpiredInvitationPage token={token} child={childOf(link)} address={link.found.invitation.address} channel={link.found.invitation.channel} />, {
        title: titles(c).invitationExpired,
      });
    case "pending":
      return c.redirect(`/i/${token}`, 303);
    default:
      return renderWith(c, 410, <InvitationProblemPage problem={link.status} />, { title: titles(c).invitation });
  }
}

/** A page with a status other than 200 (4xx pages are still complete pages). */
function renderWith(c: C, status: 400 | 404 | 409 | 410 | 422 | 429, content: Parameters<C["render"]>[0], props: Parameters<C["render"]>[1]) {
  c.status(status);
  return c.render(content, props);
}

// ------------------------------------------------------------------ the invitation link

onboardingRoutes.get("/i/:token", async (c) => {
  const token = c.req.param("token");
  const link = await openInvitationLink(db(c), token, clock());
  if (!link || link.status !== "pending") return renderLinkState(c, token, link);
  const state = await currentState(c);
  // This link's own language, whatever an earlier link in this browser said.
  await speakInvitationLanguage(c, link);
  return c.render(
    <ConfirmInvitationPage
      token={token}
      child={childOf(link)}
      districtName={link.found.district.name}
      alreadyConfirmed={Boolean(state?.invitationIds.includes(link.found.invitation.id))}
    />,
    { title: titles(c).isThisYourChild },
  );
});

/** "Yes": remember the answer in this browser's onboarding state; the invitation is consumed only when an account connects. */
onboardingRoutes.post("/i/:token/confirm", async (c) => {
  const token = c.req.param("token");
  const at = clock();
  const link = await openInvitationLink(db(c), token, at);
  if (!link || link.status !== "pending") return renderLinkState(c, token, link);
  const inv = link.found.invitation;
  ensureDeviceCookie(c);
  const state = await currentState(c);
  if (state && state.address === inv.address) {
    await addToOnboardingState(db(c), state, [inv.id], at);
  } else {
    const stateToken = await createOnboardingState(db(c), inv.address, [inv.id], at, link.found.contact.language);
    setShortCookie(c, ONBOARDING_COOKIE, stateToken, Math.floor(ONBOARDING_TTL_MS / 1000));
  }
  return c.redirect("/join/next", 303);
});

onboardingRoutes.post("/i/:token/not-my-child", async (c) => {
  const token = c.req.param("token");
  const at = clock();
  const link = await openInvitationLink(db(c), token, at);
  if (!link || (link.status !== "pending" && link.status !== "expired")) return renderLinkState(c, token, link);
  const inv = link.found.invitation;
  if (!(await disputeInvitation(db(c), inv, at))) return renderLinkState(c, token, await openInvitationLink(db(c), token, clock()));
  const state = await currentState(c);
  const more = state?.address === inv.address && (await pendingSiblings(db(c), inv.address, state.invitationIds, at)).length > 0;
  await speakInvitationLanguage(c, link);
  return c.render(<DisputedPage schoolName={link.found.school.name} more={more} />, { title: titles(c).schoolTold });
});

/** "Send me a fresh invitation": same address on file, rate-limited, never for a revoked invitation. */
onboardingRoutes.post("/i/:token/renew", async (c) => {
  const token = c.req.param("token");
  const at = clock();
  const link = await openInvitationLink(db(c), token, at);
  if (!link || link.status !== "expired") return renderLinkState(c, token, link);
  const inv = link.found.invitation;
  await speakInvitationLanguage(c, link);
  const verdict = await rateLimit(c.env, `renew:address:${inv.address}`, LIMITS.invitationRenewalPerAddress);
  if (!verdict.allowed) {
    c.header("retry-after", String(verdict.retryAfter));
    return renderWith(c, 429, <RenewalPage result={{ kind: "limited", retryAfter: verdict.retryAfter }} />, { title: titles(c).pleaseWait });
  }
  const outcome = await renewExpiredInvitation(
    { db: db(c), publicUrl: config(c.env).publicUrl, defaultTtlDays: config(c.env).invitationTtlDays, now: at },
    { ...inv, student: link.found.student, school: link.found.school },
  );
  if (outcome.ok) kick(c);
  const result = outcome.ok ? ({ kind: "sent", address: inv.address, channel: inv.channel } as const) : ({ kind: outcome.error } as const);
  return c.render(<RenewalPage result={result} />, { title: titles(c).freshInvitation });
});

// ------------------------------------------------------------------ siblings

/** The next unanswered invitation to the same address, or the account step when all are answered. */
onboardingRoutes.get("/join/next", async (c) => {
  const state = await currentState(c);
  if (!state) return c.redirect("/join", 303);
  const [remaining, confirmed] = await Promise.all([pendingSiblings(db(c), state.address, state.invitationIds, clock()), describeInvitations(db(c), state.invitationIds)]);
  const [next, ...others] = remaining;
  if (!next) return c.redirect("/join", 303);
  return c.render(<SiblingPage next={next} others={others} confirmed={confirmed} />, { title: titles(c).anotherInvitation });
});

async function withState(c: C, answer: (state: OnboardingState) => Promise<void>): Promise<Response> {
  const state = await currentState(c);
  if (!state) return c.redirect("/join", 303);
  await answer(state);
  return c.redirect("/join/next", 303);
}

onboardingRoutes.post("/join/siblings/confirm-all", (c) =>
  withState(c, async (state) => {
    const body = await c.req.parseBody({ all: true });
    const raw = body.id;
    const wanted = new Set((Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string").slice(0, 30));
    // Only invitations the page listed that are still pending for this address.
    const ids = (await pendingSiblings(db(c), state.address, state.invitationIds, clock())).map((s) => s.id).filter((id) => wanted.has(id));
    if (ids.length) await addToOnboardingState(db(c), state, ids, clock());
  }),
);

onboardingRoutes.post("/join/siblings/:id/confirm", (c) =>
  withState(c, async (state) => {
    const at = clock();
    const sib = await findSibling(db(c), state.address, c.req.param("id"));
    if (sib && sib.status === "pending" && sib.expiresAt > at) await addToOnboardingState(db(c), state, [sib.id], at);
  }),
);

onboardingRoutes.post("/join/siblings/:id/not-my-child", (c) =>
  withState(c, async (state) => {
    const sib = await findSibling(db(c), state.address, c.req.param("id"));
    if (sib && sib.status === "pending") await disputeInvitation(db(c), sib, clock());
  }),
);

// ------------------------------------------------------------------ the account step

onboardingRoutes.get("/join", async (c) => {
  const state = await currentState(c);
  const actor = c.get("actor");
  if (!state) {
    if (actor?.kind === "parent") return c.redirect("/", 303);
    return c.render(<NothingToJoinPage answered={false} />, { title: titles(c).join });
  }
  const [remaining, confirmed] = await Promise.all([pendingSiblings(db(c), state.address, state.invitationIds, clock()), describeInvitations(db(c), state.invitationIds)]);
  if (remaining.length) return c.redirect("/join/next", 303);
  if (confirmed.length === 0) return c.render(<NothingToJoinPage answered />, { title: titles(c).thankYou });
  if (actor?.kind === "parent") return c.render(<AddToAccountPage confirmed={confirmed} email={actor.user.email} />, { title: titles(c).addToAccount });
  // A returning parent signs in first (issue 14): this browser signed a parent in before, or the invited address has an account.
  const returning = readDeviceTokens(c).length > 0 || Boolean(await findUserByEmail(db(c), state.address));
  const title = returning ? c.var.locale.t.onboarding.returning.heading(new Intl.ListFormat(c.var.locale.tag, { type: "conjunction" }).format(confirmed.map((k) => k.firstName))) : titles(c).createAccount;
  return c.render(<JoinPage confirmed={confirmed} googleConfigured={googleConfigured(c.env)} values={{}} errors={{}} returning={returning} />, { title });
});

/** The forms' messages in the page's language: schemas are built per request from its catalog. */
const text = (t: Catalog, max: number) => preprocess((v) => (typeof v === "string" ? v : ""), z.string().check(z.trim(), z.maxLength(max, t.account.errors.tooLong(max))));
const emailField = (t: Catalog) => z.pipe(z.pipe(text(t, 254), z.transform((v: string) => v.toLowerCase())), z.email(t.onboarding.errors.enterEmail));
const signUpForm = (t: Catalog) =>
  z.object({
    // Control and bidirectional characters never reach a page or an email.
    name: z.pipe(
      preprocess((v) => (typeof v === "string" ? cleanLine(v) : ""), z.string().check(z.trim(), z.maxLength(200, t.account.errors.tooLong(200)))),
      z.string().check(z.minLength(1, t.onboarding.errors.enterName)),
    ),
    email: emailField(t),
    // Not trimmed: spaces can be part of a password.
    password: preprocess((v) => (typeof v === "string" ? v : ""), z.string().check(z.maxLength(1024))),
  });

onboardingRoutes.post("/join/email", async (c) => {
  const state = await currentState(c);
  if (!state || state.invitationIds.length === 0) return renderWith(c, 400, <NothingToJoinPage answered={false} />, { title: titles(c).join });
  const { t } = c.var.locale;
  const confirmed = await describeInvitations(db(c), state.invitationIds);
  const body = await c.req.parseBody();
  const values = { name: typeof body.name === "string" ? body.name.slice(0, 200) : "", email: typeof body.email === "string" ? body.email.slice(0, 254) : "" };
  const parsed = signUpForm(t).safeParse(body);
  const errors: SignUpErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "email" || field === "password") && !errors[field]) errors[field] = issue.message;
    }
  }
  // Every problem at once (issue 14): the password and the address are checked even when another field is wrong.
  const typedEmail = parsed.success ? parsed.data.email : emailField(t).safeParse(body.email).data;
  if (!errors.password) {
    const problem = await passwordProblem(c.env, typeof body.password === "string" ? body.password : "", typedEmail ?? values.email, t);
    if (problem) errors.password = problem;
  }
  if (!errors.email && typedEmail && (await isStudentEmail(db(c), typedEmail, state.invitationIds))) {
    errors.email = t.onboarding.errors.studentAddress;
  }
  if (!parsed.success || Object.keys(errors).length) {
    return renderWith(c, 422, <JoinPage confirmed={confirmed} googleConfigured={googleConfigured(c.env)} values={values} errors={errors} />, { title: titles(c).createAccount });
  }
  // Over the limit: the same page, but no email and nothing written.
  const allowed = await signUpAllowed(c, state.invitationIds);
  ensureDeviceCookie(c);
  const browserHash = bindSignUpToBrowser(c);
  if (!allowed) return c.redirect(withLanguage(c, "/join/check-email"), 303);
  const { name, email, password } = parsed.data;
  // Hashed either way, so the answer takes as long whether or not the address has an account.
  const passwordHash = hashPassword(password);
  const outcome = await signUpWithEmail(
    db(c),
    {
      name,
      email,
      passwordHash,
      invitationIds: state.invitationIds,
      onboardingStateId: state.id,
      publicUrl: config(c.env).publicUrl,
      // Bounds "you already have an account" emails to one address.
      notifyExisting: async () => (await rateLimit(c.env, `signup:address:${email}`, LIMITS.passwordResetPerAddress)).allowed,
      browserHash,
      // What this page was shown in: the confirmation email's language, then the account's.
      language: c.var.locale.tag,
    },
    clock(),
  );
  // The attempt takes the confirmed children along in its link; an existing account keeps them here for signing in.
  if (outcome.kind === "attempt") clearShortCookie(c, ONBOARDING_COOKIE);
  kick(c);
  return c.redirect(withLanguage(c, "/join/check-email"), 303);
});

onboardingRoutes.get("/join/check-email", async (c) => {
  await speakCarriedLanguage(c);
  return c.render(<CheckEmailPage />, { title: titles(c).checkEmail });
});

/** A signed-in parent who confirmed new children adds them with one press. */
onboardingRoutes.post("/join/connect", async (c) => {
  const actor = c.get("actor");
  if (actor?.kind !== "parent") return c.redirect("/sign-in", 303);
  await connectConfirmed(c, actor.user.id);
  return c.redirect("/", 303);
});

// ------------------------------------------------------------------ the email confirmation link

const emailForm = (t: Catalog) => z.object({ email: emailField(t) });

onboardingRoutes.get("/verify-email/resend", async (c) => {
  await speakCarriedLanguage(c);
  return c.render(<ResendVerificationPage sent={c.req.query("sent") === "1"} />, { title: titles(c).sendLinkAgain });
});

onboardingRoutes.post("/verify-email/resend", async (c) => {
  await speakCarriedLanguage(c);
  const parsed = emailForm(c.var.locale.t).safeParse(await c.req.parseBody());
  if (!parsed.success) {
    return renderWith(c, 422, <ResendVerificationPage error={parsed.error.issues[0]?.message} />, { title: titles(c).sendLinkAgain });
  }
  const { email } = parsed.data;
  const verdict = await rateLimit(c.env, `verify-resend:address:${email}`, LIMITS.passwordResetPerAddress);
  if (!verdict.allowed) {
    c.header("retry-after", String(verdict.retryAfter));
    return renderWith(c, 429, <ResendVerificationPage email={email} limitedFor={waitWords(verdict.retryAfter, c.var.locale)} />, { title: titles(c).sendLinkAgain });
  }
  if (await resendSignUpLink(db(c), email, config(c.env).publicUrl, clock())) kick(c);
  return c.redirect(withLanguage(c, "/verify-email/resend?sent=1"), 303);
});

onboardingRoutes.get("/verify-email/:token", async (c) => {
  const token = c.req.param("token");
  const link = await openSignUpLink(db(c), token, clock());
  if (!link) return renderWith(c, 404, <VerifyProblemPage alreadyConfirmed={false} />, { title: titles(c).linkNotValid });
  // The language of the sign-up, on whichever device the email is opened.
  await preferInvitationLanguage(c, link.attempt.language);
  if (link.account && link.account.emailVerifiedAt !== null) return c.render(<VerifyProblemPage alreadyConfirmed />, { title: titles(c).alreadyConfirmed });
  return c.render(<VerifyEmailPage token={token} email={link.attempt.email} askPassword={!isSigningUpBrowser(c, link)} />, { title: titles(c).confirmEmail });
});

/**
 * Uses the link once: the account of that one sign-up attempt is made (its password, its name),
 * its confirmed children (and no others) connected, and the parent signed in on this device.
 * A confirmed address is never changed by a link.
 */
onboardingRoutes.post("/verify-email/:token", async (c) => {
  const at = clock();
  const link = await openSignUpLink(db(c), c.req.param("token"), at);
  if (!link) return renderWith(c, 404, <VerifyProblemPage alreadyConfirmed={false} />, { title: titles(c).linkNotValid });
  await preferInvitationLanguage(c, link.attempt.language);
  if (link.account && link.account.emailVerifiedAt !== null) return c.render(<VerifyProblemPage alreadyConfirmed />, { title: titles(c).alreadyConfirmed });
  if (!isSigningUpBrowser(c, link)) {
    const body = await c.req.parseBody();
    const proof = await provesAttemptPassword(c, link, typeof body.password === "string" ? body.password.slice(0, 1024) : "");
    if (!proof.ok) {
      if (proof.limited) c.header("retry-after", String(proof.limited.retryAfter));
      const { t } = c.var.locale;
      const error = proof.limited ? t.onboarding.errors.tooManyTries(waitWords(proof.limited.retryAfter, c.var.locale)) : t.onboarding.errors.wrongAttemptPassword;
      return renderWith(c, proof.limited ? 429 : 422, <VerifyEmailPage token={c.req.param("token")} email={link.attempt.email} askPassword error={error} />, {
        title: titles(c).confirmEmail,
      });
    }
  }
  const use = useSignUpLinkStatements(db(c), link, at);
  // The invitations are consumed only if this request used the link and made the account (guard).
  const outcomes = await connectInvitations(db(c), use.userId, link.attempt.invitationIds, at, { before: use.statements, guard: use.ours });
  if (!(await usedSignUpLink(db(c), use))) return renderWith(c, 404, <VerifyProblemPage alreadyConfirmed={false} />, { title: titles(c).linkNotValid });
  rememberConnected(c, outcomes);
  await signInAs(c, "parent", use.userId);
  return c.redirect("/", 303);
});
