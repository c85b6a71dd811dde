/** The parent's home (one card per connected child) and the public landing page. */
import { Notice } from "../components";
import type { ConnectedChild } from "../../src/family/onboarding/children";
import type { ConnectedSummary } from "../../src/family/onboarding/finish";

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

export function HomePage(p: { name: string; kids: ConnectedChild[]; summary: ConnectedSummary | null }) {
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
              {/* LOGIN TOOLS (next issue): Instant Login and Badge for this child go here. */}
              <div class="login-tools" data-student-id={child.studentId}></div>
            </li>
          ))}
        </ul>
      )}
      {/* DISTRICT LINKS (next issue): the district's links for families go here, below the login tools. */}
      <section class="district-links" aria-label="Links from your district"></section>
    </section>
  );
}

export function LandingPage() {
  return (
    <section class="landing">
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
