import { Hono } from "hono";
import { STATIC_ASSETS, type StaticAsset } from "./generated/static-assets";

const byFile = new Map(STATIC_ASSETS.map((a) => [a.file, a]));
/** Pictures decoded from base64 once per isolate, on first request. */
const decoded = new Map<string, Uint8Array<ArrayBuffer>>();

function bodyOf(a: StaticAsset): string | Uint8Array<ArrayBuffer> {
  if (!a.base64) return a.body;
  let bytes = decoded.get(a.file);
  if (!bytes) {
    bytes = Uint8Array.from(atob(a.body), (ch) => ch.charCodeAt(0));
    decoded.set(a.file, bytes);
  }
  return bytes;
}

/** `/static/*`: immutable, because every name carries its content hash. */
export const staticRoutes = new Hono().get("/:file", (c) => {
  const a = byFile.get(c.req.param("file"));
  if (!a) return c.text("Not found", 404);
  return new Response(bodyOf(a), { headers: { "content-type": a.type, "cache-control": "public, max-age=31536000, immutable" } });
});
