import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { directoryDb } from "../db/route";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { GRADE_BANDS, IDEA_TOPICS } from "../ideas/catalog";
import { deleteIdea, ideaBody, ideaJson, ideaSlug, listIdeasPage, upsertIdea } from "../ideas/ideas";
import { listSuggestions, markSuggestionHandled, suggestionJson } from "../ideas/suggestions";
import { requireAdmin } from "./auth";
import { apiError } from "./errors";
import { validate } from "./validate";

const slugParam = z.strictObject({ slug: ideaSlug });
const idParam = z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
const cursorField = z.optional(z.string().check(z.maxLength(200)));
const limitField = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 100);

export const ideasQuery = z.strictObject({
  topic: z.optional(z.enum(IDEA_TOPICS)),
  grade: z.optional(z.enum(GRADE_BANDS)),
  cursor: cursorField,
  limit: limitField,
});

export const suggestionsQuery = z.strictObject({
  status: z.optional(z.enum(["open", "handled"])),
  cursor: cursorField,
  limit: limitField,
});

const badCursor = { path: "cursor", message: "unknown cursor" };

/** `/admin/ideas` and `/admin/idea-suggestions`: the platform operator curates the Ideas tab. */
export const adminIdeasApi = new Hono<AppEnv>()
  .use(requireAdmin)
  .get("/ideas", validate("query", ideasQuery), async (c) => {
    const q = c.req.valid("query");
    // Slug order; the cursor is the last slug returned (opaque to clients).
    const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
    if (after === null && q.cursor !== undefined) return apiError(c, 422, "validation_failed", "Invalid query: cursor is not one this API returned.", [badCursor]);
    const page = await listIdeasPage(directoryDb(c.env), { topic: q.topic, gradeBand: q.grade }, q.limit, after?.id ?? null);
    return c.json({ data: page.items.map(ideaJson), nextCursor: page.lastSlug === null ? null : encodeCursor({ at: 0, id: page.lastSlug }) });
  })
  .put("/ideas/:slug", validate("param", slugParam), validate("json", ideaBody), async (c) => {
    const { created, idea } = await upsertIdea(directoryDb(c.env), c.req.valid("param").slug, c.req.valid("json"));
    return c.json(ideaJson(idea), created ? 201 : 200);
  })
  .delete("/ideas/:slug", validate("param", slugParam), async (c) => {
    const deleted = await deleteIdea(directoryDb(c.env), c.req.valid("param").slug);
    return deleted ? c.body(null, 204) : apiError(c, 404, "not_found", "No idea with this slug.");
  })
  .get("/idea-suggestions", validate("query", suggestionsQuery), async (c) => {
    const q = c.req.valid("query");
    const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
    if (cursor === null && q.cursor !== undefined) return apiError(c, 422, "validation_failed", "Invalid query: cursor is not one this API returned.", [badCursor]);
    const page = await listSuggestions(directoryDb(c.env), q.status, q.limit, cursor);
    return c.json({ data: page.items.map(suggestionJson), nextCursor: page.nextCursor });
  })
  .post("/idea-suggestions/:id/handled", validate("param", idParam), async (c) => {
    const row = await markSuggestionHandled(directoryDb(c.env), c.req.valid("param").id);
    return row ? c.json(suggestionJson(row)) : apiError(c, 404, "not_found", "No suggestion with this id.");
  });
