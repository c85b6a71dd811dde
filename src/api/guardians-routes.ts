import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { disconnectGuardianship, findGuardianship, readGuardians, studentIdBySisId } from "../roster/guardians";
import { sisId } from "../roster/schemas";
import { runBatch } from "../db/batch";
import { apiError } from "./errors";
import { validate } from "./validate";

const studentParam = z.object({ sisId });
const guardianshipParam = z.object({ sisId, id: z.string().check(z.minLength(1), z.maxLength(64)) });

/** `/students/{sisId}/guardians`: who is connected to a student, and disconnecting a wrong one. */
export const guardiansApi = new Hono<AppEnv>()
  .get("/:sisId/guardians", validate("param", studentParam), async (c) => {
    const db = dbOf(c.env, c.get("district").id);
    const district = c.get("district");
    const studentId = await studentIdBySisId(db, district.id, c.req.valid("param").sisId);
    if (!studentId) return apiError(c, 404, "not_found", "No student with this sisId in this district.");
    const data = await readGuardians(db, district.id, studentId, { actorKind: "district", actorId: district.id });
    return c.json({ data, nextCursor: null });
  })
  .delete("/:sisId/guardians/:id", validate("param", guardianshipParam), async (c) => {
    const db = dbOf(c.env, c.get("district").id);
    const district = c.get("district");
    const { sisId: studentSisId, id } = c.req.valid("param");
    const studentId = await studentIdBySisId(db, district.id, studentSisId);
    if (!studentId) return apiError(c, 404, "not_found", "No student with this sisId in this district.");
    const found = await findGuardianship(db, district.id, studentId, id);
    if (!found) return apiError(c, 404, "not_found", "No such guardian connection for this student.");
    await runBatch(
      db,
      disconnectGuardianship(db, { districtId: district.id, studentId, guardianshipId: found.id, userId: found.userId, actor: { actorKind: "district", actorId: district.id } }),
    );
    return c.body(null, 204);
  });
