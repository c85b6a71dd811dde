/** /teacher/settings: Messages on or off, the name families see, and unread-message emails. */
import { Notice, PostForm } from "../components";

export interface TeacherSettingsPageProps {
  rosterName: string;
  displayName: string | null;
  messagesEnabled: boolean;
  notifyUnread: boolean;
  /** "3 hours". */
  unreadDelay: string;
  notice?: string | null;
  /** After a 422 of one of the forms: its message and what was typed. */
  error?: { form: "messages" | "name" | "notifications"; message: string; typed?: string } | null;
}

function Toggle({ action, field, on, label }: { action: string; field: string; on: boolean; label: string }) {
  return (
    <PostForm action={action}>
      <input type="hidden" name={field} value={on ? "off" : "on"} />
      <button type="submit" class={on ? "secondary" : undefined}>{`Turn ${label} ${on ? "off" : "on"}`}</button>
    </PostForm>
  );
}

export function TeacherSettingsPage(p: TeacherSettingsPageProps) {
  const errorOf = (form: "messages" | "name" | "notifications") => (p.error?.form === form ? p.error.message : undefined);
  const nameError = errorOf("name");
  const nameValue = p.error?.form === "name" ? (p.error.typed ?? "") : (p.displayName ?? "");
  return (
    <>
      <h1>Settings</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.error && <Notice kind="error">Please check the form below.</Notice>}

      <section class="card" aria-labelledby="settings-messages">
        <h2 id="settings-messages">Messages</h2>
        {errorOf("messages") && <p class="error">{errorOf("messages")}</p>}
        <p>
          {p.messagesEnabled
            ? "Messages are on: you can write to the families of your students, and they can reply."
            : "Messages are off: families can read earlier conversations but can't reply, and you can't start new ones."}
        </p>
        <Toggle action="/teacher/settings/messages" field="messagesEnabled" on={p.messagesEnabled} label="Messages" />
      </section>

      <section class="card" aria-labelledby="settings-name">
        <h2 id="settings-name">The name families see</h2>
        <PostForm action="/teacher/settings/name">
          <div class="field">
            <label for="f-displayName">Your name in messages</label>
            <p class="hint muted" id="f-displayName-hint">{`For example "Ms. Rivera". Leave it empty to use your name on the roster: ${p.rosterName}.`}</p>
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
            <button type="submit">Save name</button>
          </div>
        </PostForm>
      </section>

      <section class="card" aria-labelledby="settings-notifications">
        <h2 id="settings-notifications">Emails about unread messages</h2>
        {errorOf("notifications") && <p class="error">{errorOf("notifications")}</p>}
        <p>
          {p.notifyUnread
            ? `On: when a family's message is still unread after ${p.unreadDelay}, you get one email with a link to the conversation (never the message itself).`
            : "Off: you see new messages when you open Messages, and get no emails about them."}
        </p>
        <Toggle action="/teacher/settings/notifications" field="notifyUnread" on={p.notifyUnread} label="unread-message emails" />
      </section>
    </>
  );
}
