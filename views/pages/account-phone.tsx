import type { User } from "../../src/auth/actor";
import { Field, FullPageForm } from "../components";
import { useT } from "../i18n";

export interface PhoneSettingsProps {
  user: User;
  /** A code was sent and is still good: show where to type it. */
  pendingTo: string | null;
  unreadDelay: string;
  /** Field messages of the phone, code or notify form. */
  errors: Record<string, string>;
  /** What was typed in the number field (after a refused number). */
  typedPhone?: string;
}

/**
 * How the parent is told a teacher wrote (the one control for unread-message emails and texts),
 * then the account's mobile number (added and confirmed by a code), which the text options need.
 */
export function PhoneSettings(p: PhoneSettingsProps) {
  const t = useT().account.phone;
  const verified = p.user.phone !== null && p.user.phoneVerifiedAt !== null;
  const current = !p.user.notifyUnread && !p.user.notifySms ? "none" : p.user.notifyUnread && p.user.notifySms ? "both" : p.user.notifySms ? "text" : "email";
  const options = [
    ["email", t.byEmail],
    ["text", t.byText],
    ["both", t.byBoth],
    ["none", t.byNeither],
  ] as const;
  return (
    <>
      <section class="card" aria-labelledby="account-notify-by">
        <h2 id="account-notify-by">{t.notifyHeading}</h2>
        {p.errors.notifyBy && <p class="error">{p.errors.notifyBy}</p>}
        <FullPageForm action="/account/notify-by">
          <fieldset>
            <legend>{t.notifyIntro(p.unreadDelay)}</legend>
            {options.map(([value, label]) => {
              const needsPhone = (value === "text" || value === "both") && !verified;
              return (
                <div class="field">
                  <input id={`f-notifyBy-${value}`} name="notifyBy" type="radio" value={value} checked={current === value} disabled={needsPhone} />{" "}
                  <label for={`f-notifyBy-${value}`} class="inline-label">
                    {label}
                  </label>
                </div>
              );
            })}
            {!verified && <p class="hint muted">{t.textNeedsPhone}</p>}
          </fieldset>
          <div class="actions">
            <button type="submit">{t.saveNotify}</button>
          </div>
        </FullPageForm>
      </section>
      <section class="card" aria-labelledby="account-phone">
        <h2 id="account-phone">{t.heading}</h2>
        {verified ? <p>{t.verifiedNumber(p.user.phone ?? "")}</p> : <p>{t.intro}</p>}
        <FullPageForm action="/account/phone">
          <Field name="phone" label={t.label} hint={t.hint} type="tel" inputmode="tel" autocomplete="tel" maxlength={32} required value={p.typedPhone ?? null} error={p.errors.phone} />
          <div class="actions">
            <button type="submit">{t.sendCode}</button>
          </div>
        </FullPageForm>
        {p.pendingTo && (
          <FullPageForm action="/account/phone/verify">
            <p>{t.codeSentTo(p.pendingTo)}</p>
            <Field name="code" label={t.codeLabel} inputmode="numeric" autocomplete="one-time-code" maxlength={6} required error={p.errors.code} />
            <div class="actions">
              <button type="submit">{t.verify}</button>
            </div>
          </FullPageForm>
        )}
      </section>
    </>
  );
}
