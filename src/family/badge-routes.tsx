/**
 * A parent's badge pages: /children/:studentId/badge (the code, the PIN, how to use it),
 * .../badge.png (the image to save to the phone's photos) and .../badge/print.
 *
 * A child whose badges the district turned on but who never had a badge gets one the first time a
 * parent opens it (audited "badge.issue", actor parent): families expect to find the badge there,
 * and the district's switch already said this child uses one. A badge the school voided is not
 * replaced from here (that would undo the void): the page says to ask the school. Every look is
 * audited "badge.view".
 */
import { Hono, type Context } from "hono";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { requireParent } from "../auth/guards";
import { badgeFileName, badgeViewAudit, badgeViewAuditWhere, childBadgeOf, childBadgeQuery, issueFirstBadge, loadChildBadge, type ChildBadge } from "../badges/child-badge";
import { pageLoad } from "../auth/page-load";
import { sql } from "drizzle-orm";
import { badgePng, badgeQrSvg } from "../badges/image";
import { badgeLoginHint } from "../badges/login";
import { badgePin, badgeToken } from "../badges/token";
import { runBatch } from "../db/batch";
import { BadgesOffPage, BadgesUnavailablePage, BadgeVoidedPage, ChildBadgePage, ChildBadgePrintPage, ChildNotFoundPage, type BadgeView } from "../../views/pages/badge";
import { isRowId } from "../lib/ids";

type Outcome =
  | { kind: "not_found" }
  | { kind: "off"; child: ChildBadge }
  | { kind: "voided"; child: ChildBadge }
  | { kind: "unavailable" }
  | { kind: "badge"; child: ChildBadge; badge: { id: string }; token: string; fresh: boolean };

/** What the badge page reads in the session's batch: the child and badge, and whether its look was audited there. */
interface BadgeRead {
  child: ChildBadge | null;
  viewAudited: boolean;
}

/**
 * The badge page's child and badge, and its "badge.view" audit row, in the session's round trip:
 * the row is written by SQL that finds the live badge itself, only while the session checks out
 * (`input.live`) and badges can be shown (BADGE_SECRET set), as the code below would have.
 */
const badgePageLoad = pageLoad(
  "parent",
  (db, who, input) => {
    const studentId = input.param("studentId") ?? "";
    const shown = config(input.env).badgeSecret ? input.live : sql`0`;
    return [childBadgeQuery(db, who, studentId), badgeViewAuditWhere(db, { userId: who, studentId, as: "page", live: shown })] as const;
  },
  ([rows, audit]): BadgeRead => ({ child: childBadgeOf(rows[0]), viewAudited: audit.meta.changes > 0 }),
);

/** The child's live badge for this parent, issuing the first one when needed; audits the look in the same round trip. */
async function openBadge<E extends AppEnv>(c: Context<E>, userId: string, as: "page" | "png" | "print", read?: () => Promise<BadgeRead>): Promise<Outcome> {
  const studentId = c.req.param("studentId") ?? "";
  if (!isRowId(studentId)) return { kind: "not_found" };
  const db = getDb(c.env.DB);
  const loaded = read ? await read() : { child: await loadChildBadge(db, userId, studentId), viewAudited: false };
  let child = loaded.child;
  if (!child) return { kind: "not_found" };
  if (!child.badgesEnabled) return { kind: "off", child };
  const secret = config(c.env).badgeSecret;
  if (!secret) {
    console.error("badges: BADGE_SECRET is not set");
    return { kind: "unavailable" };
  }
  let fresh = false;
  if (!child.badge && child.hadBadge) return { kind: "voided", child };
  if (!child.badge) {
    await runBatch(db, issueFirstBadge(db, { secret, child, userId }));
    child = await loadChildBadge(db, userId, studentId);
    if (!child?.badge) return { kind: "not_found" };
    fresh = true;
  }
  if (fresh || !loaded.viewAudited) await runBatch(db, [badgeViewAudit(db, { child, userId, badgeId: child.badge.id, as })]);
  return { kind: "badge", child, badge: child.badge, token: badgeToken(secret, child.badge.id), fresh };
}

/** The page for an outcome that is not a badge (404, badges off, not configured). */
function otherPage<E extends AppEnv>(c: Context<E>, o: Exclude<Outcome, { kind: "badge" }>) {
  const t = c.var.locale.t;
  switch (o.kind) {
    case "not_found":
      c.status(404);
      return c.render(<ChildNotFoundPage />, { title: t.home.childNotFound });
    case "off":
      return c.render(<BadgesOffPage firstName={o.child.firstName} />, { title: t.badges.badgeFor(o.child.firstName) });
    case "voided":
      return c.render(<BadgeVoidedPage firstName={o.child.firstName} />, { title: t.badges.badgeFor(o.child.firstName) });
    case "unavailable":
      c.status(503);
      return c.render(<BadgesUnavailablePage />, { title: t.badges.unavailableTitle });
  }
}

function view<E extends AppEnv>(c: Context<E>, o: Extract<Outcome, { kind: "badge" }>): BadgeView {
  const { child } = o;
  return {
    studentId: child.studentId,
    firstName: child.firstName,
    lastName: child.lastName,
    schoolName: child.schoolName,
    qrSvg: badgeQrSvg(o.token, c.var.locale.t.badges.badgeFor(`${child.firstName} ${child.lastName}`)),
    pin: child.pinRequired ? badgePin(config(c.env).badgeSecret!, o.badge.id) : null,
    loginAt: badgeLoginHint(config(c.env).publicUrl),
    fresh: o.fresh,
  };
}

export const familyBadgeRoutes = new Hono<AppEnv>()
  .get("/:studentId/badge", requireParent, badgePageLoad.middleware, async (c) => {
    const o = await openBadge(c, c.get("actor").user.id, "page", () => badgePageLoad.data(c));
    if (o.kind !== "badge") return otherPage(c, o);
    // The page holds a live credential: never stored by any cache.
    c.header("cache-control", "private, no-store");
    return c.render(<ChildBadgePage {...view(c, o)} />, { title: c.var.locale.t.badges.title(o.child.firstName) });
  })
  .get("/:studentId/badge.png", requireParent, async (c) => {
    const o = await openBadge(c, c.get("actor").user.id, "png");
    if (o.kind !== "badge") return otherPage(c, o);
    const png = await badgePng(c.env, {
      token: o.token,
      childName: `${o.child.firstName} ${o.child.lastName}`,
      schoolName: o.child.schoolName,
      loginHint: badgeLoginHint(config(c.env).publicUrl),
      // In the downloader's language: the badge font draws Latin letters with their accents (src/badges/font.ts, served as an asset).
      whereToShow: c.var.locale.t.badges.showToWebcam,
    });
    return c.body(new Uint8Array(png), 200, {
      "content-type": "image/png",
      "content-disposition": `attachment; filename="${badgeFileName(o.child.firstName)}"`,
      "cache-control": "private, no-store",
    });
  })
  .get("/:studentId/badge/print", requireParent, async (c) => {
    const o = await openBadge(c, c.get("actor").user.id, "print");
    if (o.kind !== "badge") return otherPage(c, o);
    c.header("cache-control", "private, no-store");
    return c.render(<ChildBadgePrintPage {...view(c, o)} />, { title: c.var.locale.t.badges.printTitle(o.child.firstName) });
  });
