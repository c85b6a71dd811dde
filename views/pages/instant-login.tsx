/** Instant Login: the button on each child's card, and its explanation page (GET, changes nothing). */
import { CsrfField } from "../components";
import { useT } from "../i18n";
import type { ConnectedChild } from "../../src/accounts/children";

/**
 * A real POST form (prefetchers never follow it). Not boosted: a full page load, so htmx keeps
 * no copy of the parent's page in this browser's history cache for the child to go back to.
 */
export function InstantLoginForm(p: { studentId: string; firstName: string; describedBy?: string }) {
  const t = useT();
  return (
    <form method="post" action={`/children/${p.studentId}/instant-login`} hx-boost="false">
      <CsrfField />
      <button type="submit" aria-describedby={p.describedBy}>
        {t.home.instantLogin}
        <span class="vh"> {t.home.forChild(p.firstName)}</span>
      </button>
    </form>
  );
}

export function InstantLoginPage({ child }: { child: ConnectedChild }) {
  const t = useT();
  return (
    <section class="instant-login">
      <h1>{t.home.instantLoginFor(child.firstName)}</h1>
      <p class="muted">
        {child.firstName} {child.lastName} · {child.schoolName}
      </p>
      <p>{t.home.instantLoginExplains(child.firstName)}</p>
      <p>{t.home.whatHappens}</p>
      <p>{t.home.handToChild}</p>
      <div class="actions">
        <InstantLoginForm studentId={child.studentId} firstName={child.firstName} />
        <a href="/">{t.home.backHome}</a>
      </div>
    </section>
  );
}

/** A child who is not (or no longer) this parent's: the Instant Login and badge pages' 404. */
export function ChildNotFoundPage() {
  const t = useT();
  return (
    <section>
      <h1>{t.home.childNotFound}</h1>
      <p>{t.home.childNotFoundBody}</p>
      <p>
        <a href="/">{t.home.backHome}</a>
      </p>
    </section>
  );
}
