import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { deleteDistrict } from "../stewardship/deletion";
import { requireAdmin } from "./auth";
import { apiError } from "./errors";
import { validate } from "./validate";

const idParam = z.object({ id: z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9_]+$/)) });

/** `DELETE /admin/districts/:id`: everything of a district, on its request. */
export const adminStewardshipApi = new Hono<AppEnv>()
  .use(requireAdmin)
  .delete("/districts/:id", validate("param", idParam), async (c) => {
    const result = await deleteDistrict(c.env, getDb(c.env.DB), c.req.valid("param").id, { actorKind: "admin", actorId: null });
    return result ? c.json(result) : apiError(c, 404, "not_found", "No such district (perhaps already deleted).");
  });
