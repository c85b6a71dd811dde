/** The invitation link's pages: confirm, siblings, "not my child", and every state a link can be in. */
import { FullPageForm, Notice, PostForm, waitWords } from "../components";

export interface InvitedChild {
  firstName: string;
  lastName: string;
  schoolName: string;
}

const fullName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

/** "jo•••@example.com" / "•••• 0100": enough to recognise, not enough to harvest. */
export function maskAddress(address: string): string {
  const at = address.indexOf("@");
  if (at > 0) return `${address.slice(0, Math.min(2, at))}•••${address.slice(at)}`;
  return `•••• ${address.slice(-4)}`;
}

function ChildCard({ child }: { child: InvitedChild }) {
  return (
    <div class="card invite-card">
      <p class="muted small">School</p>
      <p class="big">{child.schoolName}</p>
      <p class="muted small">Child</p>
      <p class="big">{fullName(child)}</p>
    </div>
  );
}

export function ConfirmInvitationPage(p: { token: string; child: InvitedChild; districtName: string; alreadyConfirmed: boolean }) {
  const base = `/i/${p.token}`;
  return (
    <section>
      <h1>Is this your child?</h1>
      <p>{p.districtName} invited you to Family Portal. Check the school and your child's name.</p>
      <ChildCard child={p.child} />
      {p.alreadyConfirmed ? (
        <>
          <Notice kind="ok">You already said this is your child.</Notice>
          <p class="actions"><a class="button" href="/join/next">Continue</a></p>
        </>
      ) : (
        // Full page loads: a link withdrawn meanwhile answers 410, which htmx would not show.
        <div class="actions">
          <FullPageForm action={`${base}/confirm`} class="inline">
            <button type="submit">Yes, this is my child</button>
          </FullPageForm>
          <FullPageForm action={`${base}/not-my-child`} class="inline">
            <button type="submit" class="secondary">This is not my child</button>
          </FullPageForm>
        </div>
      )}
      <p class="muted">If the name is wrong, choose "This is not my child": the invitation stops working and the school is told, so they can fix it.</p>
    </section>
  );
}

export function SiblingPage(p: { next: { id: string } & InvitedChild; others: ({ id: string } & InvitedChild)[]; confirmed: InvitedChild[] }) {
  const all = [p.next, ...p.others];
  return (
    <section>
      {p.confirmed.length > 0 && <Notice kind="ok">You confirmed {p.confirmed.map(fullName).join(", ")}.</Notice>}
      <h1>
        You also have an invitation for {fullName(p.next)} at {p.next.schoolName}
      </h1>
      <ChildCard child={p.next} />
      <div class="actions">
        <PostForm action={`/join/siblings/${p.next.id}/confirm`} class="inline">
          <button type="submit">Yes, this is my child</button>
        </PostForm>
        <PostForm action={`/join/siblings/${p.next.id}/not-my-child`} class="inline">
          <button type="submit" class="secondary">This is not my child</button>
        </PostForm>
      </div>
      {p.others.length > 0 && (
        <div class="card">
          <h2>Answer all at once</h2>
          <p>You have {all.length} more invitations:</p>
          <ul>
            {all.map((c) => (
              <li>
                {fullName(c)}, {c.schoolName}
              </li>
            ))}
          </ul>
          <PostForm action="/join/siblings/confirm-all">
            {all.map((c) => (
              <input type="hidden" name="id" value={c.id} />
            ))}
            <button type="submit">Yes to all: they are all my children</button>
          </PostForm>
        </div>
      )}
    </section>
  );
}

export type LinkProblem = "not_found" | "accepted" | "revoked" | "disputed";

const PROBLEMS: Record<LinkProblem, { title: string; body: string }> = {
  not_found: {
    title: "This invitation link doesn't work",
    body: "The link may be incomplete or mistyped. Open it again from the email or text message you received. If it still doesn't work, contact your child's school and ask for a new invitation.",
  },
  accepted: {
    title: "This invitation has already been used",
    body: "Each invitation link connects one account, once. If that was you, sign in to see your children. If it wasn't, contact your child's school.",
  },
  revoked: {
    title: "This invitation was withdrawn",
    body: "The school stopped this invitation, so it no longer works. Please contact your child's school if you think this is a mistake.",
  },
  disputed: {
    title: "This invitation was stopped",
    body: "Someone said this is not their child, so the link no longer works and the school was told. If that was a mistake, please contact your child's school.",
  },
};

export function InvitationProblemPage({ problem }: { problem: LinkProblem }) {
  const { title, body } = PROBLEMS[problem];
  return (
    <section>
      <h1>{title}</h1>
      <p>{body}</p>
      <p class="actions">
        <a class="button secondary" href="/sign-in">Sign in</a>
      </p>
    </section>
  );
}

export function ExpiredInvitationPage(p: { token: string; child: InvitedChild; address: string; channel: "email" | "sms" }) {
  return (
    <section>
      <h1>This invitation has expired</h1>
      <p>
        Your invitation for {fullName(p.child)} at {p.child.schoolName} is too old to use. We can send you a fresh one.
      </p>
      <FullPageForm action={`/i/${p.token}/renew`}>
        <button type="submit">Send me a fresh invitation</button>
      </FullPageForm>
      <p class="muted">
        It goes to the same {p.channel === "email" ? "email address" : "phone number"} the school has on file ({maskAddress(p.address)}). To use another
        address, ask your child's school.
      </p>
      <p class="muted">Not your child? Contact the school.</p>
    </section>
  );
}

export type RenewalResult = { kind: "sent"; address: string; channel: "email" | "sms" } | { kind: "superseded" } | { kind: "limited"; retryAfter: number } | { kind: "not_expired" };


export function RenewalPage({ result }: { result: RenewalResult }) {
  switch (result.kind) {
    case "sent":
      return (
        <section>
          <h1>We sent you a fresh invitation</h1>
          <p>
            Check your {result.channel === "email" ? "email" : "text messages"} ({maskAddress(result.address)}) and open the newest invitation. The old link stays
            expired.
          </p>
        </section>
      );
    case "superseded":
      return (
        <section>
          <h1>A newer invitation is on its way</h1>
          <p>A newer invitation for this child has already been sent to you. Look for the newest message from the school and open its link.</p>
        </section>
      );
    case "limited":
      return (
        <section>
          <h1>Please wait a little</h1>
          <p>You asked for several fresh invitations in the last hour. Try again in about {waitWords(result.retryAfter)}, or contact your child's school.</p>
        </section>
      );
    case "not_expired":
      return (
        <section>
          <h1>We couldn't send a fresh invitation</h1>
          <p>This invitation can't be renewed any more. Please contact your child's school.</p>
        </section>
      );
  }
}

export function DisputedPage({ schoolName, more }: { schoolName: string | null; more: boolean }) {
  return (
    <section>
      <h1>Thank you. The school has been told.</h1>
      <p>This invitation no longer works, and {schoolName ?? "the school"} can see that you said this is not your child, so they can fix it.</p>
      {more ? (
        <p class="actions">
          <a class="button" href="/join/next">Continue with your other invitations</a>
        </p>
      ) : (
        <p>There is nothing else you need to do.</p>
      )}
    </section>
  );
}
