import { Hono } from "hono";
import * as z from "zod/mini";
import { config } from "../config";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { badgeSubject, liveBadges, regenerateBadge, voidBadge } from "../badges/issue";
import { isoDate } from "../lib/time";
import { sisId } from "../roster/schemas";
import { runBatch } from "../db/batch";
import { apiError } from "./errors";
import { validate } from "./validate";

const sisIdParam = z.object({ sisId });

/**
 * `/students/{sisId}/badge`. Responses never carry the token: the family and teacher pages
 * redraw the QR code from the badge id (src/badges/token.ts).
 */
export const badgesApi = new Hono<AppEnv>()
  .get("/:sisId/badge", validate("param", sisIdParam), async (c) => {
    const db = dbOf(c.env, c.get("district").id);
    const { sisId } = c.req.valid("param");
    const student = await badgeSubject(db, c.get("district").id, sisId);
    if (!student) return apiError(c, 404, "not_found", "No student with this sisId in this district.");
    const [live] = await liveBadges(db, c.get("district").id, [student.studentId]);
    if (!live) return apiError(c, 404, "not_found", "This student has no live badge.");
    return c.json({ id: live.id, studentSisId: sisId, createdAt: isoDate(live.createdAt), badgesEnabled: student.badgesEnabled });
  })
  .post("/:sisId/badge", validate("param", sisIdParam), async (c) => {
    const secret = config(c.env).badgeSecret;
    if (!secret) return apiError(c, 503, "internal", "Badges are not configured on this server: the BADGE_SECRET secret is not set.");
    const db = dbOf(c.env, c.get("district").id);
    const district = c.get("district");
    const { sisId } = c.req.valid("param");
    const student = await badgeSubject(db, district.id, sisId);
    if (!student) return apiError(c, 404, "not_found", "No student with this sisId in this district.");
    if (!student.badgesEnabled) {
      return apiError(c, 409, "conflict", "Badges are turned off for this student; PUT the student with \"badgesEnabled\": true first.");
    }
    const { badge, statements } = regenerateBadge(db, {
      secret,
      districtId: district.id,
      studentId: student.studentId,
      withPin: student.badgePin,
      actor: { actorKind: "district", actorId: district.id },
    });
    await runBatch(db, statements);
    return c.json({ id: badge.id, studentSisId: sisId, createdAt: isoDate(badge.createdAt), pinRequired: student.badgePin }, 201);
  })
  // Voiding needs no key, so it works even where BADGE_SECRET is missing: a lost badge can always be killed.
  .delete("/:sisId/badge", validate("param", sisIdParam), async (c) => {
    const db = dbOf(c.env, c.get("district").id);
    const district = c.get("district");
    const student = await badgeSubject(db, district.id, c.req.valid("param").sisId);
    if (!student) return apiError(c, 404, "not_found", "No student with this sisId in this district.");
    const [live] = await liveBadges(db, district.id, [student.studentId]);
    if (!live) return apiError(c, 404, "not_found", "This student has no live badge.");
    await runBatch(db, voidBadge(db, { districtId: district.id, studentId: student.studentId, badgeId: live.id, actor: { actorKind: "district", actorId: district.id } }));
    return c.body(null, 204);
  });
