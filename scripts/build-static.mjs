#!/usr/bin/env node
// Copies the files under static/ (and htmx and jsQR from node_modules, and the pictures under
// static/tour/) to dist/assets/static/, each under a content-hashed name, for Workers Static Assets
// ([assets] in wrangler.toml): the runtime serves them with a one-year immutable cache
// (dist/assets/_headers) without running the worker, so their bytes stay out of the worker's bundle.
// src/generated/static-assets.ts keeps only the manifest (name -> hashed name, type, picture sizes)
// for asset() and picture(). Runs before `npm start`, `npm test`, `npm run typecheck`, the e2e
// server and deploy; the output is not committed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const types = { ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8" };

/** Pictures, served as bytes: the tour's phone screenshots (static/tour/, written by test/e2e/tour.test.mjs). */
const pictureTypes = { ".webp": "image/webp", ".png": "image/png" };
const PICTURE_DIRS = ["tour"];

/** name → absolute path of its source. */
const sources = new Map();
for (const f of readdirSync(join(root, "static"))) if (types[extname(f)]) sources.set(f, join(root, "static", f));
for (const dir of PICTURE_DIRS) {
  for (const f of existsSync(join(root, "static", dir)) ? readdirSync(join(root, "static", dir)) : []) {
    if (pictureTypes[extname(f)]) sources.set(`${dir}/${f}`, join(root, "static", dir, f));
  }
}
sources.set("htmx.min.js", require.resolve("htmx.org/dist/htmx.min.js"));
// The QR decoder the badge scanner loads on /badges only, and only where BarcodeDetector is missing.
sources.set("jsQR.js", require.resolve("jsqr/dist/jsQR.js"));

/** jsQR ships unminified (250 KB); esbuild (wrangler's own dependency) shrinks it when it resolves. */
async function minifier() {
  try {
    const { transform } = await import(pathToFileURL(require.resolve("esbuild")).href);
    return async (code) => (await transform(code, { minify: true, loader: "js", legalComments: "none" })).code;
  } catch {
    return async (code) => code;
  }
}
const minified = new Set(["jsQR.js"]);
const minify = await minifier();

/** Width and height of a WebP (VP8, VP8L or VP8X) or PNG, so pages can reserve its space (width/height attributes). */
function pictureSize(bytes, name) {
  const ascii = (at, n) => bytes.toString("latin1", at, at + n);
  if (ascii(1, 3) === "PNG") return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (ascii(0, 4) === "RIFF" && ascii(8, 4) === "WEBP") {
    const chunk = ascii(12, 4);
    if (chunk === "VP8 ") return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    if (chunk === "VP8L") {
      const b = bytes.readUInt32LE(21);
      return { width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
    }
    if (chunk === "VP8X") return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  throw new Error(`static/${name}: not a PNG or WebP picture`);
}

/** Where wrangler.toml's [assets] directory points; URLs are /static/<hashed name>. */
const assetsDir = join(root, "dist/assets");
mkdirSync(join(assetsDir, "static"), { recursive: true });

const entries = [];
for (const [name, path] of [...sources].sort()) {
  const ext = extname(name);
  if (pictureTypes[ext]) {
    const bytes = readFileSync(path);
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
    const file = `${name.slice(0, -ext.length).replaceAll("/", "-")}.${hash}${ext}`;
    writeFileSync(join(assetsDir, "static", file), bytes);
    entries.push({ name, file, type: pictureTypes[ext], picture: true, bytes: bytes.length, ...pictureSize(bytes, name) });
    continue;
  }
  const source = readFileSync(path, "utf8");
  const body = minified.has(name) ? await minify(source) : source;
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const file = `${name.slice(0, -ext.length)}.${hash}${ext}`;
  writeFileSync(join(assetsDir, "static", file), body);
  entries.push({ name, file, type: types[ext], bytes: Buffer.byteLength(body) });
}
// Old hashes go only after the new files are written: a running server (npm start, e2e) never sees a gap.
const current = new Set(entries.map((e) => e.file));
for (const f of readdirSync(join(assetsDir, "static"))) if (!current.has(f)) rmSync(join(assetsDir, "static", f), { force: true });
// Every name under /static/ carries its content hash, so browsers may keep it for a year unasked;
// nosniff because these responses never pass through the worker's secure headers.
writeFileSync(
  join(assetsDir, "_headers"),
  `/static/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n`,
);

mkdirSync(join(root, "src/generated"), { recursive: true });
const out = `// Generated by scripts/build-static.mjs; do not edit.
/** A file served from dist/assets/static/<file> (Workers Static Assets): its size, and a picture's pixels. */
export interface StaticAsset { name: string; file: string; type: string; bytes: number; picture?: true; width?: number; height?: number }
export const STATIC_ASSETS: StaticAsset[] = ${JSON.stringify(entries, null, 1)};
`;
writeFileSync(join(root, "src/generated/static-assets.ts"), out);
const pictures = entries.filter((e) => e.picture);
console.log(`static (dist/assets/static/): ${entries.filter((e) => !e.picture).map((e) => e.file).join(", ")}${pictures.length ? `; ${pictures.length} pictures, ${Math.round(pictures.reduce((n, e) => n + e.bytes, 0) / 1024)} KB` : ""}`);

// The language catalogs: every file in src/i18n/catalogs/ is a language, so adding one is adding a file.
const catalogs = readdirSync(join(root, "src/i18n/catalogs"))
  .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.ts$/.test(f))
  .map((f) => f.slice(0, -3))
  .sort();
const ident = (tag) => `catalog_${tag.replace(/-/g, "_")}`;
writeFileSync(
  join(root, "src/generated/catalogs.ts"),
  `// Generated by scripts/build-static.mjs from src/i18n/catalogs/; do not edit.
${catalogs.map((tag) => `import ${ident(tag)} from "../i18n/catalogs/${tag}";`).join("\n")}
import type { Catalog } from "../i18n/catalog";

export const CATALOGS: Readonly<Record<string, Catalog>> = { ${catalogs.map((tag) => `"${tag}": ${ident(tag)}`).join(", ")} };
`,
);
console.log(`languages: ${catalogs.join(", ")}`);
