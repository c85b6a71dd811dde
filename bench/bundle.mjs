// The deployed worker's size (issue 15, item 5): what `wrangler deploy` would upload, built by
// `wrangler deploy --dry-run --outdir` (offline), minified and gzipped. Static files are not in it
// (Workers Static Assets upload them separately).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");

/** Budgets from the issue: ≤ 600 KB minified, ≤ 180 KB gzipped. */
export const BUNDLE_BUDGET = { minifiedKB: 600, gzippedKB: 180 };

/**
 * Bytes of the worker's modules as wrangler would upload them (minified, as wrangler.toml says), and
 * the bytes each source file put in them (`inputs`, from esbuild's metafile; paths relative to the root).
 */
export function measureBundle() {
  const out = mkdtempSync(join(tmpdir(), "fp-bundle-"));
  try {
    spawnSync(process.execPath, [join(root, "scripts", "build-static.mjs")], { cwd: root, stdio: "ignore" });
    const metafile = join(out, "meta.json");
    const r = spawnSync(wrangler, ["deploy", "--dry-run", "--outdir", join(out, "worker"), "--env", "production", "--metafile", metafile], { cwd: root, encoding: "utf8", env: { ...process.env, CI: "1" } });
    if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${r.stdout}\n${r.stderr}`);
    let bytes = 0;
    let gzipped = 0;
    for (const f of readdirSync(join(out, "worker"), { recursive: true })) {
      const path = join(out, "worker", String(f));
      // Source maps and wrangler's README are not uploaded as code.
      if (!statSync(path).isFile() || /\.(map|md)$/.test(path)) continue;
      const body = readFileSync(path);
      bytes += body.length;
      gzipped += gzipSync(body, { level: 9 }).length;
    }
    const inputs = {};
    for (const output of Object.values(JSON.parse(readFileSync(metafile, "utf8")).outputs)) {
      for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) if (bytesInOutput > 0) inputs[relative(root, resolve(root, path))] = bytesInOutput;
    }
    return { bytes, gzipped, inputs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function benchBundle() {
  const { bytes, gzipped } = measureBundle();
  const kb = (n) => Math.round(n / 1024);
  const within = kb(bytes) <= BUNDLE_BUDGET.minifiedKB && kb(gzipped) <= BUNDLE_BUDGET.gzippedKB;
  return [
    { name: "worker bundle: minified / gzipped (wrangler deploy --dry-run)", value: `${kb(bytes)} / ${kb(gzipped)}`, unit: "KB", notes: `${within ? "within" : "OVER"} the budget of ≤ ${BUNDLE_BUDGET.minifiedKB} / ≤ ${BUNDLE_BUDGET.gzippedKB} KB; static files are Workers Static Assets, not in it` },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import("../scripts/local-server.mjs");
  printTable(benchBundle());
}
