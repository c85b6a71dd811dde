import { Field, FullPageForm, Notice } from "../components";
import { NewPasswordField } from "./account-form";

export interface ForgotPasswordPageProps {
  /** After a request: the one neutral answer, whether or not the address has an account. */
  sent?: boolean;
  email?: string;
  errors?: Record<string, string>;
}

/** GET/POST /forgot-password. */
export function ForgotPasswordPage({ sent = false, email = "", errors = {} }: ForgotPasswordPageProps) {
  return (
    <section>
      <h1>Forgot your password?</h1>
      {sent && (
        <Notice kind="ok">
          If an account uses that address, we've sent a link to it. The link works for one hour. Nothing there after a few minutes? Check your spam
          folder, or ask again.
        </Notice>
      )}
      {errors.form && <Notice kind="error">{errors.form}</Notice>}
      <p>Enter the email address of your account. We'll send you a link to choose a new password.</p>
      <FullPageForm action="/forgot-password">
        <Field name="email" label="Email address" type="email" value={email} error={errors.email} autocomplete="email" inputmode="email" required maxlength={254} />
        <div class="actions">
          <button type="submit">Send me a link</button>
          <a href="/sign-in">Back to sign in</a>
        </div>
      </FullPageForm>
      <p class="muted">Signed up with "Continue with Google"? You have no password here: sign in with Google instead.</p>
    </section>
  );
}

/** GET/POST /reset-password/:token with a usable link. */
export function ResetPasswordPage({ token, email, error }: { token: string; email: string; error?: string }) {
  return (
    <section>
      <h1>Choose a new password</h1>
      <p>
        For the account <strong>{email}</strong>. Saving it signs you out on every other device.
      </p>
      <FullPageForm action={`/reset-password/${token}`}>
        {/* Lets password managers save the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <NewPasswordField name="password" error={error} />
        <div class="actions">
          <button type="submit">Save my new password</button>
        </div>
      </FullPageForm>
    </section>
  );
}

const PROBLEMS = {
  unknown: { title: "This link doesn't work", text: "The link may be incomplete: check that you opened the whole link from the email." },
  used: { title: "This link was already used", text: "Each link works once. If you still need a new password, ask for another link." },
  expired: { title: "This link has expired", text: "Links work for one hour. Ask for a new one: it only takes a minute." },
} as const;

/** A reset link that is unknown, used or expired. */
export function ResetLinkProblemPage({ reason }: { reason: keyof typeof PROBLEMS }) {
  const p = PROBLEMS[reason];
  return (
    <section>
      <h1>{p.title}</h1>
      <p>{p.text}</p>
      <p class="actions">
        <a class="button" href="/forgot-password">Send me a new link</a>
        <a href="/sign-in">Sign in</a>
      </p>
    </section>
  );
}

export const resetProblemTitle = (reason: keyof typeof PROBLEMS): string => PROBLEMS[reason].title;
