import { Hono } from "hono";
import { eq } from "drizzle-orm";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { dbOf, directoryDb, hasOwnDatabase } from "../db/route";
import { districts } from "../db/schema";
import { auditInsert } from "../audit";
import { hashToken, newId, newSecret } from "../lib/random";
import { cleanLine } from "../lib/text";
import { now } from "../lib/time";
import { requireAdmin } from "./auth";
import { apiError } from "./errors";
import { validate } from "./validate";

export const createDistrictBody = z.strictObject({
  name: z.string().check(z.overwrite(cleanLine), z.trim(), z.minLength(1), z.maxLength(200)),
});

/** District API tokens are recognisable (`fpd_`) so secret scanners can find leaked ones. */
const newDistrictToken = () => newSecret("fpd_");

export const adminApi = new Hono<AppEnv>()
  .use(requireAdmin)
  .post("/districts", validate("json", createDistrictBody), async (c) => {
    const { name } = c.req.valid("json");
    // A new district starts in the directory's database; docs/capacity.md says how one moves to its own.
    const db = directoryDb(c.env);
    const id = newId("dst");
    const token = newDistrictToken();
    const t = now();
    await db.batch([
      db.insert(districts).values({ id, name, tokenHash: hashToken(token), tokenRotatedAt: t, createdAt: t, updatedAt: t }),
      auditInsert(db, { districtId: id, actorKind: "admin", actorId: null, action: "district.create" }, t),
    ]);
    return c.json({ id, name, token }, 201);
  })
  .get("/districts", async (c) => {
    const rows = await directoryDb(c.env)
      .select({ id: districts.id, name: districts.name, createdAt: districts.createdAt })
      .from(districts)
      .orderBy(districts.createdAt)
      .all();
    return c.json({ data: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) });
  })
  .post("/districts/:id/token", async (c) => {
    const db = directoryDb(c.env);
    const row = await db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, c.req.param("id"))).get();
    if (!row) return apiError(c, 404, "not_found", "No such district.");
    const token = newDistrictToken();
    const t = now();
    const rotate = db.update(districts).set({ tokenHash: hashToken(token), tokenRotatedAt: t, updatedAt: t }).where(eq(districts.id, row.id));
    // The audit row belongs to the district's trail, in its own database.
    const own = dbOf(c.env, row.id);
    const audited = auditInsert(own, { districtId: row.id, actorKind: "admin", actorId: null, action: "district.rotate_token" }, t);
    if (hasOwnDatabase(c.env, row.id)) {
      // Two databases, no shared transaction: the record first, so no rotation goes unrecorded.
      await audited.run();
      await rotate.run();
    } else {
      await db.batch([rotate, audited]);
    }
    return c.json({ id: row.id, name: row.name, token });
  });
