// The district's command: scripts/oneroster-upload.mjs against a local server (local R2, Durable
// Objects and D1 as wrangler dev runs them): a good zip ends 0 with the counts, a dry run says
// so, and a file that is not a zip ends 1 with the reason.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { districtExport, zipOf } from "../../bench/oneroster.mjs";
import { ADMIN_TOKEN, api, startStack } from "./harness.mjs";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "fp-oneroster-"));
let stack;
let district;

/** Runs the command; resolves with its exit code and output whatever the code. */
async function upload(file, ...flags) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/oneroster-upload.mjs", file, "--url", stack.origin, "--token", district.token, ...flags]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

before(async () => {
  stack = await startStack();
  ({ body: district } = await api(stack.origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Upload District" }));
});

after(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("scripts/oneroster-upload.mjs", () => {
  it("uploads a zip, shows progress and prints the final counts; a dry run first writes nothing", async () => {
    const zip = join(dir, "district.zip");
    writeFileSync(zip, zipOf(districtExport(100, 150).files));
    const dry = await upload(zip, "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Dry run \(nothing was written\) done, OneRoster 1\.1/);
    assert.match(dry.stdout, /students\s+100\s+0\s+0\s+0/);
    const { body: none } = await api(stack.origin, district.token, "GET", "/students?limit=5");
    assert.deepEqual(none.data, []);
    const real = await upload(zip);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /Import done/);
    assert.match(real.stdout, /contacts\s+150\s+0\s+0\s+0/);
    assert.match(real.stdout, /done: \d+ \/ \d+ rows/);
  });

  it("exits 1 with the reason when the import failed, and 2 without its arguments", async () => {
    const bad = join(dir, "not-a-zip.zip");
    writeFileSync(bad, "sourcedId,name\n1,hello\n");
    const failed = await upload(bad);
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /Import failed/);
    assert.match(failed.stdout, /not_a_zip/);
    const usage = await run(process.execPath, ["scripts/oneroster-upload.mjs"]).catch((err) => err);
    assert.equal(usage.code, 2);
  });
});
