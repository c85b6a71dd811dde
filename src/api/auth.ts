import { createMiddleware } from "hono/factory";
import { eq } from "drizzle-orm";
import { config } from "../config";
import type { AppEnv } from "../env";
import { directoryDb } from "../db/route";
import { districts } from "../db/schema";
import { hashToken, safeEqual } from "../lib/random";
import { apiError } from "./errors";

function bearer(header: string | undefined): string | null {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1] ?? null;
}

/** `Authorization: Bearer $ADMIN_TOKEN`: the platform operator. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearer(c.req.header("authorization"));
  const expected = config(c.env).adminToken;
  if (!token || !expected || !safeEqual(token, expected)) {
    return apiError(c, 401, "unauthorized", "A valid admin token is required.");
  }
  await next();
});

/**
 * `Authorization: Bearer <district token>`. District tokens carry 160 random bits, so looking
 * one up by its SHA-256 leaks nothing useful through timing.
 */
export const requireDistrict = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearer(c.req.header("authorization"));
  if (!token) return apiError(c, 401, "unauthorized", "A district API token is required.");
  const row = await directoryDb(c.env)
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(eq(districts.tokenHash, hashToken(token)))
    .get();
  if (!row) return apiError(c, 401, "unauthorized", "The district API token is not valid.");
  c.set("district", row);
  await next();
});
