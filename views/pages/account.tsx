import type { User } from "../../src/auth/actor";
import type { Session } from "../../src/auth/sessions";
import { Field, FullPageForm, Notice } from "../components";
import { NewPasswordField } from "./account-form";
import { AccountSessions } from "./account-sessions";

/** Which form a 422 belongs to, with its field messages and the values to show again. */
export interface AccountFormErrors {
  form: "name" | "notifications" | "password";
  fields: Record<string, string>;
  values?: Record<string, string>;
}

export interface AccountPageProps {
  user: User;
  sessions: Session[];
  currentSessionId: string;
  /** After a redirect: what was just done. */
  notice?: string | null;
  errors?: AccountFormErrors | null;
  /** How long a message waits unread before the email, in words ("3 hours"). */
  unreadDelay: string;
}

/** /account: each setting its own small form that works without JavaScript. */
export function AccountPage(p: AccountPageProps) {
  const err = (form: AccountFormErrors["form"]) => (p.errors?.form === form ? p.errors.fields : {});
  const nameValue = p.errors?.form === "name" ? (p.errors.values?.name ?? "") : p.user.name;
  return (
    <>
      <h1>Account settings</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.errors && <Notice kind="error">Please check the form below.</Notice>}

      <section class="card" aria-labelledby="account-name">
        <h2 id="account-name">Name</h2>
        {err("name").form && <p class="error">{err("name").form}</p>}
        <FullPageForm action="/account/name">
          <Field name="name" label="Your name" value={nameValue} error={err("name").name} autocomplete="name" required maxlength={200} hint="Teachers see this name." />
          <div class="actions">
            <button type="submit">Save name</button>
          </div>
        </FullPageForm>
      </section>

      <section class="card" aria-labelledby="account-email">
        <h2 id="account-email">Email address</h2>
        <p>
          <strong>{p.user.email}</strong>
        </p>
        <p class="muted">
          The email address of an account can't be changed. To use another address, ask your child's school district to send a new invitation for each
          child to that address.
        </p>
      </section>

      <section class="card" aria-labelledby="account-notifications">
        <h2 id="account-notifications">Emails about messages</h2>
        {err("notifications").form && <p class="error">{err("notifications").form}</p>}
        <FullPageForm action="/account/notifications" class="checkbox-form">
          <div class="field">
            <input id="f-notifyUnread" name="notifyUnread" type="checkbox" value="on" checked={p.user.notifyUnread} />{" "}
            <label for="f-notifyUnread" class="inline-label">
              Email me when a message from a teacher is still unread after {p.unreadDelay}
            </label>
            {err("notifications").notifyUnread && <p class="error">{err("notifications").notifyUnread}</p>}
          </div>
          <div class="actions">
            <button type="submit">Save</button>
          </div>
        </FullPageForm>
      </section>

      <section class="card" aria-labelledby="account-password">
        <h2 id="account-password">Password</h2>
        {p.user.passwordHash === null ? (
          <p>
            You sign in with Google, so your account has no password to change here. To keep your account safe, keep your Google account safe.
          </p>
        ) : (
          <>
            {err("password").form && <p class="error">{err("password").form}</p>}
            <FullPageForm action="/account/password">
              <input type="hidden" name="username" autocomplete="username" value={p.user.email} />
              <Field name="currentPassword" label="Current password" type="password" error={err("password").currentPassword} autocomplete="current-password" required maxlength={1024} />
              <NewPasswordField name="newPassword" error={err("password").newPassword} />
              <div class="actions">
                <button type="submit">Change password</button>
              </div>
            </FullPageForm>
            <p class="muted">
              Changing your password signs you out on every other device. Forgot it? <a href="/forgot-password">Get a link by email</a>.
            </p>
          </>
        )}
      </section>

      <AccountSessions sessions={p.sessions} currentSessionId={p.currentSessionId} />

      <section class="card" aria-labelledby="account-delete">
        <h2 id="account-delete">Delete account</h2>
        <p>
          Delete your account and your connections to your children. <a href="/account/delete">Delete my account</a>
        </p>
      </section>
    </>
  );
}

/** POST /account/sessions/:id/end with an id that is not one of this account's sessions. */
export function SessionNotFoundPage() {
  return (
    <section>
      <h1>That device isn't on your account</h1>
      <p>
        It may have been signed out already. <a href="/account">Back to account settings</a>
      </p>
    </section>
  );
}
