import { Hono } from "hono";
import { STATIC_ASSETS } from "./generated/static-assets";

const byFile = new Map(STATIC_ASSETS.map((a) => [a.file, a]));

/** `/static/*`: immutable, because every name carries its content hash. */
export const staticRoutes = new Hono().get("/:file", (c) => {
  const a = byFile.get(c.req.param("file"));
  if (!a) return c.text("Not found", 404);
  return c.body(a.body, 200, {
    "content-type": a.type,
    "cache-control": "public, max-age=31536000, immutable",
  });
});
