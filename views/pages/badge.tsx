/** A parent's view of a child's badge: the QR code, how to use it, download and print. */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";

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
  return (
    <section class="badge-page">
      <p class="no-print">
        <a href="/">← Home</a>
      </p>
      <h1>{`${p.firstName}'s badge`}</h1>
      {p.fresh && <p class="muted">This is {p.firstName}'s first badge. It was made just now.</p>}
      <figure class="badge-card">
        <div class="badge-qr">{raw(p.qrSvg)}</div>
        <figcaption>
          <strong class="badge-name">{`${p.firstName} ${p.lastName}`}</strong>
          <span class="badge-school">{p.schoolName}</span>
        </figcaption>
      </figure>
      {p.pin && (
        <div class="badge-pin" role="group" aria-labelledby="pin-label">
          <p id="pin-label" class="badge-pin-label">PIN</p>
          <p class="badge-pin-digits" aria-label={`PIN ${[...p.pin].join(" ")}`}>{pinGroups(p.pin)}</p>
          <p class="muted">Your child types this after showing the badge. Keep it to yourselves: it is not on the printed or downloaded badge.</p>
        </div>
      )}
      <h2>How to use it</h2>
      <ol class="badge-steps">
        <li>Open the badge on your phone (save the image to your photos so it is always at hand).</li>
        <li>
          On your child's device, open the web browser and go to <strong>{p.loginAt}</strong>.
        </li>
        <li>Hold your phone up to the webcam with the badge showing. Your child is logged in automatically.</li>
      </ol>
      <p class="actions no-print">
        <a class="button" href={`/children/${p.studentId}/badge.png`} download hx-boost="false">
          Download the badge image
        </a>
        <a class="button secondary" href={`/children/${p.studentId}/badge/print`}>
          Print
        </a>
      </p>
      <p class="hint muted no-print">On a phone, open the downloaded image and choose "Save Image" or "Save to Photos", so the badge is in your photos.</p>
      <p class="muted">
        Keep the badge private: anyone who holds it up to a webcam is logged in as {p.firstName}. If it is lost or shared, ask the school for a new one; the old
        one stops working at once.
      </p>
    </section>
  );
}

/** The printable badge: big code, name, school and where to use it; the browser's own Print does the rest. */
export function ChildBadgePrintPage(p: BadgeView) {
  return (
    <section class="badge-print-page">
      <div class="no-print">
        <p>
          <a href={`/children/${p.studentId}/badge`}>← Back to {p.firstName}'s badge</a>
        </p>
        <h1>{`Print ${p.firstName}'s badge`}</h1>
        <p>Use your browser's Print command (Ctrl+P, ⌘P, or Share → Print on a phone). Only the badge below is printed.</p>
      </div>
      <figure class="badge-card badge-printable">
        <div class="badge-qr">{raw(p.qrSvg)}</div>
        <figcaption>
          <strong class="badge-name">{`${p.firstName} ${p.lastName}`}</strong>
          <span class="badge-school">{p.schoolName}</span>
          <span class="badge-where">{`Show to the webcam at ${p.loginAt}`}</span>
        </figcaption>
      </figure>
    </section>
  );
}

/** A child's badge page with no badge to show: why not, and whom to ask. */
function NoBadgePage({ firstName, children }: { firstName: string; children?: Child }) {
  return (
    <section>
      <p>
        <a href="/">← Home</a>
      </p>
      <h1>{`Badge for ${firstName}`}</h1>
      {children}
    </section>
  );
}

export function BadgesOffPage({ firstName }: { firstName: string }) {
  return (
    <NoBadgePage firstName={firstName}>
      <p>{`Badges are not used for ${firstName} at this school.`}</p>
      <p class="muted">Your school district decides which students use badges. If you have questions, please ask your child's school.</p>
    </NoBadgePage>
  );
}

export function BadgeVoidedPage({ firstName }: { firstName: string }) {
  return (
    <NoBadgePage firstName={firstName}>
      <p>{`${firstName}'s badge was turned off by the school, so it no longer works.`}</p>
      <p class="muted">{`Please ask ${firstName}'s teacher or school for a new one. Once they make it, it shows up here.`}</p>
    </NoBadgePage>
  );
}

export function ChildNotFoundPage() {
  return (
    <section>
      <h1>Child not found</h1>
      <p>This child isn't connected to your account.</p>
      <p>
        <a href="/">Back to home</a>
      </p>
    </section>
  );
}

export function BadgesUnavailablePage() {
  return (
    <section>
      <h1>Badges can't be shown right now</h1>
      <p>Something is not set up on our side. Please try again later, or ask your child's school.</p>
      <p>
        <a href="/">Back to home</a>
      </p>
    </section>
  );
}
