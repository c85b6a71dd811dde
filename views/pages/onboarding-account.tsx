/** The account step of onboarding: Google or email, the "check your email" page, and the confirmation link. */
import { Field, FullPageForm, GoogleChoice, Notice, PostForm } from "../components";
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

export function JoinPage(p: { confirmed: InvitedChild[]; googleConfigured: boolean; values: SignUpValues; errors: SignUpErrors; formError?: string }) {
  return (
    <section>
      <h1>Create your account</h1>
      <p>You confirmed:</p>
      <ConfirmedList items={p.confirmed} />
      <p>They will be added to your account as soon as it is ready.</p>

      {p.googleConfigured ? (
        <>
          <h2>Continue with Google</h2>
          <p class="muted">Your Google account does not need to be the address where the invitation arrived.</p>
          <GoogleChoice configured />
          <h2>Or continue with email</h2>
        </>
      ) : (
        <>
          <GoogleChoice configured={false} />
          <h2>Continue with email</h2>
        </>
      )}
      <p>
        <strong>Use your own personal email address, not your child's school address.</strong>
      </p>
      {p.formError && <Notice kind="error">{p.formError}</Notice>}
      <FullPageForm action="/join/email">
        <Field name="name" label="Your name" value={p.values.name} error={p.errors.name} autocomplete="name" required maxlength={200} />
        <Field name="email" label="Your email" type="email" value={p.values.email} error={p.errors.email} autocomplete="email" required maxlength={254} hint="We send a link to this address to confirm it." />
        <Field name="password" label="Choose a password" type="password" error={p.errors.password} autocomplete="new-password" required minlength={8} maxlength={128} hint="At least 8 characters. A few words together are easy to remember and hard to guess." />
        <p class="actions">
          <button type="submit">Continue with email</button>
        </p>
      </FullPageForm>

      <h2>Already have an account?</h2>
      <p>
        <a href="/sign-in">Sign in to add your children</a>.
      </p>
    </section>
  );
}

/** A signed-in parent who opened a new invitation: one button adds the children. */
export function AddToAccountPage(p: { confirmed: InvitedChild[]; email: string }) {
  return (
    <section>
      <h1>Add to your account</h1>
      <p>You confirmed:</p>
      <ConfirmedList items={p.confirmed} />
      <p>You are signed in as {p.email}.</p>
      <PostForm action="/join/connect">
        <button type="submit">Add to my account</button>
      </PostForm>
      <p class="muted">Not your account? Sign out first, then open the invitation again.</p>
    </section>
  );
}

export function NothingToJoinPage({ answered }: { answered: boolean }) {
  return (
    <section>
      {answered ? (
        <>
          <h1>Thank you</h1>
          <p>You said none of these children are yours. The school has been told. There is nothing else you need to do.</p>
        </>
      ) : (
        <>
          <h1>Start from your invitation</h1>
          <p>
            To join Family Portal, open the invitation link your child's school sent you by email or text message. Invitations come from the school; if you don't
            have one, ask your child's teacher.
          </p>
          <p>
            Already have an account? <a href="/sign-in">Sign in</a>.
          </p>
        </>
      )}
    </section>
  );
}

export function CheckEmailPage() {
  return (
    <section>
      <h1>Check your email</h1>
      <p>We sent you an email. Open it and press "Confirm my email": that signs you in and adds your children.</p>
      <p class="muted">
        The link works for 24 hours. If you already have an account with that address, the email tells you how to sign in instead. Nothing arrived after a few
        minutes? Look in your spam folder, or <a href="/verify-email/resend">send the link again</a>.
      </p>
    </section>
  );
}

/** `askPassword`: opened in another browser than the one that signed up, so the sign-up's password proves who is confirming. */
export function VerifyEmailPage(p: { token: string; email: string; askPassword: boolean; error?: string }) {
  return (
    <section>
      <h1>Confirm your email</h1>
      {p.askPassword ? (
        <p>
          You are confirming <strong>{p.email}</strong> on another phone or browser than the one you signed up on. Type the password you chose when you signed
          up. If you did not sign up for Family Portal, close this page: nothing will happen.
        </p>
      ) : (
        <p>
          Press the button to confirm <strong>{p.email}</strong> and sign in.
        </p>
      )}
      <PostForm action={`/verify-email/${p.token}`}>
        {p.askPassword && <Field name="password" type="password" label="Your password" autocomplete="current-password" error={p.error} required />}
        <button type="submit">Confirm my email</button>
      </PostForm>
    </section>
  );
}

export function VerifyProblemPage({ alreadyConfirmed }: { alreadyConfirmed: boolean }) {
  return (
    <section>
      {alreadyConfirmed ? (
        <>
          <h1>Your email is already confirmed</h1>
          <p>You only need to confirm it once. Sign in to see your children.</p>
        </>
      ) : (
        <>
          <h1>This link doesn't work any more</h1>
          <p>
            Confirmation links work once, for 24 hours, and only the newest one sent to an address works. If you already confirmed your email, just sign in.
            Otherwise, ask for a new link.
          </p>
        </>
      )}
      <p class="actions">
        <a class="button" href="/sign-in">Sign in</a>
        {!alreadyConfirmed && (
          <a class="button secondary" href="/verify-email/resend">
            Send a new link
          </a>
        )}
      </p>
    </section>
  );
}

export function ResendVerificationPage(p: { email?: string; error?: string; sent?: boolean; limitedFor?: string }) {
  return (
    <section>
      <h1>Send the confirmation link again</h1>
      {p.sent && (
        <Notice kind="ok">
          If that address has a sign-up waiting to be confirmed, we sent a new link to it (the older link no longer works). Check your email. Nothing came? Open
          your invitation again and continue with email.
        </Notice>
      )}
      {p.limitedFor && <Notice kind="error">We sent several links to that address recently. Please wait about {p.limitedFor} and look in your spam folder.</Notice>}
      <FullPageForm action="/verify-email/resend">
        <Field name="email" label="Your email" type="email" value={p.email} error={p.error} autocomplete="email" required maxlength={254} />
        <p class="actions">
          <button type="submit">Send the link</button>
        </p>
      </FullPageForm>
    </section>
  );
}
