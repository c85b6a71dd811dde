import { Field, Notice, PostForm } from "../components";

/** The two ways in: Google (when configured) and a one-time link mailed to the roster address. */
function SignInOptions(p: { googleEnabled: boolean; email?: string; error?: string }) {
  return (
    <>
      <h2>With Google</h2>
      {p.googleEnabled ? (
        <>
          <p>Use the Google account of the email address your school has on its roster.</p>
          {/* A full-page navigation: Google's page cannot be fetched by htmx. */}
          <p>
            <a class="button" href="/teacher/auth/google" hx-boost="false">Sign in with Google</a>
          </p>
        </>
      ) : (
        <p class="muted">Google sign-in is not set up on this server, so please use an email link below.</p>
      )}
      <h2>With an email link</h2>
      <PostForm action="/teacher/sign-in">
        <Field
          name="email"
          label="Your school email address"
          type="email"
          value={p.email}
          error={p.error}
          hint="The address on your school's roster. We'll email you a link that signs you in once, within 15 minutes."
          autocomplete="email"
          inputmode="email"
          required
          maxlength={254}
        />
        <div class="actions">
          <button type="submit">Email me a sign-in link</button>
        </div>
      </PostForm>
    </>
  );
}

export function TeacherSignInPage(p: { googleEnabled: boolean; sent?: boolean; email?: string; error?: string; signedInAs?: "parent" | "student" }) {
  return (
    <>
      <h1>Teacher sign-in</h1>
      {p.signedInAs && <Notice>{`You're signed in as a ${p.signedInAs} on this device. Signing in as a teacher ends that session here.`}</Notice>}
      {p.sent && (
        <Notice kind="ok">
          If that address belongs to a teacher on a roster, we've sent a link. Check your inbox (and spam folder): the link works once, within 15 minutes.
        </Notice>
      )}
      <SignInOptions googleEnabled={p.googleEnabled} email={p.email} error={p.error} />
      <p class="muted">Parent or guardian? <a href="/sign-in">Sign in here</a>.</p>
    </>
  );
}

export function TeacherTooManyLinksPage(p: { minutes: number; googleEnabled: boolean }) {
  return (
    <>
      <h1>Please wait a little</h1>
      <Notice kind="error">
        Several sign-in links were asked for this address recently. To protect the inbox, please wait about {p.minutes} minute{p.minutes === 1 ? "" : "s"} and ask again, or use the newest link you already have.
      </Notice>
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
  const only = p.choices.length === 1 ? p.choices[0] : undefined;
  return (
    <>
      <h1>Sign in to Family Portal</h1>
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {only ? (
        <>
          <p>
            You're signing in as <strong>{only.name}</strong>, {only.districtName}.
          </p>
          <PostForm action={p.action}>
            <div class="actions">
              <button type="submit" name="teacherId" value={only.id}>Sign in</button>
            </div>
          </PostForm>
        </>
      ) : (
        <>
          <p>Your address is on the roster of more than one school district. Which one would you like to sign in to?</p>
          <PostForm action={p.action} class="teacher-choices">
            {p.choices.map((t) => (
              <p>
                <button type="submit" name="teacherId" value={t.id}>{`${t.districtName} (as ${t.name})`}</button>
              </p>
            ))}
          </PostForm>
        </>
      )}
    </>
  );
}

export function TeacherLinkExpiredPage(p: { googleEnabled: boolean }) {
  return (
    <>
      <h1>This sign-in link no longer works</h1>
      <Notice kind="error">Sign-in links work once, within 15 minutes. This one was already used or has run out. Ask for a new one below.</Notice>
      <SignInOptions googleEnabled={p.googleEnabled} />
    </>
  );
}

/** One page for every Google failure: it never says which check failed. */
export function TeacherGoogleRefusedPage(p: { googleEnabled: boolean }) {
  return (
    <>
      <h1>We couldn't sign you in with Google</h1>
      <Notice kind="error">
        Use the Google account of the email address your school has on its roster, or ask for an email link instead. If this keeps happening, contact your district office.
      </Notice>
      <SignInOptions googleEnabled={p.googleEnabled} />
    </>
  );
}
