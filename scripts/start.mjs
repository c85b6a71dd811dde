#!/usr/bin/env node
// `npm start`: everything a newcomer needs, in order. Creates .dev.vars (ENVIRONMENT=development,
// random admin token and badge secret) when missing and fills in empty secrets in an existing one,
// builds the static files, applies local D1 migrations, serves on http://127.0.0.1:$PORT (8787) with
// wrangler dev, seeds the demo district into an empty database and prints where to start, last.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { completeDevVars, parseDevVars, portFrom, publicUrlFor } from "./dev-vars.mjs";
import { seedDemo, demoSummary } from "./seed-demo.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let port;
try {
  port = portFrom(process.env.PORT);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const origin = `http://127.0.0.1:${port}`;
const wrangler = join(root, "node_modules", ".bin", "wrangler");
const devVarsPath = join(root, ".dev.vars");
const secret = (bytes) => randomBytes(bytes).toString("base64url");

/** Creates .dev.vars from the example, or completes an existing one; returns its values as wrangler reads them. */
function ensureDevVars() {
  if (!existsSync(devVarsPath)) {
    const { text } = completeDevVars(readFileSync(join(root, ".dev.vars.example"), "utf8"), secret);
    writeFileSync(devVarsPath, text, { mode: 0o600 });
    console.log("Created .dev.vars with fresh secrets (ADMIN_TOKEN, BADGE_SECRET, SMS_WEBHOOK_SECRET).");
  } else {
    const { text, changes } = completeDevVars(readFileSync(devVarsPath, "utf8"), secret);
    if (changes.length) {
      writeFileSync(devVarsPath, text);
      console.log(`.dev.vars: ${changes.join(", ")}.`);
    }
  }
  return parseDevVars(readFileSync(devVarsPath, "utf8"));
}

/** Runs a set-up step quietly; its output is shown only if it fails. */
function run(label, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "1" }, encoding: "utf8" });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? "");
    process.stderr.write(r.stderr ?? "");
    console.error(`${label} failed.`);
    process.exit(r.status ?? 1);
  }
  return r.stdout ?? "";
}

async function waitUntilServing(ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${origin}/static/health`);
      if (res.status > 0) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/**
 * Lines nobody starting locally needs: the Request.cf lookup that fails offline (with its stack),
 * our own readiness probe, and wrangler's types hint (the secrets in .dev.vars are not in the
 * generated types on purpose; `npm test` checks worker-configuration.d.ts).
 */
const NOISE = [/Your types might be out of date/, /GET \/static\/health /, /Unable to fetch the `Request\.cf` object/, /getaddrinfo ENOTFOUND workers\.cloudflare\.com/, /^\s+at .*(GetAddrInfoReqWrap|node:internal)/];
/** While starting, the demo seed's own requests and the outbox's "held" notices (the summary names the mailbox). */
const SEED_CHATTER = [/^\[wrangler:info\] (GET|POST|PUT|DELETE|PATCH|HEAD) \//, /outbox: \d+ message\(s\) held/];

/**
 * wrangler dev's output, filtered: noise never shows; while starting, everything else is held back
 * (the seed's request lines dropped) and shown before the summary, so the summary comes last.
 */
function relay(stream, write) {
  const lines = createInterface({ input: stream });
  lines.on("line", (raw) => {
    const line = stripVTControlCharacters(raw);
    if (NOISE.some((re) => re.test(line))) return;
    if (held) {
      if (SEED_CHATTER.some((re) => re.test(line))) return;
      if (line.trim() === "" && held.at(-1)?.line.trim() === "") return;
      held.push({ line: raw, write });
      return;
    }
    write(`${raw}\n`);
  });
}
/** Output held while starting (null once the summary is out). */
let held = [];
function releaseHeld() {
  for (const { line, write } of held ?? []) write(`${line}\n`);
  held = null;
}

const devVars = ensureDevVars();
const publicUrl = publicUrlFor({ port, shellValue: process.env.PUBLIC_URL, devVars });
run("Building static files", process.execPath, [join(root, "scripts", "build-static.mjs")]);
const migrated = run("Applying local D1 migrations", wrangler, ["d1", "migrations", "apply", "DB", "--local"]);
// wrangler reprints its progress table after each migration, so count its announcement instead of the ticks.
const applied = Number(migrated.match(/About to apply (\d+) migration/)?.[1] ?? 0);
console.log(applied ? `Applied ${applied} local D1 migration(s).` : "Local D1 database is up to date.");
console.log(`Starting the server on ${origin} (links in emails and texts: ${publicUrl})...`);

// PUBLIC_URL on the command line: it outranks wrangler.toml and .dev.vars, so links follow PORT.
const server = spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", String(port), "--var", `PUBLIC_URL:${publicUrl}`, "--show-interactive-dev-session=false"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  // No lookup of Cloudflare's Request.cf sample at every start (it fails offline; the placeholder serves local use).
  env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false" },
});
relay(server.stdout, (s) => process.stdout.write(s));
relay(server.stderr, (s) => process.stderr.write(s));
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => {
  releaseHeld();
  process.exit(code ?? 0);
});

if (!(await waitUntilServing(90_000))) {
  releaseHeld();
  console.error(`The server did not answer on ${origin} within 90 s.`);
  stop();
} else {
  let summary;
  let failure;
  try {
    await seedDemo({ origin, adminToken: devVars.ADMIN_TOKEN, root });
    summary = await demoSummary({ origin, root });
  } catch (err) {
    failure = `Could not seed the demo district: ${err.message}`;
  }
  // wrangler logs each request a moment after answering it: let the seed's last lines arrive (and be dropped).
  await new Promise((r) => setTimeout(r, 500));
  releaseHeld();
  if (failure) console.error(failure);
  else console.log(summary);
}
