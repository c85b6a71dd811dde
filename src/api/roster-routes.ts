import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { decodeKeyCursor, encodeKeyCursor } from "../lib/cursor";
import { getSchool, getSection, getStudent, getTeacher, listStudents } from "../roster/read";
import { rosterBody, schoolBody, sectionBody, sisId, SIS_ID_MAX, studentBody, teacherBody, type RosterInput } from "../roster/schemas";
import { applyRosterPlan, planRosterUpsert } from "../roster/upsert";
import { apiError } from "./errors";
import { validate } from "./validate";

const sisIdParam = z.object({ sisId });

const listQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(400))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});

type Kind = keyof RosterInput;

/**
 * A single PUT is a one-item roster call: same validation and statements as `POST /roster`.
 * Returns whether the row was created, or the 422 response naming every unknown reference.
 */
async function upsertOne(c: Context<AppEnv>, kind: Kind, input: RosterInput): Promise<{ created: boolean } | Response> {
  const db = dbOf(c.env, c.get("district").id);
  const plan = await planRosterUpsert(db, c.get("district").id, input);
  if (!plan.ok) {
    const prefix = `${kind}.0.`;
    const details = plan.issues.map((i) => ({ ...i, path: i.path.startsWith(prefix) ? i.path.slice(prefix.length) : i.path }));
    return apiError(c, 422, "validation_failed", details[0]?.message ?? "Invalid roster data.", details);
  }
  if ((await applyRosterPlan(db, plan.statements)) === "conflict") return rosterChanged(c);
  return { created: plan.counts[kind].created > 0 };
}

const rosterChanged = (c: Context<AppEnv>) =>
  apiError(c, 409, "conflict", "Another call changed the same roster rows at the same moment; nothing was written. Send this call again.");

const notFound = (c: Context<AppEnv>, what: string) => apiError(c, 404, "not_found", `No ${what} with this sisId in this district.`);

export const rosterApi = new Hono<AppEnv>()
  .put("/schools/:sisId", validate("param", sisIdParam), validate("json", schoolBody), async (c) => {
    const { sisId } = c.req.valid("param");
    const result = await upsertOne(c, "schools", { schools: [{ sisId, ...c.req.valid("json") }] });
    if (result instanceof Response) return result;
    return c.json(await getSchool(dbOf(c.env, c.get("district").id), c.get("district").id, sisId), result.created ? 201 : 200);
  })
  .get("/schools/:sisId", validate("param", sisIdParam), async (c) => {
    const row = await getSchool(dbOf(c.env, c.get("district").id), c.get("district").id, c.req.valid("param").sisId);
    return row ? c.json(row) : notFound(c, "school");
  })
  .put("/teachers/:sisId", validate("param", sisIdParam), validate("json", teacherBody), async (c) => {
    const { sisId } = c.req.valid("param");
    const result = await upsertOne(c, "teachers", { teachers: [{ sisId, ...c.req.valid("json") }] });
    if (result instanceof Response) return result;
    return c.json(await getTeacher(dbOf(c.env, c.get("district").id), c.get("district").id, sisId), result.created ? 201 : 200);
  })
  .get("/teachers/:sisId", validate("param", sisIdParam), async (c) => {
    const row = await getTeacher(dbOf(c.env, c.get("district").id), c.get("district").id, c.req.valid("param").sisId);
    return row ? c.json(row) : notFound(c, "teacher");
  })
  .get("/students", validate("query", listQuery), async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const after = cursor === undefined || cursor === "" ? null : decodeKeyCursor(cursor, SIS_ID_MAX);
    if (cursor && after === null) return apiError(c, 422, "validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "not a cursor from this API" }]);
    const page = await listStudents(dbOf(c.env, c.get("district").id), c.get("district").id, limit, after);
    return c.json({ data: page.data, nextCursor: page.lastSisId === null ? null : encodeKeyCursor(page.lastSisId) });
  })
  .put("/students/:sisId", validate("param", sisIdParam), validate("json", studentBody), async (c) => {
    const { sisId } = c.req.valid("param");
    const result = await upsertOne(c, "students", { students: [{ sisId, ...c.req.valid("json") }] });
    if (result instanceof Response) return result;
    return c.json(await getStudent(dbOf(c.env, c.get("district").id), c.get("district").id, sisId), result.created ? 201 : 200);
  })
  .get("/students/:sisId", validate("param", sisIdParam), async (c) => {
    const row = await getStudent(dbOf(c.env, c.get("district").id), c.get("district").id, c.req.valid("param").sisId);
    return row ? c.json(row) : notFound(c, "student");
  })
  .put("/sections/:sisId", validate("param", sisIdParam), validate("json", sectionBody), async (c) => {
    const { sisId } = c.req.valid("param");
    const result = await upsertOne(c, "sections", { sections: [{ sisId, ...c.req.valid("json") }] });
    if (result instanceof Response) return result;
    return c.json(await getSection(dbOf(c.env, c.get("district").id), c.get("district").id, sisId), result.created ? 201 : 200);
  })
  .get("/sections/:sisId", validate("param", sisIdParam), async (c) => {
    const row = await getSection(dbOf(c.env, c.get("district").id), c.get("district").id, c.req.valid("param").sisId);
    return row ? c.json(row) : notFound(c, "section");
  })
  .post("/roster", validate("json", rosterBody), async (c) => {
    const db = dbOf(c.env, c.get("district").id);
    const plan = await planRosterUpsert(db, c.get("district").id, c.req.valid("json"));
    if (!plan.ok) {
      const n = plan.issues.length;
      return apiError(c, 422, "validation_failed", `${n} problem${n === 1 ? "" : "s"} in the roster; nothing was written.`, plan.issues);
    }
    if ((await applyRosterPlan(db, plan.statements)) === "conflict") return rosterChanged(c);
    return c.json(plan.counts);
  });
