import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { eq } from "drizzle-orm";
import { districts } from "../db/schema";
import { dbOf, directoryDb, hasOwnDatabase } from "../db/route";
import { deleteDistrict } from "../stewardship/deletion";
import { requireAdmin } from "./auth";
import { apiError } from "./errors";
import { validate } from "./validate";

const idParam = z.object({ id: z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9_]+$/)) });

/** `DELETE /admin/districts/:id`: everything of a district, on its request. */
export const adminStewardshipApi = new Hono<AppEnv>()
  .use(requireAdmin)
  .delete("/districts/:id", validate("param", idParam), async (c) => {
    const id = c.req.valid("param").id;
    const result = await deleteDistrict(c.env, dbOf(c.env, id), id, { actorKind: "admin", actorId: null });
    // Its own database is emptied; the directory's row (its token) goes last, once nothing is left.
    if (result?.complete && hasOwnDatabase(c.env, id)) await directoryDb(c.env).delete(districts).where(eq(districts.id, id)).run();
    return result ? c.json(result) : apiError(c, 404, "not_found", "No such district (perhaps already deleted).");
  });
