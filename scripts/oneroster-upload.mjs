#!/usr/bin/env node
// Uploads a OneRoster 1.1/1.2 CSV zip to the portal and follows the import to its end:
//   node scripts/oneroster-upload.mjs <zip> --url <PUBLIC_URL> --token <district token> [--dry-run] [--invite] [--remove-missing]
// Prints progress, then the counts and row errors. Exit status: 0 done, 1 failed (or the upload refused), 2 usage.
import { readFile, stat } from "node:fs/promises";

const USAGE = "usage: node scripts/oneroster-upload.mjs <zip> --url <PUBLIC_URL> --token <district token> [--dry-run] [--invite] [--remove-missing]";

function parseArgs(argv) {
  const out = { zip: null, url: null, token: process.env.FAMILY_PORTAL_TOKEN ?? null, dryRun: false, invite: false, removeMissing: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--url") out.url = argv[++i];
    else if (a === "--token") out.token = argv[++i];
    else if (a === "--dry-run") out.dryRun = true;
    else if (a === "--invite") out.invite = true;
    else if (a === "--remove-missing") out.removeMissing = true;
    else if (a === "-h" || a === "--help") return null;
    else if (!a.startsWith("--") && !out.zip) out.zip = a;
    else throw new Error(`unknown argument ${a}`);
  }
  return out.zip && out.url && out.token ? out : null;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(err.message);
  args = null;
}
if (!args) {
  console.error(USAGE);
  process.exit(2);
}

const base = `${args.url.replace(/\/+$/, "")}/api/v1`;
const auth = { authorization: `Bearer ${args.token}` };
const size = (await stat(args.zip)).size;
const query = new URLSearchParams({ dryRun: String(args.dryRun), invite: String(args.invite), removeMissing: String(args.removeMissing) });
console.log(`Uploading ${args.zip} (${(size / 1024 / 1024).toFixed(1)} MB)${args.dryRun ? " as a dry run" : ""}…`);
const res = await fetch(`${base}/roster/oneroster?${query}`, {
  method: "POST",
  headers: { ...auth, "content-type": "application/zip", "content-length": String(size) },
  body: await readFile(args.zip),
});
const answer = await res.json().catch(() => ({}));
if (res.status !== 202) {
  console.error(`The portal refused the upload (${res.status}): ${answer.error?.message ?? JSON.stringify(answer)}`);
  process.exit(1);
}
console.log(`Import ${answer.id} queued.`);

let last = "";
let status;
for (;;) {
  await new Promise((r) => setTimeout(r, 2000));
  const r = await fetch(`${base}/roster/imports/${answer.id}`, { headers: auth });
  if (!r.ok) {
    console.error(`Could not read the import (${r.status}); try again later: GET ${base}/roster/imports/${answer.id}`);
    process.exit(1);
  }
  status = await r.json();
  const line = `${status.status}: ${status.progress.rows.toLocaleString("en-US")} / ${status.progress.total.toLocaleString("en-US")} rows`;
  if (line !== last) console.log(line);
  last = line;
  if (status.status === "done" || status.status === "failed") break;
}

console.log(`\n${status.dryRun ? "Dry run (nothing was written)" : "Import"} ${status.status}, OneRoster ${status.version ?? "?"}`);
const pad = (v, n) => String(v).padStart(n);
console.log(`${"".padEnd(12)}${pad("created", 9)}${pad("updated", 9)}${pad("unchanged", 11)}${pad("removed", 9)}`);
for (const [entity, c] of Object.entries(status.counts)) {
  console.log(`${entity.padEnd(12)}${pad(c.created, 9)}${pad(c.updated, 9)}${pad(c.unchanged, 11)}${pad(c.removed, 9)}`);
}
if (status.errorCount > 0) {
  console.log(`\n${status.errorCount} row error(s)${status.errorCount > status.errors.length ? ` (the first ${status.errors.length})` : ""}:`);
  for (const e of status.errors) console.log(`  ${e.file || "(zip)"}${e.line ? `:${e.line}` : ""}${e.column ? ` [${e.column}]` : ""} ${e.code}: ${e.message}`);
}
process.exit(status.status === "done" ? 0 : 1);
