#!/usr/bin/env node
// `npm start`: everything a newcomer needs, in order. Creates .dev.vars (ENVIRONMENT=development,
// random admin token and badge secret) when missing, builds the static files, applies local D1 migrations, serves on
// http://127.0.0.1:8787 with wrangler dev, seeds the demo district into an empty database and
// prints where to start.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemo, demoSummary } from "./seed-demo.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 8787);
const origin = `http://127.0.0.1:${port}`;
const wrangler = join(root, "node_modules", ".bin", "wrangler");

const DEV_ENVIRONMENT = "# Turns on /dev/* (the dev mailbox). wrangler.toml itself says production.\nENVIRONMENT=development\n";

function ensureDevVars() {
  const path = join(root, ".dev.vars");
  if (existsSync(path)) {
    // A .dev.vars from before wrangler.toml said production: /dev/mailbox must still work locally.
    const current = readFileSync(path, "utf8");
    if (!/^ENVIRONMENT=/m.test(current)) {
      appendFileSync(path, `${current === "" || current.endsWith("\n") ? "" : "\n"}${DEV_ENVIRONMENT}`);
      console.log("Added ENVIRONMENT=development to .dev.vars.");
    }
    // The dev mailbox's "Reply by text" form signs with it (a .dev.vars from before issue 17 has none).
    if (!/^SMS_WEBHOOK_SECRET=/m.test(readFileSync(path, "utf8"))) {
      const now = readFileSync(path, "utf8");
      appendFileSync(path, `${now === "" || now.endsWith("\n") ? "" : "\n"}SMS_WEBHOOK_SECRET=${randomBytes(24).toString("base64url")}\n`);
      console.log("Added SMS_WEBHOOK_SECRET to .dev.vars.");
    }
    return;
  }
  const filled = readFileSync(join(root, ".dev.vars.example"), "utf8")
    .replace(/^ADMIN_TOKEN=$/m, `ADMIN_TOKEN=${randomBytes(24).toString("base64url")}`)
    .replace(/^BADGE_SECRET=$/m, `BADGE_SECRET=${randomBytes(32).toString("base64url")}`)
    .replace(/^SMS_WEBHOOK_SECRET=$/m, `SMS_WEBHOOK_SECRET=${randomBytes(24).toString("base64url")}`);
  writeFileSync(path, filled, { mode: 0o600 });
  console.log("Created .dev.vars with a fresh ADMIN_TOKEN and BADGE_SECRET.");
}

function readDevVar(name) {
  const m = readFileSync(join(root, ".dev.vars"), "utf8").match(new RegExp(`^${name}=(.*)$`, "m"));
  return m?.[1]?.trim() ?? "";
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

ensureDevVars();
run("Building static files", process.execPath, [join(root, "scripts", "build-static.mjs")]);
const migrated = run("Applying local D1 migrations", wrangler, ["d1", "migrations", "apply", "DB", "--local"]);
// wrangler reprints its progress table after each migration, so count its announcement instead of the ticks.
const applied = Number(migrated.match(/About to apply (\d+) migration/)?.[1] ?? 0);
console.log(applied ? `Applied ${applied} local D1 migration(s).` : "Local D1 database is up to date.");

const server = spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: process.env,
});
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));

if (!(await waitUntilServing(90_000))) {
  console.error(`The server did not answer on ${origin} within 90 s.`);
  stop();
} else {
  const adminToken = readDevVar("ADMIN_TOKEN");
  try {
    await seedDemo({ origin, adminToken, root });
    console.log(await demoSummary({ origin, root }));
  } catch (err) {
    console.error(`Could not seed the demo district: ${err.message}`);
  }
}
