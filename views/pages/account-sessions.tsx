import type { Session } from "../../src/auth/sessions";
import { describeDevice } from "../../src/accounts/device";
import { FullPageForm } from "../components";
import { When } from "./account-form";

/** The account's signed-in devices, each with a button to sign it out. */
export function AccountSessions({ sessions, currentSessionId }: { sessions: Session[]; currentSessionId: string }) {
  const others = sessions.filter((s) => s.id !== currentSessionId);
  return (
    <section class="card" aria-labelledby="account-sessions">
      <h2 id="account-sessions">Where you're signed in</h2>
      <ul class="session-list">
        {sessions.map((s) => (
          <li>
            <strong>{describeDevice(s.userAgent)}</strong>
            {s.id === currentSessionId && <span class="ok"> · this device</span>}
            <br />
            <span class="muted">
              Signed in <When ms={s.createdAt} /> · last active <When ms={s.lastSeenAt} />
            </span>
            {s.id !== currentSessionId && (
              <FullPageForm action={`/account/sessions/${s.id}/end`}>
                <button type="submit" class="secondary">{`Sign out ${describeDevice(s.userAgent)}`}</button>
              </FullPageForm>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <FullPageForm action="/account/sessions/end-others">
          <button type="submit">Sign out everywhere else</button>
        </FullPageForm>
      ) : (
        <p class="muted">You're not signed in anywhere else.</p>
      )}
      <p class="muted">Don't recognise a device? Sign it out, then change your password.</p>
    </section>
  );
}
