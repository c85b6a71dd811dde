import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { newId } from "../lib/random";
import { now } from "../lib/time";
import { listContacts } from "../roster/contacts";
import { studentIdBySisId } from "../roster/guardians";
import { getImport, insertImport, listImports, toImportJson, uploadKey } from "../roster/oneroster/imports";
import { sisId } from "../roster/schemas";
import { apiError } from "./errors";
import { validate } from "./validate";

/** A OneRoster zip may be this large (Workers accept request bodies up to 100 MB). */
export const ONEROSTER_MAX_BYTES = 100 * 1024 * 1024;
const ZIP_TYPES = ["application/zip", "application/x-zip-compressed", "application/octet-stream"];

const flag = z.pipe(
  z.optional(z.enum(["true", "false"])),
  z.transform((v: "true" | "false" | undefined) => v === "true"),
);
const uploadQuery = z.strictObject({ dryRun: flag, invite: flag, removeMissing: flag });
const importParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
const listQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
});

/**
 * `POST /roster/oneroster`: the zip goes to R2 as it arrives (never held whole), the import's
 * record to D1, and the import's Durable Object starts on it (src/roster/oneroster/importer.ts).
 */
export const onerosterApi = new Hono<AppEnv>()
  .post("/roster/oneroster", validate("query", uploadQuery), async (c) => {
    const options = c.req.valid("query");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!ZIP_TYPES.includes(type)) return apiError(c, 415, "unsupported_media_type", "Send the OneRoster export as the body, with content-type: application/zip.");
    const length = Number(c.req.header("content-length") ?? NaN);
    if (!Number.isSafeInteger(length)) return apiError(c, 411, "length_required", "Send a content-length header with the zip.");
    if (length > ONEROSTER_MAX_BYTES) return apiError(c, 413, "payload_too_large", "The zip is larger than 100 MB.");
    const body = c.req.raw.body;
    if (length === 0 || !body) return apiError(c, 422, "validation_failed", "The body is empty; send the OneRoster zip.");

    const district = c.get("district");
    const id = newId("imp");
    const key = uploadKey(district.id, id);
    const sized = new FixedLengthStream(length);
    try {
      await Promise.all([body.pipeTo(sized.writable), c.env.ROSTER_UPLOADS.put(key, sized.readable, { httpMetadata: { contentType: "application/zip" } })]);
    } catch {
      await c.env.ROSTER_UPLOADS.delete(key);
      return apiError(c, 422, "validation_failed", "The upload did not arrive whole (its length differs from content-length); send it again.");
    }
    const db = dbOf(c.env, c.get("district").id);
    await insertImport(db, { id, districtId: district.id, options, uploadKey: key, bytes: length, at: now() }).run();
    await c.env.ROSTER_IMPORT.get(c.env.ROSTER_IMPORT.idFromName(id)).start(id, district.id);
    c.header("location", `/api/v1/roster/imports/${id}`);
    return c.json({ id, status: "queued" as const }, 202);
  })
  .get("/roster/imports", validate("query", listQuery), async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const before = cursor ? decodeCursor(cursor) : null;
    if (cursor && !before) return apiError(c, 422, "validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "not a cursor from this API" }]);
    const page = await listImports(dbOf(c.env, c.get("district").id), c.get("district").id, limit, before ? { createdAt: before.at, id: before.id } : null);
    return c.json({ data: page.data, nextCursor: page.next ? encodeCursor({ at: page.next.createdAt, id: page.next.id }) : null });
  })
  .get("/roster/imports/:id", validate("param", importParam), async (c) => {
    const row = await getImport(dbOf(c.env, c.get("district").id), c.req.valid("param").id, c.get("district").id);
    return row ? c.json(toImportJson(row)) : apiError(c, 404, "not_found", "No import with this id in this district.");
  })
  .get("/students/:sisId/contacts", validate("param", z.object({ sisId })), async (c) => {
    const db = dbOf(c.env, c.get("district").id);
    const district = c.get("district");
    const studentId = await studentIdBySisId(db, district.id, c.req.valid("param").sisId);
    if (!studentId) return apiError(c, 404, "not_found", "No student with this sisId in this district.");
    return c.json({ data: await listContacts(db, district.id, studentId, now()), nextCursor: null });
  });
