// Static files as Workers Static Assets (issue 15, item 5): served by the runtime from
// dist/assets/ ([assets] in wrangler.toml) under content-hashed names, not from the worker's code.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { STATIC_ASSETS } from "../src/generated/static-assets";
import { asset, picture } from "../src/static";
import { call, ORIGIN } from "./world";

/**
 * What the runtime's asset service answers for an address (the ASSETS binding). In production and
 * under `wrangler dev` it answers /static/<hashed name> before the worker runs (the e2e suite
 * loads every page's files that way); the pool's SELF (0.15) calls the worker directly instead.
 */
const fromAssets = (path: string) => env.ASSETS.fetch(ORIGIN + path);

describe("static files as Workers Static Assets", () => {
  it("serves every file under its hashed name with its type and a one-year immutable cache", async () => {
    expect(STATIC_ASSETS.map((a) => a.name)).toEqual(expect.arrayContaining(["app.css", "htmx.min.js", "qr-decode.js", "badge-scanner.js", "enhance.js", "favicon.svg"]));
    for (const a of STATIC_ASSETS) {
      const res = await fromAssets(`/static/${a.file}`);
      expect(res.status, a.file).toBe(200);
      expect(res.headers.get("content-type"), a.file).toContain(a.type.split(";")[0]!.replace("text/javascript", "javascript"));
      expect(res.headers.get("cache-control"), a.file).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options"), a.file).toBe("nosniff");
      expect((await res.arrayBuffer()).byteLength, a.file).toBe(a.bytes);
    }
  });

  it("keeps the bytes out of the worker: its own fetch handler does not know the files", async () => {
    const res = await call(asset("app.css"));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
  });

  it("has no file for an unknown or stale hashed name, so the worker answers with its 404 page, not a cached file", async () => {
    const missing = await fromAssets("/static/app.000000000000.css");
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
    const res = await call("/static/app.000000000000.css", { headers: { "accept-language": "es" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control") ?? "").not.toContain("immutable");
    expect(await res.text()).toContain('<html lang="es"');
  });

  it("keeps /favicon.ico pointing at the hashed favicon, and a tour picture's URL and size", async () => {
    const res = await call("/favicon.ico");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(asset("favicon.svg"));
    const svg = await fromAssets(asset("favicon.svg"));
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const p = picture("tour/en-home.webp");
    expect(p.width).toBeGreaterThan(0);
    expect(p.height).toBeGreaterThan(0);
    const img = await fromAssets(p.src);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/webp");
  });
});
