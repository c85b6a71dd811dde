/** The parent's home (one card per connected child) and the public landing page. */
import { Notice } from "../components";
import type { ConnectedChild } from "../../src/accounts/children";
import type { HomeLink } from "../../src/accounts/home";
import type { ConnectedSummary } from "../../src/onboarding/finish";
import { InstantLoginForm, WHAT_HAPPENS } from "./instant-login";

const REASONS: Record<ConnectedSummary["notAdded"][number]["reason"], string> = {
  used: "that invitation was already used",
  revoked: "the school withdrew that invitation",
  disputed: "that invitation was marked \"not my child\"",
  expired: "that invitation expired",
  unknown: "that invitation could not be used",
};

/** "Maya", "Maya and Leo", "Maya, Leo and Ethan". */
const listWords = (names: string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

function ConnectedNotice({ summary }: { summary: ConnectedSummary }) {
  return (
    <>
      {summary.added.length > 0 && <Notice kind="ok">Welcome! {listWords(summary.added)} {summary.added.length === 1 ? "is" : "are"} now connected to your account.</Notice>}
      {summary.notAdded.length > 0 && (
        <Notice kind="error">
          <p>Some children were not added:</p>
          <ul>
            {summary.notAdded.map((n) => (
              <li>
                {n.name} ({n.school}): {REASONS[n.reason]}.
              </li>
            ))}
          </ul>
          <p>Please contact the school for a new invitation.</p>
        </Notice>
      )}
    </>
  );
}

/** Instant Login (a POST) with what it does, and the Badge or why there is none, for one child. */
function LoginTools({ child }: { child: ConnectedChild }) {
  return (
    <div class="login-tools" data-student-id={child.studentId}>
      <div class="tool">
        <InstantLoginForm studentId={child.studentId} firstName={child.firstName} />
        <p class="hint muted">{WHAT_HAPPENS}</p>
      </div>
      <div class="tool">
        {child.badgesEnabled ? (
          <a class="button secondary" href={`/children/${child.studentId}/badge`}>
            Badge<span class="vh"> for {child.firstName}</span>
          </a>
        ) : (
          <p class="muted">Badges are not used for {child.firstName} at this school.</p>
        )}
      </div>
    </div>
  );
}

/** The districts' links for families, under each district's name when there is more than one. */
function DistrictLinks({ links }: { links: HomeLink[] }) {
  const districts = [...new Map(links.map((l) => [l.districtId, l.districtName])).entries()];
  return (
    <section class="district-links" aria-labelledby="links-h">
      <h2 id="links-h">Links from your district</h2>
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
                    <span class="vh"> (opens in a new tab)</span>
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
  return (
    <section>
      {p.summary && <ConnectedNotice summary={p.summary} />}
      <h1>Hello, {p.name}</h1>
      {p.kids.length === 0 ? (
        <p>
          No children are connected to your account yet. Open the invitation link your child's school sent you; if you have none, ask your child's teacher to
          invite you.
        </p>
      ) : (
        <ul class="children">
          {p.kids.map((child) => (
            <li class="card child" id={`child-${child.studentId}`}>
              <h2>
                {child.firstName} {child.lastName}
              </h2>
              <p class="muted">
                {child.schoolName}
                {child.grade ? ` · Grade ${child.grade}` : ""}
              </p>
              <LoginTools child={child} />
            </li>
          ))}
        </ul>
      )}
      {p.links.length > 0 && <DistrictLinks links={p.links} />}
    </section>
  );
}

export function LandingPage({ notice = null }: { notice?: string | null } = {}) {
  return (
    <section class="landing">
      {notice && <Notice kind="ok">{notice}</Notice>}
      <h1>Family Portal</h1>
      <p>One place to help your child log in to school, find your district's links, and message your child's teachers.</p>
      <p class="actions">
        <a class="button" href="/sign-in">Sign in</a>
      </p>
      <h2>New here?</h2>
      <p>
        Invitations come from your child's school, by email or text message. Open the link in that message to get started. If you have not received one, ask your
        child's teacher to invite you.
      </p>
    </section>
  );
}
