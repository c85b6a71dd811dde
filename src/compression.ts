import { createMiddleware } from "hono/factory";

/**
 * Browser content only: `wrangler dev` tells the worker every client accepts gzip (as Cloudflare's
 * edge does, which then decodes for clients that cannot), so API JSON stays plain for curl users;
 * on Cloudflare the edge compresses it anyway.
 */
const COMPRESSIBLE = /^(text\/html|text\/css|text\/javascript|application\/javascript|image\/svg\+xml)/;

/**
 * Compression the Workers way: naming the encoding is enough, the runtime compresses the body
 * when it sends it (compressing in JavaScript as well would encode it twice). Pages for slow,
 * metered connections must arrive compressed in development too, where there is no edge.
 */
export const compressText = createMiddleware(async (c, next) => {
  await next();
  const res = c.res;
  if (res.headers.has("content-encoding") || !res.body) return;
  if (!COMPRESSIBLE.test(res.headers.get("content-type") ?? "")) return;
  const accepts = c.req.header("accept-encoding") ?? "";
  if (!/\bgzip\b/.test(accepts)) return;
  res.headers.set("content-encoding", "gzip");
  res.headers.append("vary", "Accept-Encoding");
});
