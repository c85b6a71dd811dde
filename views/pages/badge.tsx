/** A parent's view of a child's badge: the QR code, how to use it, download and print. */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { useT } from "../i18n";
import { RichText } from "../rich-text";

export { ChildNotFoundPage } from "./instant-login";

export interface BadgeView {
  studentId: string;
  firstName: string;
  lastName: string;
  schoolName: string;
  /** badgeQrSvg output (its label is already escaped). */
  qrSvg: string;
  /** The 6-digit PIN when the district asks for one. */
  pin: string | null;
  /** "family.example.org/badges": where the child's device goes. */
  loginAt: string;
  /** True when the badge was made just now, on this first view. */
  fresh: boolean;
}

const pinGroups = (pin: string) => `${pin.slice(0, 3)} ${pin.slice(3)}`;

export function ChildBadgePage(p: BadgeView) {
  const t = useT();
  const b = t.badges;
  return (
    <section class="badge-page">
      <p class="no-print">
        <a href="/">{b.backHome}</a>
      </p>
      <h1>{b.title(p.firstName)}</h1>
      {p.fresh && <p class="muted">{b.fresh(p.firstName)}</p>}
      <figure class="badge-card">
        <div class="badge-qr">{raw(p.qrSvg)}</div>
        <figcaption>
          <strong class="badge-name">{`${p.firstName} ${p.lastName}`}</strong>
          <span class="badge-school">{p.schoolName}</span>
        </figcaption>
      </figure>
      {p.pin && (
        <div class="badge-pin" role="group" aria-labelledby="pin-label">
          <p id="pin-label" class="badge-pin-label">{b.pin}</p>
          <p class="badge-pin-digits" aria-label={`${b.pin} ${[...p.pin].join(" ")}`}>{pinGroups(p.pin)}</p>
          <p class="muted">{b.pinHint}</p>
        </div>
      )}
      <h2>{b.howToUse}</h2>
      <ol class="badge-steps">
        <li>{b.steps.open}</li>
        <li>
          <RichText text={b.steps.goTo(p.loginAt)} />
        </li>
        <li>{b.steps.holdUp}</li>
      </ol>
      <p class="actions no-print">
        <a class="button" href={`/children/${p.studentId}/badge.png`} download hx-boost="false">
          {b.download}
        </a>
        <a class="button secondary" href={`/children/${p.studentId}/badge/print`}>
          {b.print}
        </a>
      </p>
      <p class="hint muted no-print">{b.saveHint}</p>
      <p class="muted">{b.keepPrivate(p.firstName)}</p>
    </section>
  );
}

/** The printable badge: big code, name, school and where to use it; the browser's own Print does the rest. */
export function ChildBadgePrintPage(p: BadgeView) {
  const b = useT().badges;
  return (
    <section class="badge-print-page">
      <div class="no-print">
        <p>
          <a href={`/children/${p.studentId}/badge`}>{b.backToBadge(p.firstName)}</a>
        </p>
        <h1>{b.printTitle(p.firstName)}</h1>
        <p>{b.printHow}</p>
      </div>
      <figure class="badge-card badge-printable">
        <div class="badge-qr">{raw(p.qrSvg)}</div>
        <figcaption>
          <strong class="badge-name">{`${p.firstName} ${p.lastName}`}</strong>
          <span class="badge-school">{p.schoolName}</span>
          <span class="badge-where">{b.showToWebcam(p.loginAt)}</span>
        </figcaption>
      </figure>
    </section>
  );
}

/** A child's badge page with no badge to show: why not, and whom to ask. */
function NoBadgePage({ firstName, children }: { firstName: string; children?: Child }) {
  const b = useT().badges;
  return (
    <section>
      <p>
        <a href="/">{b.backHome}</a>
      </p>
      <h1>{b.badgeFor(firstName)}</h1>
      {children}
    </section>
  );
}

export function BadgesOffPage({ firstName }: { firstName: string }) {
  const b = useT().badges;
  return (
    <NoBadgePage firstName={firstName}>
      <p>{b.notUsed(firstName)}</p>
      <p class="muted">{b.notUsedWhy}</p>
    </NoBadgePage>
  );
}

export function BadgeVoidedPage({ firstName }: { firstName: string }) {
  const b = useT().badges;
  return (
    <NoBadgePage firstName={firstName}>
      <p>{b.voided(firstName)}</p>
      <p class="muted">{b.voidedAsk(firstName)}</p>
    </NoBadgePage>
  );
}

export function BadgesUnavailablePage() {
  const t = useT();
  return (
    <section>
      <h1>{t.badges.unavailableHeading}</h1>
      <p>{t.badges.unavailableBody}</p>
      <p>
        <a href="/">{t.home.backHome}</a>
      </p>
    </section>
  );
}
