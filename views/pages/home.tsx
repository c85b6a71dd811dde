/** The parent's home (one card per connected child) and the public landing page. */
import { Notice } from "../components";
import { OtherDoors } from "../other-doors";
import { useLocale, useT } from "../i18n";
import type { ConnectedChild } from "../../src/accounts/children";
import type { HomeLink } from "../../src/accounts/home";
import type { ConnectedSummary } from "../../src/onboarding/finish";
import { InstantLoginForm } from "./instant-login";

function ConnectedNotice({ summary }: { summary: ConnectedSummary }) {
  const { t, tag } = useLocale();
  const names = new Intl.ListFormat(tag, { type: "conjunction" }).format(summary.added);
  return (
    <>
      {summary.added.length > 0 && <Notice kind="ok">{t.home.connected(names, summary.added.length)}</Notice>}
      {summary.notAdded.length > 0 && (
        <Notice kind="error">
          <p>{t.home.notAddedIntro}</p>
          <ul>
            {summary.notAdded.map((n) => (
              <li>{t.home.notAddedItem(n.name, n.school, t.home.notAddedReasons[n.reason])}</li>
            ))}
          </ul>
          <p>{t.home.askForNewInvitation}</p>
        </Notice>
      )}
    </>
  );
}

/** What Instant Login does, said once above the cards (issue 14); each button points to it. */
const EXPLAINED = "instant-login-explained";

/** Instant Login (a POST) and the Badge or why there is none, for one child. */
function LoginTools({ child }: { child: ConnectedChild }) {
  const t = useT();
  return (
    <div class="login-tools" data-student-id={child.studentId}>
      <div class="tool">
        <InstantLoginForm studentId={child.studentId} firstName={child.firstName} describedBy={EXPLAINED} />
      </div>
      <div class="tool">
        {child.badgesEnabled ? (
          <a class="button secondary" href={`/children/${child.studentId}/badge`}>
            {t.home.badge}
            <span class="vh"> {t.home.forChild(child.firstName)}</span>
          </a>
        ) : (
          <p class="muted">{t.badges.notUsed(child.firstName)}</p>
        )}
      </div>
    </div>
  );
}

/** The districts' links for families, under each district's name when there is more than one. */
function DistrictLinks({ links }: { links: HomeLink[] }) {
  const t = useT();
  const districts = [...new Map(links.map((l) => [l.districtId, l.districtName])).entries()];
  return (
    <section class="district-links" aria-labelledby="links-h">
      <h2 id="links-h">{t.home.linksHeading}</h2>
      {districts.map(([id, name]) => (
        <>
          {districts.length > 1 && <h3>{name}</h3>}
          <ul class="links">
            {links
              .filter((l) => l.districtId === id)
              .map((l) => (
                <li>
                  <a href={l.url} target="_blank" rel="noopener">
                    {l.title}
                    <span class="vh"> {t.home.opensInNewTab}</span>
                  </a>
                  {l.description && <p class="muted">{l.description}</p>}
                </li>
              ))}
          </ul>
        </>
      ))}
    </section>
  );
}

export function HomePage(p: { name: string; kids: ConnectedChild[]; links: HomeLink[]; summary: ConnectedSummary | null }) {
  const t = useT();
  return (
    <section>
      {p.summary && <ConnectedNotice summary={p.summary} />}
      <h1>{t.home.hello(p.name)}</h1>
      {p.kids.length === 0 ? (
        <p>{t.home.noChildren}</p>
      ) : (
        <>
        <p class="hint muted instant-explained" id={EXPLAINED}>
          <strong>{t.home.instantLogin}:</strong> {t.home.whatHappens}
        </p>
        <ul class="children">
          {p.kids.map((child) => (
            <li class="card child" id={`child-${child.studentId}`}>
              <h2>
                {child.firstName} {child.lastName}
              </h2>
              <p class="muted">
                {child.schoolName}
                {child.grade ? ` · ${t.home.grade(child.grade)}` : ""}
              </p>
              <LoginTools child={child} />
            </li>
          ))}
        </ul>
        </>
      )}
      {p.links.length > 0 && <DistrictLinks links={p.links} />}
      <p>
        <a href="/tour">{t.help.tour.link}</a>
      </p>
    </section>
  );
}

export function LandingPage({ notice = null }: { notice?: string | null } = {}) {
  const t = useT();
  return (
    <section class="landing">
      {notice && <Notice kind="ok">{notice}</Notice>}
      <h1>{t.layout.siteName}</h1>
      <p>{t.home.landingIntro}</p>
      <p class="actions">
        <a class="button" href="/sign-in">{t.layout.signIn}</a>
      </p>
      <h2>{t.home.newHere}</h2>
      <p>{t.home.howToStart}</p>
      <p>
        <a href="/tour">{t.help.tour.link}</a>
      </p>
      <OtherDoors />
    </section>
  );
}
