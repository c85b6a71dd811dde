import { Field, FullPageForm, Notice } from "../components";
import { useT } from "../i18n";

export interface AccountDeletePageProps {
  /** Google-only accounts have no password: they type their email address instead. */
  withPassword: boolean;
  email: string;
  error?: string | null;
}

/** /account/delete: what goes, what stays with the teachers, and one confirmation. */
export function AccountDeletePage(p: AccountDeletePageProps) {
  const { account } = useT();
  const t = account.deletePage;
  return (
    <>
      <h1>{t.heading}</h1>
      {p.error && <Notice kind="error">{account.checkForm}</Notice>}
      <section class="card" aria-labelledby="delete-what">
        <h2 id="delete-what">{t.whatHappens}</h2>
        <ul>
          <li>{t.accountGoes}</li>
          <li>{t.messagesGo}</li>
          <li>{t.schoolKeeps}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="delete-confirm">
        <h2 id="delete-confirm">{t.confirm}</h2>
        <FullPageForm action="/account/delete">
          {p.withPassword ? (
            <Field name="password" label={t.password} type="password" autocomplete="current-password" required maxlength={1024} error={p.error ?? undefined} />
          ) : (
            <Field
              name="email"
              label={t.typeEmail}
              type="email"
              autocomplete="off"
              hint={t.typeEmailHint(p.email)}
              required
              maxlength={254}
              error={p.error ?? undefined}
            />
          )}
          <div class="actions">
            <button type="submit" class="danger">
              {t.submit}
            </button>
            <a href="/account">{t.keep}</a>
          </div>
        </FullPageForm>
      </section>
    </>
  );
}
