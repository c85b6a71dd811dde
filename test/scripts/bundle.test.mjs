// What must stay out of the deployed worker (issue 15, item 5: a small worker). Each of these was in
// it once and came out for a smaller, faster-starting upload; an import that brings one back fails
// here (a few seconds: wrangler's offline dry run). `npm run bench` prints the sizes against the budget.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BUNDLE_BUDGET, measureBundle } from "../../bench/bundle.mjs";

/** Today's gzipped size plus a little: the worker may not quietly grow (npm run bench shows the goal). */
const GZIPPED_CEILING_KB = 186;

/** Path prefix → why it is not in the worker. */
const KEPT_OUT = {
  "node_modules/jsqr/": "badge pictures are read with qr/decode.js (src/badges/picture.ts)",
  "node_modules/zod/v4/classic/": 'schemas use zod/mini: import * as z from "zod/mini"',
  "node_modules/zod/v4/core/to-json-schema.js": "the OpenAPI document is built by scripts/build-static.mjs",
  "node_modules/zod/v4/core/json-schema-processors.js": "the OpenAPI document is built by scripts/build-static.mjs",
  "node_modules/zod/v4/locales/es.js": "only English zod messages (src/lib/zod-english.ts)",
  "node_modules/hono/dist/jsx/dom/render.js": "pages render on the server only: src/render-context.ts, not hono/jsx-renderer",
  "node_modules/hono/dist/middleware/jsx-renderer/": "src/render-context.ts gives views their request",
  "src/api/openapi.ts": "served from the static asset scripts/build-static.mjs writes (src/api/openapi-served.ts)",
  "src/badges/font.ts": "the badge font is a static asset (src/badges/font-asset.ts)",
  "src/auth/common-passwords": "the list is static/common-passwords.txt, read through ASSETS",
  "static/": "static files are Workers Static Assets, read through ASSETS",
  "src/i18n/catalogs/": "the language catalogs are static assets (catalog-<tag>.json), read through ASSETS (src/i18n/load.ts)",
  "src/i18n/catalog-build.ts": "catalog templates are parsed and checked by scripts/build-static.mjs",
  "src/dev/": "development-only routes: the production build defines FP_DEV_TOOLS = false (wrangler.toml, src/dev/mount.ts)",
  "views/pages/mailbox.tsx": "the dev mailbox is development-only (src/dev/mount.ts)",
  "src/outbox/mailbox.ts": "the dev mailbox is development-only (src/dev/mount.ts)",
};

describe("the deployed worker's bundle", () => {
  const { bytes, gzipped, inputs } = measureBundle();

  it("leaves out what has a smaller replacement or belongs in Static Assets", () => {
    const found = Object.keys(inputs).flatMap((path) => Object.entries(KEPT_OUT).filter(([prefix]) => path.startsWith(prefix)).map(([, why]) => `${path}: ${why}`));
    assert.deepEqual(found, []);
  });

  it("stays within SPEC 4's 600 KB minified, and does not grow past today's gzipped size", () => {
    const kb = (n) => Math.round((n / 1024) * 10) / 10;
    assert.ok(kb(bytes) <= BUNDLE_BUDGET.minifiedKB, `${kb(bytes)} KB minified`);
    // Issue 15 asks for ≤ 180 KB gzipped; it is ~184 KB with the design card's arctic (Google) and
    // @oslojs (hashes, encodings), both kept (docs/capacity.md, "The worker's size"). A ratchet, not the goal.
    assert.ok(kb(gzipped) <= GZIPPED_CEILING_KB, `${kb(gzipped)} KB gzipped`);
  });

  it("is measured from wrangler's own output", () => {
    assert.ok(Object.keys(inputs).includes("src/index.ts"));
    assert.ok(bytes > 100_000 && gzipped > 30_000 && gzipped < bytes, `${bytes} / ${gzipped} bytes`);
  });
});
