/** The account step of onboarding: Google or email, the "check your email" page, and the confirmation link. */
import { Field, FullPageForm, GoogleChoice, Notice, PostForm } from "../components";
import { useLocale, useT } from "../i18n";
import type { InvitedChild } from "./onboarding";

export interface SignUpValues {
  name?: string;
  email?: string;
}
export type SignUpErrors = Partial<Record<"name" | "email" | "password", string>>;

function ConfirmedList({ items }: { items: InvitedChild[] }) {
  return (
    <ul class="confirmed">
      {items.map((c) => (
        <li>
          <strong>
            {c.firstName} {c.lastName}
          </strong>
          , {c.schoolName}
        </li>
      ))}
    </ul>
  );
}

/**
 * The account step. A returning parent (`returning`: an account at the invited address, or a
 * browser where a parent signed in before) is offered "Sign in to add Leo" first (issue 14), and
 * creating an account below it.
 */
export function JoinPage(p: { confirmed: InvitedChild[]; googleConfigured: boolean; values: SignUpValues; errors: SignUpErrors; formError?: string; returning?: boolean }) {
  const { t: all, tag } = useLocale();
  const t = all.onboarding.join;
  const r = all.onboarding.returning;
  const names = new Intl.ListFormat(tag, { type: "conjunction" }).format(p.confirmed.map((c) => c.firstName));
  return (
    <section>
      {p.returning ? (
        <>
          <h1>{r.heading(names)}</h1>
          <p>{t.youConfirmed}</p>
          <ConfirmedList items={p.confirmed} />
          <p>{r.why}</p>
          <p class="actions">
            <a class="button" href="/sign-in">{r.signIn}</a>
          </p>
          <h2>{r.newHere}</h2>
        </>
      ) : (
        <>
          <h1>{t.heading}</h1>
          <p>{t.youConfirmed}</p>
          <ConfirmedList items={p.confirmed} />
          <p>{t.addedWhenReady}</p>
        </>
      )}

      {p.googleConfigured ? (
        <>
          <h2>{t.googleHeading}</h2>
          <p class="muted">{t.googleAnyAddress}</p>
          <GoogleChoice configured />
          <h2>{t.orEmailHeading}</h2>
        </>
      ) : (
        <>
          <GoogleChoice configured={false} />
          <h2>{t.emailHeading}</h2>
        </>
      )}
      <p>
        <strong>{t.personalAddress}</strong>
      </p>
      {p.formError && <Notice kind="error">{p.formError}</Notice>}
      <FullPageForm action="/join/email">
        <Field name="name" label={t.name} value={p.values.name} error={p.errors.name} autocomplete="name" required maxlength={200} />
        <Field name="email" label={t.email} type="email" value={p.values.email} error={p.errors.email} autocomplete="email" required maxlength={254} hint={t.emailHint} />
        <Field name="password" label={t.password} type="password" error={p.errors.password} autocomplete="new-password" required minlength={8} maxlength={128} hint={t.passwordHint} />
        <p class="actions">
          <button type="submit">{t.submit}</button>
        </p>
      </FullPageForm>

      {!p.returning && (
        <>
          <h2>{t.haveAccountHeading}</h2>
          <p>
            <a href="/sign-in">{t.signInToAdd}</a>.
          </p>
        </>
      )}
    </section>
  );
}

/** A signed-in parent who opened a new invitation: one button adds the children. */
export function AddToAccountPage(p: { confirmed: InvitedChild[]; email: string }) {
  const t = useT().onboarding;
  return (
    <section>
      <h1>{t.addToAccount.heading}</h1>
      <p>{t.join.youConfirmed}</p>
      <ConfirmedList items={p.confirmed} />
      <p>{t.addToAccount.signedInAs(p.email)}</p>
      <PostForm action="/join/connect">
        <button type="submit">{t.addToAccount.submit}</button>
      </PostForm>
      <p class="muted">{t.addToAccount.notYours}</p>
    </section>
  );
}

export function NothingToJoinPage({ answered }: { answered: boolean }) {
  const t = useT().onboarding;
  return (
    <section>
      {answered ? (
        <>
          <h1>{t.nothingToJoin.thanksHeading}</h1>
          <p>{t.nothingToJoin.noneYours}</p>
        </>
      ) : (
        <>
          <h1>{t.nothingToJoin.startHeading}</h1>
          <p>{t.nothingToJoin.start}</p>
          <p>
            {t.nothingToJoin.haveAccount} <a href="/sign-in">{t.signIn}</a>.
          </p>
        </>
      )}
    </section>
  );
}

/** The resend page in this page's language (it has no invitation left to tell it). */
const resendPath = (tag: string) => `/verify-email/resend?lang=${encodeURIComponent(tag)}`;

export function CheckEmailPage() {
  const { tag, t: { onboarding: { checkEmail: t } } } = useLocale();
  return (
    <section>
      <h1>{t.heading}</h1>
      <p>{t.sent}</p>
      <p class="muted">
        {t.nothingArrived} <a href={resendPath(tag)}>{t.sendAgain}</a>.
      </p>
    </section>
  );
}

/** `askPassword`: opened in another browser than the one that signed up, so the sign-up's password proves who is confirming. */
export function VerifyEmailPage(p: { token: string; email: string; askPassword: boolean; error?: string }) {
  const t = useT().onboarding.verify;
  return (
    <section>
      <h1>{t.heading}</h1>
      {p.askPassword ? (
        <p>
          {t.otherBrowserBefore} <strong>{p.email}</strong> {t.otherBrowserAfter}
        </p>
      ) : (
        <p>
          {t.pressBefore} <strong>{p.email}</strong> {t.pressAfter}
        </p>
      )}
      <PostForm action={`/verify-email/${p.token}`}>
        {p.askPassword && <Field name="password" type="password" label={t.password} autocomplete="current-password" error={p.error} required />}
        <button type="submit">{t.submit}</button>
      </PostForm>
    </section>
  );
}

export function VerifyProblemPage({ alreadyConfirmed }: { alreadyConfirmed: boolean }) {
  const { tag, t } = useLocale();
  return (
    <section>
      {alreadyConfirmed ? (
        <>
          <h1>{t.onboarding.verify.alreadyHeading}</h1>
          <p>{t.onboarding.verify.already}</p>
        </>
      ) : (
        <>
          <h1>{t.onboarding.verify.brokenHeading}</h1>
          <p>{t.onboarding.verify.broken}</p>
        </>
      )}
      <p class="actions">
        <a class="button" href="/sign-in">{t.onboarding.signIn}</a>
        {!alreadyConfirmed && (
          <a class="button secondary" href={resendPath(tag)}>
            {t.onboarding.verify.sendNewLink}
          </a>
        )}
      </p>
    </section>
  );
}

export function ResendVerificationPage(p: { email?: string; error?: string; sent?: boolean; limitedFor?: string }) {
  const { tag, t: { onboarding: { resend: t } } } = useLocale();
  return (
    <section>
      <h1>{t.heading}</h1>
      {p.sent && <Notice kind="ok">{t.sent}</Notice>}
      {p.limitedFor && <Notice kind="error">{t.limited(p.limitedFor)}</Notice>}
      <FullPageForm action={resendPath(tag)}>
        <Field name="email" label={t.email} type="email" value={p.email} error={p.error} autocomplete="email" required maxlength={254} />
        <p class="actions">
          <button type="submit">{t.submit}</button>
        </p>
      </FullPageForm>
    </section>
  );
}
