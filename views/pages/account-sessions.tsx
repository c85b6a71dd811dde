import type { Session } from "../../src/auth/sessions";
import { describeDevice } from "../../src/accounts/device";
import { FullPageForm } from "../components";
import { useT } from "../i18n";
import { When } from "./account-form";

/** The account's signed-in devices, each with a button to sign it out. */
export function AccountSessions({ sessions, currentSessionId }: { sessions: Session[]; currentSessionId: string }) {
  const all = useT();
  const t = all.account.sessions;
  const others = sessions.filter((s) => s.id !== currentSessionId);
  return (
    <section class="card" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t.heading}</h2>
      <ul class="session-list">
        {sessions.map((s) => {
          const device = describeDevice(s.userAgent, all);
          return (
            <li>
              <strong>{device}</strong>
              {s.id === currentSessionId && <span class="ok"> · {t.thisDevice}</span>}
              <br />
              <span class="muted">
                {t.signedIn} <When ms={s.createdAt} /> · {t.lastActive} <When ms={s.lastSeenAt} />
              </span>
              {s.id !== currentSessionId && (
                <FullPageForm action={`/account/sessions/${s.id}/end`}>
                  <button type="submit" class="secondary">
                    {t.signOut(device)}
                  </button>
                </FullPageForm>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <FullPageForm action="/account/sessions/end-others">
          <button type="submit">{t.signOutOthers}</button>
        </FullPageForm>
      ) : (
        <p class="muted">{t.nowhereElse}</p>
      )}
      <p class="muted">{t.dontRecognise}</p>
    </section>
  );
}
