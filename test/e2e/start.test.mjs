// `PORT=<port> npm start` as a newcomer runs it, on a copy of the checkout (as a fresh clone has
// it: the tracked files, no .wrangler) with a hand-written .dev.vars in quotes and an empty
// secret: the printed links and every mailed link use that port, the secret is filled in, the
// quoted admin token works (the demo district is seeded with it), and the output ends with the
// demo summary, without the offline noise.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, cpSync, mkdirSync, openSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../scripts/local-server.mjs";
import { parseDevVars } from "../../scripts/dev-vars.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ADMIN_TOKEN = "quoted-admin-token-0123456789";
let copy;
let child;
let port;
let output = "";
/** What `npm start` printed before the tests made requests of their own. */
let startOutput;

before(async () => {
  copy = mkdtempSync(join(tmpdir(), "fp-start-"));
  const tracked = spawnSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).stdout.split("\0").filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  writeFileSync(
    join(copy, ".dev.vars"),
    ["# written by hand, in quotes as many .env files are", 'ENVIRONMENT="development"', `ADMIN_TOKEN="${ADMIN_TOKEN}"`, "BADGE_SECRET=''", 'MAIL_FROM="Lakeside Schools <no-reply@lakeside.example>"', ""].join("\n"),
  );
  port = await freePort();
  // One file for stdout and stderr, written in order, as a terminal shows them.
  const log = join(copy, "start.log");
  const fd = openSync(log, "w");
  child = spawn(process.execPath, [join(copy, "scripts", "start.mjs")], { cwd: copy, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const until = Date.now() + 240_000;
  const read = () => (output = readFileSync(log, "utf8"));
  while (!read().includes("Stop with Ctrl+C.")) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
    if (Date.now() > until) throw new Error(`no summary within 240 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // Anything printed after the summary would show up here.
  await new Promise((r) => setTimeout(r, 1500));
  startOutput = read();
});
after(() => {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {}
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("PORT=<port> npm start on a fresh copy with a quoted .dev.vars", () => {
  it("prints every link on that port, and the invitations mailed by the demo seed link there too", async () => {
    const printed = output.match(/https?:\/\/[^\s]+/g) ?? [];
    const local = printed.filter((l) => /^http:\/\/(127\.0\.0\.1|localhost)/.test(l));
    assert.ok(local.length >= 8, `links printed:\n${output}`);
    const onPort = (l) => new RegExp(`^http://127\\.0\\.0\\.1:${port}(?!\\d)`).test(l);
    assert.deepEqual(local.filter((l) => !onPort(l)), [], `links on another port than ${port}`);
    assert.ok(local.some((l) => l.includes("/i/")), "the demo invitation links");

    const { messages } = await (await fetch(`http://127.0.0.1:${port}/dev/mailbox.json`)).json();
    const mailed = messages.flatMap((m) => m.links ?? []);
    assert.ok(mailed.some((l) => l.includes("/i/")), "invitations in the outbox");
    assert.deepEqual(mailed.filter((l) => !onPort(l)), [], "mailed links on another port");
  });

  it("read the quoted values as wrangler does and filled in the empty secret", () => {
    const vars = parseDevVars(readFileSync(join(copy, ".dev.vars"), "utf8"));
    // The demo district exists: the admin API accepted the token in quotes.
    assert.match(output, /Demo district API token: +fpd_/);
    assert.equal(vars.ADMIN_TOKEN, ADMIN_TOKEN);
    assert.ok(vars.BADGE_SECRET.length >= 32, "BADGE_SECRET filled in");
    assert.equal(vars.MAIL_FROM, "Lakeside Schools <no-reply@lakeside.example>");
    assert.match(output, /\.dev\.vars: filled in the empty BADGE_SECRET/);
  });

  it("ends with the demo summary, without the offline noise or the seed's own requests", () => {
    const lines = startOutput.trimEnd().split("\n");
    assert.equal(lines.at(-1).trim(), "Stop with Ctrl+C.");
    assert.ok(lines.findIndex((l) => l.includes("Family Portal is running at")) > lines.findIndex((l) => l.includes("Ready on")));
    assert.doesNotMatch(startOutput, /Request\.cf|getaddrinfo|\/static\/health|types might be out of date/);
    assert.doesNotMatch(startOutput, /\[wrangler:info\] (GET|POST|PUT) \/api\/v1\//);
  });
});
