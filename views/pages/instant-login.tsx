/** Instant Login: the button on each child's card, and its explanation page (GET, changes nothing). */
import { CsrfField } from "../components";
import type { ConnectedChild } from "../../src/accounts/children";

export const WHAT_HAPPENS =
  "Your child will be signed in on this device, and you will be signed out of Family Portal, so they can't see your account. To come back, sign in again.";

/**
 * A real POST form (prefetchers never follow it). Not boosted: a full page load, so htmx keeps
 * no copy of the parent's page in this browser's history cache for the child to go back to.
 */
export function InstantLoginForm(p: { studentId: string; firstName: string }) {
  return (
    <form method="post" action={`/children/${p.studentId}/instant-login`} hx-boost="false">
      <CsrfField />
      <button type="submit">
        Instant Login<span class="vh"> for {p.firstName}</span>
      </button>
    </form>
  );
}

export function InstantLoginPage({ child }: { child: ConnectedChild }) {
  return (
    <section class="instant-login">
      <h1>Instant Login for {child.firstName}</h1>
      <p class="muted">
        {child.firstName} {child.lastName} · {child.schoolName}
      </p>
      <p>Instant Login signs {child.firstName} in to their school portal on the device you are using now, without a password.</p>
      <p>{WHAT_HAPPENS}</p>
      <p>Use it on a device you can hand to your child. The school portal signs them out after eight hours.</p>
      <div class="actions">
        <InstantLoginForm studentId={child.studentId} firstName={child.firstName} />
        <a href="/">Back to home</a>
      </div>
    </section>
  );
}

export function ChildNotFoundPage() {
  return (
    <section>
      <h1>Child not found</h1>
      <p>This child is not connected to your account. If you think that is wrong, ask your child's school.</p>
      <p>
        <a href="/">Back to home</a>
      </p>
    </section>
  );
}
