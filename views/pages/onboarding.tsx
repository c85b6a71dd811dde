/** The invitation link's pages: confirm, siblings, "not my child", and every state a link can be in. */
import { FullPageForm, HomeLink, Notice, PostForm, waitWords } from "../components";
import { useLocale, useT } from "../i18n";

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
  const t = useT().onboarding;
  return (
    <div class="card invite-card">
      <p class="muted small">{t.school}</p>
      <p class="big">{child.schoolName}</p>
      <p class="muted small">{t.child}</p>
      <p class="big">{fullName(child)}</p>
    </div>
  );
}

export function ConfirmInvitationPage(p: { token: string; child: InvitedChild; districtName: string; alreadyConfirmed: boolean }) {
  const t = useT().onboarding;
  const base = `/i/${p.token}`;
  return (
    <section>
      <h1>{t.confirm.heading}</h1>
      <p>{t.confirm.invitedBy(p.districtName)}</p>
      <ChildCard child={p.child} />
      {p.alreadyConfirmed ? (
        <>
          <Notice kind="ok">{t.confirm.alreadySaid}</Notice>
          <p class="actions"><a class="button" href="/join/next">{t.confirm.continue}</a></p>
        </>
      ) : (
        // Full page loads: a link withdrawn meanwhile answers 410, which htmx would not show.
        <div class="actions">
          <FullPageForm action={`${base}/confirm`} class="inline">
            <button type="submit">{t.yesMyChild}</button>
          </FullPageForm>
          <FullPageForm action={`${base}/not-my-child`} class="inline">
            <button type="submit" class="secondary">{t.notMyChild}</button>
          </FullPageForm>
        </div>
      )}
      <p class="muted">{t.confirm.ifWrong}</p>
    </section>
  );
}

export function SiblingPage(p: { next: { id: string } & InvitedChild; others: ({ id: string } & InvitedChild)[]; confirmed: InvitedChild[] }) {
  const { tag, t: { onboarding: t } } = useLocale();
  const all = [p.next, ...p.others];
  const names = new Intl.ListFormat(tag, { type: "conjunction" }).format(p.confirmed.map(fullName));
  return (
    <section>
      {p.confirmed.length > 0 && <Notice kind="ok">{t.siblings.youConfirmed(names)}</Notice>}
      <h1>{t.siblings.heading(fullName(p.next), p.next.schoolName)}</h1>
      <ChildCard child={p.next} />
      <div class="actions">
        <PostForm action={`/join/siblings/${p.next.id}/confirm`} class="inline">
          <button type="submit">{t.yesMyChild}</button>
        </PostForm>
        <PostForm action={`/join/siblings/${p.next.id}/not-my-child`} class="inline">
          <button type="submit" class="secondary">{t.notMyChild}</button>
        </PostForm>
      </div>
      {p.others.length > 0 && (
        <div class="card">
          <h2>{t.siblings.allAtOnce}</h2>
          <p>{t.siblings.moreInvitations(all.length)}</p>
          <ul>
            {all.map((c) => (
              <li>{t.childAtSchool(fullName(c), c.schoolName)}</li>
            ))}
          </ul>
          <PostForm action="/join/siblings/confirm-all">
            {all.map((c) => (
              <input type="hidden" name="id" value={c.id} />
            ))}
            <button type="submit">{t.siblings.yesToAll}</button>
          </PostForm>
        </div>
      )}
    </section>
  );
}

export type LinkProblem = "not_found" | "accepted" | "revoked" | "disputed";

export function InvitationProblemPage({ problem }: { problem: LinkProblem }) {
  const t = useT().onboarding;
  const { title, body } = t.problems[problem];
  return (
    <section>
      <h1>{title}</h1>
      <p>{body}</p>
      <p class="actions">
        <a class="button secondary" href="/sign-in">{t.signIn}</a>
      </p>
      <HomeLink />
    </section>
  );
}

export function ExpiredInvitationPage(p: { token: string; child: InvitedChild; address: string; channel: "email" | "sms" }) {
  const t = useT().onboarding.expired;
  const masked = maskAddress(p.address);
  return (
    <section>
      <h1>{t.heading}</h1>
      <p>{t.tooOld(fullName(p.child), p.child.schoolName)}</p>
      <FullPageForm action={`/i/${p.token}/renew`}>
        <button type="submit">{t.sendFresh}</button>
      </FullPageForm>
      <p class="muted">{p.channel === "email" ? t.sameEmail(masked) : t.samePhone(masked)}</p>
      <p class="muted">{t.notYourChild}</p>
    </section>
  );
}

export type RenewalResult = { kind: "sent"; address: string; channel: "email" | "sms" } | { kind: "superseded" } | { kind: "limited"; retryAfter: number } | { kind: "not_expired" };

export function RenewalPage({ result }: { result: RenewalResult }) {
  const locale = useLocale();
  const t = locale.t.onboarding.renewal;
  switch (result.kind) {
    case "sent":
      return (
        <section>
          <h1>{t.sentHeading}</h1>
          <p>{result.channel === "email" ? t.sentEmail(maskAddress(result.address)) : t.sentSms(maskAddress(result.address))}</p>
        </section>
      );
    case "superseded":
      return (
        <section>
          <h1>{t.supersededHeading}</h1>
          <p>{t.superseded}</p>
        </section>
      );
    case "limited":
      return (
        <section>
          <h1>{t.limitedHeading}</h1>
          <p>{t.limited(waitWords(result.retryAfter, locale))}</p>
        </section>
      );
    case "not_expired":
      return (
        <section>
          <h1>{t.notExpiredHeading}</h1>
          <p>{t.notExpired}</p>
        </section>
      );
  }
}

export function DisputedPage({ schoolName, more }: { schoolName: string | null; more: boolean }) {
  const t = useT().onboarding.disputed;
  return (
    <section>
      <h1>{t.heading}</h1>
      <p>{t.body(schoolName)}</p>
      {more ? (
        <p class="actions">
          <a class="button" href="/join/next">{t.continueOthers}</a>
        </p>
      ) : (
        <p>{t.nothingElse}</p>
      )}
    </section>
  );
}
