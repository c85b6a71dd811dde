/**
 * /badges on a child's device. With JavaScript, static/badge-scanner.js reveals the camera, reads
 * the QR code and posts the token in the scan form (a real POST form); a chosen picture it reads
 * in the browser too. Without JavaScript (or a camera) the picture form uploads the badge picture
 * and the server reads it. The script cannot read the catalog: the form hands it what it says, in
 * the page's language, as data-say-* attributes.
 */
import { CsrfField, Notice } from "../components";
import { useT } from "../i18n";
import type { Catalog } from "../../src/i18n/catalog";

export interface BadgeLoginProps {
  /** The only failure message (badges.failed): nothing about why (voided, unknown, another school…) is revealed. */
  error?: string;
  /** After a child's sign-out: that they are logged out here. */
  notice?: string;
  /** Someone else is signed in on this device; logging in with a badge ends their session. */
  signedInAs?: "parent" | "teacher";
  /** Content-hashed URL of the fallback QR decoder, loaded by the scanner only when needed. */
  decoderUrl: string;
  /** The upload's size limit in words ("2 MB"). */
  pictureLimit: string;
}

/** data-say-not-a-badge="…" for each scanner message (the script reads them by these names). */
function scannerWords(scanner: Catalog["badges"]["scanner"]): Record<string, string> {
  return Object.fromEntries(Object.entries(scanner).map(([key, text]) => [`data-say-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, text]));
}

export function BadgeLoginPage(p: BadgeLoginProps) {
  const b = useT().badges;
  return (
    <section class="badge-login">
      <h1>{b.loginTitle}</h1>
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.signedInAs && <Notice kind="info">{p.signedInAs === "parent" ? b.signedInParent : b.signedInTeacher}</Notice>}
      <div class="badge-nojs" data-badge-nojs>
        <p>
          <strong>{b.needsJs}</strong> {b.needsJsWhy}
        </p>
        <p>{b.needsJsWhat}</p>
      </div>
      <form
        id="badge-form"
        class="badge-form"
        method="post"
        action="/badges/login"
        hx-boost="false"
        data-decoder={p.decoderUrl}
        {...scannerWords(b.scanner)}
        hidden
      >
        <CsrfField />
        <input type="hidden" name="token" value="" />
        <p id="badge-status" class="badge-status" role="status" aria-live="polite">
          {b.scanner.starting}
        </p>
        <div class="badge-camera">
          <video id="badge-video" muted playsinline aria-label={b.cameraView}></video>
          <p>{b.holdUpWhole}</p>
        </div>
        <p>
          <button type="button" id="badge-camera-retry" class="secondary" hidden>
            {b.retryCamera}
          </button>
        </p>
      </form>
      <form id="badge-picture-form" class="badge-form" method="post" action="/badges/picture" enctype="multipart/form-data" hx-boost="false">
        <CsrfField />
        <h2>{b.noCamera}</h2>
        <div class="field">
          <label for="badge-file">{b.chooseLabel}</label>
          <p class="hint muted" id="badge-file-hint">
            {b.chooseHint} {b.picture.limit(p.pictureLimit)}
          </p>
          <input id="badge-file" type="file" accept="image/*" name="picture" required aria-describedby="badge-file-hint" />
        </div>
        <p class="actions">
          <button type="submit">{b.picture.submit}</button>
        </p>
      </form>
    </section>
  );
}

/** The second step when the district asks for a PIN after the scan. */
export function BadgePinPage({ error }: { error?: string }) {
  const b = useT().badges;
  return (
    <section class="badge-login">
      <h1>{b.pinTitle}</h1>
      {error && <Notice kind="error">{error}</Notice>}
      <p>{b.pinIntro}</p>
      <form method="post" action="/badges/login" hx-boost="false">
        <CsrfField />
        <div class="field">
          <label for="f-pin">{b.pin}</label>
          <input
            id="f-pin"
            name="pin"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            pattern="[0-9 ]*"
            maxlength={7}
            required
            autofocus
            aria-invalid={error ? "true" : undefined}
          />
        </div>
        <p class="actions">
          <button type="submit">{b.logIn}</button>
          <a href="/badges">{b.scanAgain}</a>
        </p>
      </form>
    </section>
  );
}

export function BadgeTooManyPage({ wait }: { wait: string }) {
  const b = useT().badges;
  return (
    <section class="badge-login">
      <h1>{b.tooManyTitle}</h1>
      <p>{b.tooMany(wait)}</p>
      <p>
        <a href="/badges">{b.backToLogin}</a>
      </p>
    </section>
  );
}
