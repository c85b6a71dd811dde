/**
 * /badges: the student-side login page (public), and POST /badges/login {token, pin?}.
 *
 * Every POST counts against the device's limit (10 a minute), and every POST that names a badge
 * against that badge's (10 a minute). Any failure reads the same (badges.failed, 401): unknown,
 * voided or regenerated-away badges, badges turned off, a locked PIN. When the district asks for
 * a PIN, a good scan sets a signed five-minute cookie naming the badge and asks for the PIN; five
 * wrong PINs lock that badge for fifteen minutes. The session lasts as long as the badge.
 */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { preprocess } from "../lib/preprocess";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { HOME_OF } from "../auth/actor";
import { clearShortCookie, readShortCookie, setSessionCookie, setShortCookie } from "../auth/cookies";
import { browserLimitKey, ensureDeviceCookie } from "../auth/device-cookie";
import { LIMITS, rateLimit } from "../auth/rate-limiter";
import { deleteSession, newSessionRow } from "../auth/sessions";
import { sessions } from "../db/schema";
import { auditInsert } from "../audit";
import { findLiveBadgeByToken, badgeToken, verifyBadgePin, type LiveBadge } from "../badges/token";
import {
  BADGE_LOGIN_PER_BADGE,
  badgeLimitKey,
  clearPinFailures,
  PIN_FAILURES,
  PIN_STEP_COOKIE,
  PIN_STEP_SECONDS,
  pinStepValue,
  readPinStep,
  reservePinCheck,
  scannedToken,
} from "../badges/login";
import { now as clock } from "../lib/time";
import { runBatch } from "../db/batch";
import { asset } from "../static";
import { BADGE_QR_PREFIX } from "../badges/image";
import { BADGE_PICTURE_MAX_BYTES, readBadgePicture } from "../badges/picture";
import { BadgeLoginPage, BadgePinPage, BadgeTooManyPage } from "../../views/pages/badge-login";
import { waitWords } from "../../views/components";

const field = (max: number) => preprocess((v) => (typeof v === "string" ? v : undefined), z.optional(z.string().check(z.trim(), z.maxLength(max))));
const loginForm = z.object({ token: field(200), pin: field(20), _csrf: field(200) });

type Ctx = Context<AppEnv>;

function loginPage(c: Ctx, error?: string, notice?: string) {
  const actor = c.get("actor");
  const signedInAs = actor && actor.kind !== "student" ? actor.kind : undefined;
  return c.render(<BadgeLoginPage error={error} notice={notice} signedInAs={signedInAs} decoderUrl={asset("qr-decode.js")} pictureLimit={`${new Intl.NumberFormat(c.var.locale.tag).format(BADGE_PICTURE_MAX_BYTES / 1024 / 1024)} MB`} />, { title: c.var.locale.t.badges.loginTitle, scripts: ["badge-scanner.js"] });
}

function failed(c: Ctx) {
  clearShortCookie(c, PIN_STEP_COOKIE);
  c.status(401);
  return loginPage(c, c.var.locale.t.badges.failed);
}

function tooMany(c: Ctx, retryAfter: number) {
  c.status(429);
  c.header("retry-after", String(retryAfter));
  return c.render(<BadgeTooManyPage wait={waitWords(retryAfter, c.var.locale)} />, { title: c.var.locale.t.badges.tooManyTitle });
}

function askPin(c: Ctx, error?: string) {
  c.status(error ? 422 : 200);
  return c.render(<BadgePinPage error={error} />, { title: c.var.locale.t.badges.pinTitle });
}

/** Signs the student in on this device with a session that lives as long as this badge (its grant). */
async function logIn(c: Ctx, live: LiveBadge, withPin: boolean) {
  clearShortCookie(c, PIN_STEP_COOKIE);
  const db = getDb(c.env.DB);
  const current = c.get("actor");
  const { token, row } = newSessionRow("student", live.student.id, c.req.header("user-agent"), live.badge.id);
  await runBatch(db, [
    // Whoever was signed in on this device is signed out (a new token at every sign-in).
    ...(current ? [deleteSession(db, current.session.id)] : []),
    db.insert(sessions).values(row),
    ...(withPin ? [clearPinFailures(db, live.badge.id)] : []),
    auditInsert(db, {
      districtId: live.badge.districtId,
      actorKind: "student",
      actorId: live.student.id,
      action: "badge_login",
      studentId: live.student.id,
      targetId: live.badge.id,
      detail: { pin: withPin },
    }, row.createdAt),
  ]);
  setSessionCookie(c, token, "student");
  return c.redirect(HOME_OF.student, 303);
}

/**
 * A scanned code (or, with `badgeId`, the badge a PIN-step cookie names) with the PIN if one came:
 * logs in, asks for the PIN, or fails, with the per-badge limit and the PIN lock.
 */
