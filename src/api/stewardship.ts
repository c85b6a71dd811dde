import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { sisId } from "../roster/schemas";
import { deleteSchoolBySis, deleteStudentBySis } from "../stewardship/deletion";
import { apiError } from "./errors";
import { validate } from "./validate";

const sisIdParam = z.object({ sisId });

/** Deletion on the district's request: everything about a student, or a whole school. */
export const stewardshipApi = new Hono<AppEnv>()
  .delete("/students/:sisId", validate("param", sisIdParam), async (c) => {
    const district = c.get("district");
    const result = await deleteStudentBySis(c.env, getDb(c.env.DB), district.id, c.req.valid("param").sisId, { actorKind: "district", actorId: district.id });
    return result ? c.json(result) : apiError(c, 404, "not_found", "No student with this sisId in this district (perhaps already deleted).");
  })
  .delete("/schools/:sisId", validate("param", sisIdParam), async (c) => {
    const district = c.get("district");
    const result = await deleteSchoolBySis(c.env, getDb(c.env.DB), district.id, c.req.valid("param").sisId, { actorKind: "district", actorId: district.id });
    return result ? c.json(result) : apiError(c, 404, "not_found", "No school with this sisId in this district (perhaps already deleted).");
  });
