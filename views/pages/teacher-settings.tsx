/** /teacher/settings: Messages on or off, the name families see, unread-message emails, translation, and language. */
import { CATALOGS } from "../../src/generated/catalogs";
import { LANGUAGES } from "../../src/i18n/negotiate";
import { Notice, PostForm } from "../components";
import { useT } from "../i18n";

type SettingsForm = "messages" | "name" | "notifications" | "language" | "translation";

export interface TeacherSettingsPageProps {
  rosterName: string;
  displayName: string | null;
  messagesEnabled: boolean;
  notifyUnread: boolean;
  /** Families' messages in another language are shown translated. */
  translateMessages: boolean;
  /** The catalog tag the teacher's pages are in (their saved one, else this page's). */
  language: string;
  /** "3 hours", in the page's language. */
  unreadDelay: string;
  notice?: string | null;
  /** After a 422 of one of the forms: its message and what was typed. */
  error?: { form: SettingsForm; message: string; typed?: string } | null;
}

function Toggle({ action, field, on, label }: { action: string; field: string; on: boolean; label: string }) {
  return (
    <PostForm action={action}>
      <input type="hidden" name={field} value={on ? "off" : "on"} />
      <button type="submit" class={on ? "secondary" : undefined}>{label}</button>
    </PostForm>
  );
}

export function TeacherSettingsPage(p: TeacherSettingsPageProps) {
  const all = useT();
  const t = all.teacher.settings;
  const tr = all.teacher.translation;
  const errorOf = (form: SettingsForm) => (p.error?.form === form ? p.error.message : undefined);
  const nameError = errorOf("name");
  const nameValue = p.error?.form === "name" ? (p.error.typed ?? "") : (p.displayName ?? "");
  return (
    <>
      <h1>{t.title}</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.error && <Notice kind="error">{t.checkForm}</Notice>}

      <section class="card" aria-labelledby="settings-messages">
        <h2 id="settings-messages">{t.messagesTitle}</h2>
        {errorOf("messages") && <p class="error">{errorOf("messages")}</p>}
        <p>{p.messagesEnabled ? t.messagesOn : t.messagesOff}</p>
        <Toggle action="/teacher/settings/messages" field="messagesEnabled" on={p.messagesEnabled} label={p.messagesEnabled ? t.turnMessagesOff : t.turnMessagesOn} />
      </section>

      <section class="card" aria-labelledby="settings-name">
        <h2 id="settings-name">{t.nameTitle}</h2>
        <PostForm action="/teacher/settings/name">
          <div class="field">
            <label for="f-displayName">{t.nameLabel}</label>
            <p class="hint muted" id="f-displayName-hint">{t.nameHint(p.rosterName)}</p>
            {nameError && (
              <p class="error" id="f-displayName-error">
                {nameError}
              </p>
            )}
            <input
              id="f-displayName"
              name="displayName"
              type="text"
              value={nameValue}
              maxlength={200}
              autocomplete="off"
              aria-invalid={nameError ? "true" : undefined}
              aria-describedby={nameError ? "f-displayName-hint f-displayName-error" : "f-displayName-hint"}
            />
          </div>
          <div class="actions">
            <button type="submit">{t.saveName}</button>
          </div>
        </PostForm>
      </section>

      <section class="card" aria-labelledby="settings-notifications">
        <h2 id="settings-notifications">{t.emailsTitle}</h2>
        {errorOf("notifications") && <p class="error">{errorOf("notifications")}</p>}
        <p>{p.notifyUnread ? t.emailsOn(p.unreadDelay) : t.emailsOff}</p>
        <Toggle action="/teacher/settings/notifications" field="notifyUnread" on={p.notifyUnread} label={p.notifyUnread ? t.turnEmailsOff : t.turnEmailsOn} />
      </section>

      <section class="card" aria-labelledby="settings-translation">
        <h2 id="settings-translation">{tr.settingsTitle}</h2>
        {errorOf("translation") && <p class="error">{errorOf("translation")}</p>}
        <p>{p.translateMessages ? tr.on : tr.off}</p>
        <p class="hint muted">{tr.hint}</p>
        <Toggle action="/teacher/settings/translation" field="translateMessages" on={p.translateMessages} label={p.translateMessages ? tr.turnOff : tr.turnOn} />
      </section>

      <section class="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t.languageTitle}</h2>
        <PostForm action="/teacher/settings/language">
          <fieldset class="field" aria-describedby={errorOf("language") ? "f-language-hint f-language-error" : "f-language-hint"}>
            <legend class="visually-hidden">{t.languageTitle}</legend>
            <p class="hint muted" id="f-language-hint">{t.languageHint}</p>
            {errorOf("language") && (
              <p class="error" id="f-language-error">
                {errorOf("language")}
              </p>
            )}
            {/* Each language by its own name, so a teacher finds theirs whatever this page's language. */}
            {LANGUAGES.map((tag) => (
              <label class="choice" lang={tag}>
                <input type="radio" name="language" value={tag} checked={tag === p.language} /> {CATALOGS[tag]!.meta.name}
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button type="submit">{t.saveLanguage}</button>
          </div>
        </PostForm>
      </section>
    </>
  );
}
