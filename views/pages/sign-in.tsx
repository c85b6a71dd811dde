/** Parent sign-in, and the one page for any failed Google sign-in. */
import { Field, FullPageForm, GoogleChoice, Notice } from "../components";

export interface SignInPageProps {
  email?: string;
  next?: string;
  googleConfigured: boolean;
  /** One message for a wrong password and an unknown address. */
  error?: string;
  /** Set when the password was right but the email was never confirmed. */
  unverifiedEmail?: string;
  /** The parent confirmed children and will add them by signing in. */
  adding?: boolean;
}

export function SignInPage(p: SignInPageProps) {
  return (
    <section>
      <h1>Sign in</h1>
      {p.adding && <Notice>Sign in to add the children you confirmed to your account.</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.unverifiedEmail ? (
        <>
          <Notice kind="error">Please confirm your email address first. We sent you a link when you created your account.</Notice>
          <FullPageForm action="/verify-email/resend">
            <input type="hidden" name="email" value={p.unverifiedEmail} />
            <button type="submit">Send me a new link</button>
          </FullPageForm>
        </>
      ) : (
        <>
          <FullPageForm action="/sign-in">
            {p.next && <input type="hidden" name="next" value={p.next} />}
            <Field name="email" label="Email" type="email" value={p.email} autocomplete="email" required maxlength={254} />
            <Field name="password" label="Password" type="password" autocomplete="current-password" required maxlength={128} />
            <p class="actions">
              <button type="submit">Sign in</button>
              <a href="/forgot-password">Forgot your password?</a>
            </p>
          </FullPageForm>
          <GoogleChoice configured={p.googleConfigured} />
        </>
      )}
      <p class="muted">New to Family Portal? Invitations come from your child's school: open the link in the email or text message they sent you.</p>
    </section>
  );
}

export function TooManyTriesPage({ wait }: { wait: string }) {
  return (
    <section>
      <h1>Too many tries</h1>
      <p>To keep accounts safe, sign-in is paused for this address. Please wait about {wait} and try again.</p>
      <p>
        <a href="/forgot-password">Forgot your password?</a>
      </p>
    </section>
  );
}

export function GoogleProblemPage({ studentEmail }: { studentEmail: boolean }) {
  return (
    <section>
      <h1>We couldn't sign you in with Google</h1>
      {studentEmail ? (
        <p>
          That Google account uses a student's school address. Please use your own personal Google account, or continue with your personal email address.
        </p>
      ) : (
        <p>Something went wrong while signing in with Google, so nothing was changed. Please try again, or sign in with your email and password.</p>
      )}
      <p class="actions">
        <a class="button" href="/sign-in">Back to sign in</a>
      </p>
    </section>
  );
}
