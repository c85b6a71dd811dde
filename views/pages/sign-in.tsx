/** Parent sign-in, and the one page for any failed Google sign-in. */
import { Field, FullPageForm, GoogleChoice, HomeLink, Notice } from "../components";
import { OtherDoors } from "../other-doors";
import { useT } from "../i18n";

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
  const t = useT().signIn;
  return (
    <section>
      <h1>{t.heading}</h1>
      {p.adding && <Notice>{t.adding}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.unverifiedEmail ? (
        <>
          <Notice kind="error">{t.confirmFirst}</Notice>
          <FullPageForm action="/verify-email/resend">
            <input type="hidden" name="email" value={p.unverifiedEmail} />
            <button type="submit">{t.sendNewLink}</button>
          </FullPageForm>
        </>
      ) : (
        <>
          <FullPageForm action="/sign-in">
            {p.next && <input type="hidden" name="next" value={p.next} />}
            <Field name="email" label={t.email} type="email" value={p.email} autocomplete="email" required maxlength={254} />
            <Field name="password" label={t.password} type="password" autocomplete="current-password" required maxlength={128} />
            <p class="actions">
              <button type="submit">{t.submit}</button>
              <a href="/forgot-password">{t.forgot}</a>
            </p>
          </FullPageForm>
          <GoogleChoice configured={p.googleConfigured} />
        </>
      )}
      <p class="muted">{t.newHere}</p>
      <OtherDoors />
    </section>
  );
}

/** `wait`: how long, in words (waitWords). */
export function TooManyTriesPage({ wait }: { wait: string }) {
  const t = useT().signIn;
  return (
    <section>
      <h1>{t.tooMany.heading}</h1>
      <p>{t.tooMany.body(wait)}</p>
      <p>
        <a href="/forgot-password">{t.forgot}</a>
      </p>
      <HomeLink />
    </section>
  );
}

export function GoogleProblemPage({ studentEmail }: { studentEmail: boolean }) {
  const t = useT().signIn.google;
  return (
    <section>
      <h1>{t.heading}</h1>
      <p>{studentEmail ? t.studentEmail : t.failed}</p>
      <p class="actions">
        <a class="button" href="/sign-in">{t.back}</a>
      </p>
    </section>
  );
}
