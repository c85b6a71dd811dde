import type { Session } from "../../src/auth/sessions";
import { describeDevice } from "../../src/accounts/device";
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
              {/* Asked on a page of its own first (the form is there): nothing ends in one tap. */}
              {s.id !== currentSessionId && (
                <p>
                  <a class="button secondary" href={`/account/sessions/${s.id}/end`}>
                    {t.signOut(device)}
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <p>
          <a class="button" href="/account/sessions/end-others">
            {t.signOutOthers}
          </a>
        </p>
      ) : (
        <p class="muted">{t.nowhereElse}</p>
      )}
      <p class="muted">{t.dontRecognise}</p>
    </section>
  );
}
