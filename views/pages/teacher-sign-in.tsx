import { Field, Notice, PostForm } from "../components";
import { useT } from "../i18n";

/** The two ways in: Google (when configured) and a one-time link mailed to the roster address. */
function SignInOptions(p: { googleEnabled: boolean; email?: string; error?: string }) {
  const t = useT().teacher.signIn;
  return (
    <>
      <h2>{t.withGoogle}</h2>
      {p.googleEnabled ? (
        <>
          <p>{t.googleHint}</p>
          {/* A full-page navigation: Google's page cannot be fetched by htmx. */}
          <p>
            <a class="button" href="/teacher/auth/google" hx-boost="false">{t.googleButton}</a>
          </p>
        </>
      ) : (
        <p class="muted">{t.googleOff}</p>
      )}
      <h2>{t.withLink}</h2>
      <PostForm action="/teacher/sign-in">
        <Field
          name="email"
          label={t.emailLabel}
          type="email"
          value={p.email}
          error={p.error}
          hint={t.emailHint}
          autocomplete="email"
          inputmode="email"
          required
          maxlength={254}
        />
        <div class="actions">
          <button type="submit">{t.emailButton}</button>
        </div>
      </PostForm>
    </>
  );
}

export function TeacherSignInPage(p: { googleEnabled: boolean; sent?: boolean; email?: string; error?: string; signedInAs?: "parent" | "student" }) {
  const t = useT().teacher.signIn;
  return (
    <>
      <h1>{t.title}</h1>
      {p.signedInAs && <Notice>{p.signedInAs === "parent" ? t.signedInAsParent : t.signedInAsStudent}</Notice>}
      {p.sent && <Notice kind="ok">{t.sent}</Notice>}
      <SignInOptions googleEnabled={p.googleEnabled} email={p.email} error={p.error} />
      <p class="muted">
        {`${t.parentQuestion} `}
        <a href="/sign-in">{t.parentLink}</a>.
      </p>
    </>
  );
}

export function TeacherTooManyLinksPage(p: { minutes: number; googleEnabled: boolean }) {
  const t = useT().teacher.signIn;
  return (
    <>
      <h1>{t.tooManyTitle}</h1>
      <Notice kind="error">{t.tooMany(p.minutes)}</Notice>
      <SignInOptions googleEnabled={p.googleEnabled} />
    </>
  );
}

export interface SignInChoice {
  id: string;
  name: string;
  districtName: string;
}

/**
 * What a sign-in link (or a Google sign-in matching several rosters) opens: a button, nothing
 * happens until it is pressed (mail scanners open links too).
 */
export function TeacherSignInChoicePage(p: { action: string; choices: SignInChoice[]; error?: string }) {
  const t = useT().teacher.signIn;
  const only = p.choices.length === 1 ? p.choices[0] : undefined;
  return (
    <>
      <h1>{t.choiceTitle}</h1>
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {only ? (
        <>
          <p>
            {`${t.signingInAs} `}
            <strong>{only.name}</strong>
            {`, ${only.districtName}.`}
          </p>
          <PostForm action={p.action}>
            <div class="actions">
              <button type="submit" name="teacherId" value={only.id}>{t.signInButton}</button>
            </div>
          </PostForm>
        </>
      ) : (
        <>
          <p>{t.severalDistricts}</p>
          <PostForm action={p.action} class="teacher-choices">
            {p.choices.map((choice) => (
              <p>
                <button type="submit" name="teacherId" value={choice.id}>{t.districtAs(choice.districtName, choice.name)}</button>
              </p>
            ))}
          </PostForm>
        </>
      )}
    </>
  );
}

export function TeacherLinkExpiredPage(p: { googleEnabled: boolean }) {
  const t = useT().teacher.signIn;
  return (
    <>
      <h1>{t.expiredTitle}</h1>
      <Notice kind="error">{t.expired}</Notice>
      <SignInOptions googleEnabled={p.googleEnabled} />
    </>
  );
}

/** One page for every Google failure: it never says which check failed. */
export function TeacherGoogleRefusedPage(p: { googleEnabled: boolean }) {
  const t = useT().teacher.signIn;
  return (
    <>
      <h1>{t.googleRefusedTitle}</h1>
      <Notice kind="error">{t.googleRefused}</Notice>
      <SignInOptions googleEnabled={p.googleEnabled} />
    </>
  );
}
