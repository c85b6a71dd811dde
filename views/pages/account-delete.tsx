import { Field, FullPageForm, Notice } from "../components";

export interface AccountDeletePageProps {
  /** Google-only accounts have no password: they type their email address instead. */
  withPassword: boolean;
  email: string;
  error?: string | null;
}

/** /account/delete: what goes, what stays with the teachers, and one confirmation. */
export function AccountDeletePage(p: AccountDeletePageProps) {
  return (
    <>
      <h1>Delete your account</h1>
      {p.error && <Notice kind="error">Please check the form below.</Notice>}
      <section class="card" aria-labelledby="delete-what">
        <h2 id="delete-what">What happens</h2>
        <ul>
          <li>Your account, your sign-ins on every device and your connections to your children are deleted. This cannot be undone.</li>
          <li>Your messages to teachers are removed. Teachers keep what they wrote, and see you as "former guardian".</li>
          <li>Your child's school keeps its own records. To use Family Portal again, ask the school for a new invitation.</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="delete-confirm">
        <h2 id="delete-confirm">Confirm</h2>
        <FullPageForm action="/account/delete">
          {p.withPassword ? (
            <Field name="password" label="Your password" type="password" autocomplete="current-password" required maxlength={1024} error={p.error ?? undefined} />
          ) : (
            <Field
              name="email"
              label="Type your email address to confirm"
              type="email"
              autocomplete="off"
              hint={`You sign in with Google. Type ${p.email} to confirm.`}
              required
              maxlength={254}
              error={p.error ?? undefined}
            />
          )}
          <div class="actions">
            <button type="submit" class="danger">
              Delete my account
            </button>
            <a href="/account">Keep my account</a>
          </div>
        </FullPageForm>
      </section>
    </>
  );
}
