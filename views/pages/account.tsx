import type { User } from "../../src/auth/actor";
import type { Session } from "../../src/auth/sessions";
import { CATALOGS } from "../../src/generated/catalogs";
import { LANGUAGES } from "../../src/i18n/negotiate";
import { Field, FullPageForm, Notice } from "../components";
import { useLocale, useT } from "../i18n";
import { NewPasswordField } from "./account-form";
import { AccountSessions } from "./account-sessions";
import { PhoneSettings } from "./account-phone";

/** Which form a 422 belongs to, with its field messages and the values to show again. */
export interface AccountFormErrors {
  form: "name" | "password" | "language";
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
  /** The mobile number and "When a teacher writes" (src/sms/). */
  phone: { pendingTo: string | null; errors: Record<string, string>; typedPhone?: string };
}

/** /account: each setting its own small form that works without JavaScript. */
export function AccountPage(p: AccountPageProps) {
  const t = useT().account;
  const err = (form: AccountFormErrors["form"]) => (p.errors?.form === form ? p.errors.fields : {});
  const nameValue = p.errors?.form === "name" ? (p.errors.values?.name ?? "") : p.user.name;
  return (
    <>
      <h1>{t.heading}</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.errors && <Notice kind="error">{t.checkForm}</Notice>}

      <section class="card" aria-labelledby="account-name">
        <h2 id="account-name">{t.name.heading}</h2>
        {err("name").form && <p class="error">{err("name").form}</p>}
        <FullPageForm action="/account/name">
          <Field name="name" label={t.name.label} value={nameValue} error={err("name").name} autocomplete="name" required maxlength={200} hint={t.name.hint} />
          <div class="actions">
            <button type="submit">{t.name.save}</button>
          </div>
        </FullPageForm>
      </section>

      <section class="card" aria-labelledby="account-email">
        <h2 id="account-email">{t.email.heading}</h2>
        <p>
          <strong>{p.user.email}</strong>
        </p>
        <p class="muted">{t.email.cannotChange}</p>
      </section>

      <LanguageSettings fields={err("language")} />

      <PhoneSettings user={p.user} unreadDelay={p.unreadDelay} {...p.phone} />

      <section class="card" aria-labelledby="account-password">
        <h2 id="account-password">{t.password.heading}</h2>
        {p.user.passwordHash === null ? (
          <p>{t.password.googleOnly}</p>
        ) : (
          <>
            {err("password").form && <p class="error">{err("password").form}</p>}
            <FullPageForm action="/account/password">
              <input type="hidden" name="username" autocomplete="username" value={p.user.email} />
              <Field name="currentPassword" label={t.password.current} type="password" error={err("password").currentPassword} autocomplete="current-password" required maxlength={1024} />
              <NewPasswordField name="newPassword" error={err("password").newPassword} />
              <div class="actions">
                <button type="submit">{t.password.submit}</button>
              </div>
            </FullPageForm>
            <p class="muted">
              {t.password.signsOut} <a href="/forgot-password">{t.password.byEmail}</a>.
            </p>
          </>
        )}
      </section>

      <AccountSessions sessions={p.sessions} currentSessionId={p.currentSessionId} />

      <section class="card" aria-labelledby="account-delete">
        <h2 id="account-delete">{t.deleteSection.heading}</h2>
        <p>
          {t.deleteSection.body} <a href="/account/delete">{t.deleteSection.link}</a>
        </p>
      </section>
    </>
  );
}

/**
 * The account's language, each named in itself ("English", "Español"): the language of every
 * page once signed in, on any browser, and of every email. Checked: the language of this page.
 */
function LanguageSettings({ fields }: { fields: Record<string, string> }) {
  const { tag, t } = useLocale();
  const error = fields.language ?? fields.form;
  return (
    <section class="card" aria-labelledby="account-language">
      <h2 id="account-language">{t.account.language.heading}</h2>
      <FullPageForm action="/account/language" class="checkbox-form">
        <fieldset aria-labelledby="account-language" aria-describedby={error ? "f-language-error" : undefined}>
          {error && (
            <p class="error" id="f-language-error">
              {error}
            </p>
          )}
          {LANGUAGES.map((other) => (
            <div class="field">
              <input id={`f-language-${other}`} name="language" type="radio" value={other} checked={other === tag} />{" "}
              <label for={`f-language-${other}`} class="inline-label" lang={other}>
                {CATALOGS[other]!.meta.name}
              </label>
            </div>
          ))}
        </fieldset>
        <p class="muted">{t.account.language.intro}</p>
        <div class="actions">
          <button type="submit">{t.account.language.save}</button>
        </div>
      </FullPageForm>
    </section>
  );
}

/** POST /account/sessions/:id/end with an id that is not one of this account's sessions. */
export function SessionNotFoundPage() {
  const t = useT().account.sessionNotFound;
  return (
    <section>
      <h1>{t.heading}</h1>
      <p>
        {t.body} <a href="/account">{t.back}</a>
      </p>
    </section>
  );
}
