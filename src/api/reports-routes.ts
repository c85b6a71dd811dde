import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { now as clock } from "../lib/time";
import { decodeCursor } from "../lib/cursor";
import { listDisputes, listRenewals } from "../invitations/reports";
import { countFamiliesByLanguage } from "../invitations/language-report";
import { apiError } from "./errors";
import { validate } from "./validate";

const reportQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
  disputesCursor: z.optional(z.string().check(z.maxLength(200))),
  renewalsCursor: z.optional(z.string().check(z.maxLength(200))),
});

/**
 * `GET /reports`: "not my child" disputes and renewals of expired invitations, newest first.
 * Each list pages on its own cursor (`nextDisputesCursor`, `nextRenewalsCursor`). `languages`:
 * families and connected guardians per language (see language-report.ts), whole on every page.
 */
export const reportsApi = new Hono<AppEnv>().get("/", validate("query", reportQuery), async (c) => {
  const q = c.req.valid("query");
  const disputesCursor = q.disputesCursor === undefined ? undefined : decodeCursor(q.disputesCursor);
  const renewalsCursor = q.renewalsCursor === undefined ? undefined : decodeCursor(q.renewalsCursor);
  if (disputesCursor === null || renewalsCursor === null) {
    const path = disputesCursor === null ? "disputesCursor" : "renewalsCursor";
    return apiError(c, 422, "validation_failed", `Invalid query: ${path} is not one this API returned.`, [{ path, message: "unknown cursor" }]);
  }
  const db = dbOf(c.env, c.get("district").id);
  const districtId = c.get("district").id;
  const [disputes, renewals, languages] = await Promise.all([
    listDisputes(db, districtId, q.limit, disputesCursor),
    listRenewals(db, districtId, q.limit, clock(), renewalsCursor),
    countFamiliesByLanguage(db, districtId),
  ]);
  return c.json({
    disputes: disputes.items,
    renewals: renewals.items,
    nextDisputesCursor: disputes.nextCursor,
    nextRenewalsCursor: renewals.nextCursor,
    languages,
  });
});
