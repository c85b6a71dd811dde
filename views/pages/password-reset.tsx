import { Field, FullPageForm, HomeLink, Notice } from "../components";
import { useT } from "../i18n";
import { NewPasswordField } from "./account-form";

export interface ForgotPasswordPageProps {
  /** After a request: the one neutral answer, whether or not the address has an account. */
  sent?: boolean;
  email?: string;
  errors?: Record<string, string>;
}

/** GET/POST /forgot-password. */
export function ForgotPasswordPage({ sent = false, email = "", errors = {} }: ForgotPasswordPageProps) {
  const t = useT().signIn.forgotPage;
  return (
    <section>
      <h1>{t.heading}</h1>
      {sent && <Notice kind="ok">{t.sent}</Notice>}
      {errors.form && <Notice kind="error">{errors.form}</Notice>}
      <p>{t.intro}</p>
      <FullPageForm action="/forgot-password">
        <Field name="email" label={t.email} type="email" value={email} error={errors.email} autocomplete="email" inputmode="email" required maxlength={254} />
        <div class="actions">
          <button type="submit">{t.submit}</button>
          <a href="/sign-in">{t.back}</a>
        </div>
      </FullPageForm>
      <p class="muted">{t.google}</p>
    </section>
  );
}

/** GET/POST /reset-password/:token with a usable link. */
export function ResetPasswordPage({ token, email, error }: { token: string; email: string; error?: string }) {
  const t = useT().signIn.resetPage;
  return (
    <section>
      <h1>{t.heading}</h1>
      <p>
        {t.forAccountBefore} <strong>{email}</strong>
        {t.forAccountAfter}
      </p>
      <FullPageForm action={`/reset-password/${token}`}>
        {/* Lets password managers save the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <NewPasswordField name="password" error={error} />
        <div class="actions">
          <button type="submit">{t.submit}</button>
        </div>
      </FullPageForm>
    </section>
  );
}

export type ResetLinkProblem = "unknown" | "used" | "expired";

/** A reset link that is unknown, used or expired. */
export function ResetLinkProblemPage({ reason }: { reason: ResetLinkProblem }) {
  const t = useT().signIn;
  const p = t.resetProblems[reason];
  return (
    <section>
      <h1>{p.title}</h1>
      <p>{p.text}</p>
      <p class="actions">
        <a class="button" href="/forgot-password">{t.resetPage.sendNewLink}</a>
        <a href="/sign-in">{t.resetPage.signIn}</a>
      </p>
      <HomeLink />
    </section>
  );
}
