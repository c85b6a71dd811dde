// The language catalogs (TypeScript, src/i18n/catalogs/) for the Chromium tests, which run in
// plain Node: esbuild (wrangler's own) bundles one catalog into a module we can import. The
// journeys press buttons by their words in the catalog and look for English left on a page.
import { build } from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = mkdtempSync(join(tmpdir(), "fp-catalogs-"));

/** The catalog object of one language (its functions work: `t.layout.switchTo("English")`). */
export async function loadCatalog(tag) {
  const result = await build({ entryPoints: [join(root, "src/i18n/catalogs", `${tag}.ts`)], bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "silent" });
  const file = join(out, `${tag}.mjs`);
  writeFileSync(file, result.outputFiles[0].text);
  return (await import(pathToFileURL(file).href)).default;
}

function texts(node, out = []) {
  if (typeof node === "string") out.push(node);
  else if (node && typeof node === "object") for (const v of Object.values(node)) texts(v, out);
  return out;
}

/** English catalog phrases (two words or more) that the other catalog words differently, longest first. */
export async function englishPhrases(tag) {
  const [en, other] = [await loadCatalog("en"), await loadCatalog(tag)];
  const theirs = new Set(texts(other));
  return [...new Set(texts(en))].filter((t) => /\S+\s+\S+/.test(t) && !theirs.has(t)).sort((a, b) => b.length - a.length);
}