async function checkBadge(c: Ctx, secret: string, token: string | null, pin: string | undefined, badgeId?: string) {
  const db = getDb(c.env.DB);
  const live: LiveBadge | null = await findLiveBadgeByToken(db, token ? scannedToken(token) : badgeToken(secret, badgeId!));
  if (!live) return failed(c);
  // The device cookie is the client's choice: the limit holds per badge as well.
  const perBadge = await rateLimit(c.env, badgeLimitKey(live.badge.id), BADGE_LOGIN_PER_BADGE);
  if (!perBadge.allowed) return tooMany(c, perBadge.retryAfter);
  if (!live.pinRequired) return logIn(c, live, false);

  if (live.pinLocked) return failed(c);
  if (!pin) {
    setShortCookie(c, PIN_STEP_COOKIE, pinStepValue(secret, live.badge.id, clock()), PIN_STEP_SECONDS);
    return token ? askPin(c) : askPin(c, c.var.locale.t.badges.pinMissing);
  }
  // Counted before it is checked, in one step in the badge's row: no parallel guess slips past.
  const failures = await reservePinCheck(db, live.badge.id, clock());
  if (failures === null) return failed(c);
  if (verifyBadgePin(secret, live.badge.id, pin.replace(/\s+/g, ""))) return logIn(c, live, true);
  if (failures >= PIN_FAILURES.limit) return failed(c);
  setShortCookie(c, PIN_STEP_COOKIE, pinStepValue(secret, live.badge.id, clock()), PIN_STEP_SECONDS);
  return askPin(c, c.var.locale.t.badges.pinWrong);
}

/** A picture over the limit (checked here, or by the body limit in src/pages.ts from its Content-Length). */
export function pictureTooLarge(c: Ctx) {
  c.status(413);
  const size = `${new Intl.NumberFormat(c.var.locale.tag).format(BADGE_PICTURE_MAX_BYTES / 1024 / 1024)} MB`;
  return loginPage(c, c.var.locale.t.badges.picture.tooLarge(size));
}

export const badgeLoginRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    if (c.get("actor")?.kind === "student") return c.redirect(HOME_OF.student, 303);
    // htmx swaps bodies and would not run the scanner: load this page for real.
    if (c.req.header("hx-request")) return c.body(null, 200, { "hx-redirect": "/badges" });
    ensureDeviceCookie(c);
    return loginPage(c, undefined, c.req.query("signed-out") === "1" ? c.var.locale.t.badges.signedOut : undefined);
  })
  .post("/login", async (c) => {
    const verdict = await rateLimit(c.env, browserLimitKey(c, "badge-login"), LIMITS.badgeLoginPerDevice);
    if (!verdict.allowed) return tooMany(c, verdict.retryAfter);
    const secret = config(c.env).badgeSecret;
    const form = loginForm.safeParse(await c.req.parseBody());
    if (!secret || !form.success) {
      if (!secret) console.error("badges: BADGE_SECRET is not set");
      c.status(422);
      return loginPage(c, c.var.locale.t.badges.failed);
    }
    const { token, pin } = form.data;
    if (token) return checkBadge(c, secret, token, pin);
    // Step two: a PIN for the badge named by the signed cookie.
    const badgeId = readPinStep(secret, readShortCookie(c, PIN_STEP_COOKIE), clock());
    if (!badgeId) {
      c.status(422);
      return loginPage(c, c.var.locale.t.badges.failed);
    }
    return checkBadge(c, secret, null, pin, badgeId);
  })
  .post("/picture", async (c) => {
    // The same limits as a scan: a picture is one more way of naming a badge.
    const verdict = await rateLimit(c.env, browserLimitKey(c, "badge-login"), LIMITS.badgeLoginPerDevice);
    if (!verdict.allowed) return tooMany(c, verdict.retryAfter);
    const secret = config(c.env).badgeSecret;
    if (!secret) {
      console.error("badges: BADGE_SECRET is not set");
      c.status(422);
      return loginPage(c, c.var.locale.t.badges.failed);
    }
    const p = c.var.locale.t.badges.picture;
    const file = (await c.req.parseBody())["picture"];
    if (!(file instanceof File) || file.size === 0) {
      c.status(422);
      return loginPage(c, p.missing);
    }
    if (file.size > BADGE_PICTURE_MAX_BYTES) return pictureTooLarge(c);
    const text = await readBadgePicture(new Uint8Array(await file.arrayBuffer()));
    if (!text) {
      c.status(422);
      return loginPage(c, p.noBadge);
    }
    if (!text.toUpperCase().startsWith(BADGE_QR_PREFIX)) {
      c.status(422);
      return loginPage(c, c.var.locale.t.badges.scanner.pictureNotABadge);
    }
    return checkBadge(c, secret, text, undefined);
  });
