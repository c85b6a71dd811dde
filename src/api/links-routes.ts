import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { deleteLink, linkBody, linkJson, linkKey, listLinks, MAX_LINKS_PER_DISTRICT, upsertLink } from "../links/links";
import { apiError } from "./errors";
import { validate } from "./validate";

const keyParam = z.object({ key: linkKey });

/** `/links`: the district's links shown to families and students. */
export const linksApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const rows = await listLinks(dbOf(c.env, c.get("district").id), c.get("district").id);
    return c.json({ data: rows.map(linkJson), nextCursor: null });
  })
  .put("/:key", validate("param", keyParam), validate("json", linkBody), async (c) => {
    const district = c.get("district");
    const result = await upsertLink(dbOf(c.env, c.get("district").id), district.id, c.req.valid("param").key, c.req.valid("json"), {
      actorKind: "district",
      actorId: district.id,
    });
    if (!result.ok) return apiError(c, 409, "conflict", `A district can have at most ${MAX_LINKS_PER_DISTRICT} links; delete one first.`);
    return c.json(result.link, result.created ? 201 : 200);
  })
  .delete("/:key", validate("param", keyParam), async (c) => {
    const district = c.get("district");
    const deleted = await deleteLink(dbOf(c.env, c.get("district").id), district.id, c.req.valid("param").key, { actorKind: "district", actorId: district.id });
    return deleted ? c.body(null, 204) : apiError(c, 404, "not_found", "No link with this key in this district.");
  });
