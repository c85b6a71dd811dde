/**
 * /badges on a child's device. Without JavaScript the page says what is needed; with it,
 * static/badge-scanner.js reveals the camera and the "choose the picture" controls, reads the QR
 * code and posts the token in the form below (a real POST form).
 */
import { CsrfField, Notice } from "../components";

/** The only failure message: nothing about why (voided, unknown, another school…) is revealed. */
export const BADGE_FAILED = "That badge didn't work. Ask your teacher for a new one.";

export interface BadgeLoginProps {
  error?: string;
  /** Someone else is signed in on this device; logging in with a badge ends their session. */
  signedInAs?: "parent" | "teacher";
  /** Content-hashed URL of the fallback QR decoder, loaded by the scanner only when needed. */
  decoderUrl: string;
}

export function BadgeLoginPage(p: BadgeLoginProps) {
  return (
    <section class="badge-login">
      <h1>Log in with your badge</h1>
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.signedInAs && (
        <Notice kind="info">
          {`A ${p.signedInAs} is signed in on this device. Logging in with a badge signs them out here.`}
        </Notice>
      )}
      <div class="badge-nojs" data-badge-nojs>
        <p>
          <strong>This page needs JavaScript and a camera.</strong> It reads the badge with the device's webcam, and the browser needs JavaScript turned on to do
          that.
        </p>
        <p>Please turn JavaScript on, or use another device or browser that has a camera. A grown-up can show the badge from their phone, or ask the teacher for a printed one.</p>
      </div>
      <form
        id="badge-form"
        class="badge-form"
        method="post"
        action="/badges/login"
        hx-boost="false"
        data-decoder={p.decoderUrl}
        hidden
      >
        <CsrfField />
        <input type="hidden" name="token" value="" />
        <p id="badge-status" class="badge-status" role="status" aria-live="polite">
          Starting the camera…
        </p>
        <div class="badge-camera">
          <video id="badge-video" muted playsinline aria-label="What the camera sees"></video>
          <p>Hold the badge up to the camera, with the whole square code showing.</p>
        </div>
        <p>
          <button type="button" id="badge-camera-retry" class="secondary" hidden>
            Try the camera again
          </button>
        </p>
        <h2>No camera?</h2>
        <label for="badge-file">Choose the badge picture</label>
        <p class="hint muted" id="badge-file-hint">
          If the badge image is saved on this device, choose it here.
        </p>
        <input id="badge-file" type="file" accept="image/*" aria-describedby="badge-file-hint" />
      </form>
    </section>
  );
}

/** The second step when the district asks for a PIN after the scan. */
export function BadgePinPage({ error }: { error?: string }) {
  return (
    <section class="badge-login">
      <h1>Type your PIN</h1>
      {error && <Notice kind="error">{error}</Notice>}
      <p>Your badge worked. Now type the 6-digit PIN that goes with it.</p>
      <form method="post" action="/badges/login" hx-boost="false">
        <CsrfField />
        <div class="field">
          <label for="f-pin">PIN</label>
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
          <button type="submit">Log in</button>
          <a href="/badges">Scan again</a>
        </p>
      </form>
    </section>
  );
}

export function BadgeTooManyPage({ wait }: { wait: string }) {
  return (
    <section class="badge-login">
      <h1>Too many tries</h1>
      <p>{`This device tried to log in with a badge many times in a short while. Please wait ${wait} and try again.`}</p>
      <p>
        <a href="/badges">Back to the badge login</a>
      </p>
    </section>
  );
}
