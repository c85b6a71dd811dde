import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { sisId } from "../roster/schemas";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { listAudit, studentIdBySis } from "../stewardship/audit-trail";
import { deleteSchoolBySis, deleteStudentBySis } from "../stewardship/deletion";
import { apiError } from "./errors";
import { validate } from "./validate";

const sisIdParam = z.object({ sisId });

const auditQuery = z.strictObject({
  studentSisId: z.optional(sisId),
  since: z.optional(z.iso.datetime({ offset: true })),
  cursor: z.optional(z.string().check(z.maxLength(400))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});

/** Deletion on the district's request (everything about a student, or a whole school) and the district's audit trail. */
export const stewardshipApi = new Hono<AppEnv>()
  .get("/audit", validate("query", auditQuery), async (c) => {
    const q = c.req.valid("query");
    const districtId = c.get("district").id;
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !after) return apiError(c, 422, "validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "not a cursor from this API" }]);
    const db = dbOf(c.env, c.get("district").id);
    let studentId: string | undefined;
    if (q.studentSisId !== undefined) {
      studentId = (await studentIdBySis(db, districtId, q.studentSisId)) ?? undefined;
      if (!studentId) return apiError(c, 404, "not_found", "No student with this sisId in this district.");
    }
    const page = await listAudit(db, districtId, { studentId, since: q.since ? Date.parse(q.since) : undefined, after, limit: q.limit });
    return c.json({ data: page.data, nextCursor: page.next ? encodeCursor(page.next) : null });
  })
  .delete("/students/:sisId", validate("param", sisIdParam), async (c) => {
    const district = c.get("district");
    const result = await deleteStudentBySis(c.env, dbOf(c.env, c.get("district").id), district.id, c.req.valid("param").sisId, { actorKind: "district", actorId: district.id });
    return result ? c.json(result) : apiError(c, 404, "not_found", "No student with this sisId in this district (perhaps already deleted).");
  })
  .delete("/schools/:sisId", validate("param", sisIdParam), async (c) => {
    const district = c.get("district");
    const result = await deleteSchoolBySis(c.env, dbOf(c.env, c.get("district").id), district.id, c.req.valid("param").sisId, { actorKind: "district", actorId: district.id });
    return result ? c.json(result) : apiError(c, 404, "not_found", "No school with this sisId in this district (perhaps already deleted).");
  });
