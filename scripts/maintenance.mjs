#!/usr/bin/env node
// `npm run maintenance`: runs the daily retention job (src/stewardship/maintenance.ts) against the local
// database, through the same scheduled() handler the cron calls in production. wrangler dev serves
// /cdn-cgi/handler/scheduled?cron=… for exactly this. With `npm start` running (PORT, default 8787) the
// job runs there and its figures appear in that server's log; otherwise a wrangler dev is started on a
// spare port for the run, its "maintenance: {...}" line is printed, and it is stopped again.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDevVars, portFrom, publicUrlFor } from "./dev-vars.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");
const CRON = "30 3 * * *"; // MAINTENANCE_CRON in src/stewardship/maintenance.ts

const trigger = (origin) => fetch(`${origin}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(CRON)}`, { signal: AbortSignal.timeout(60_000) });

async function answers(origin) {
  try {
    await fetch(origin, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const startPort = portFrom(process.env.PORT);
const running = `http://127.0.0.1:${startPort}`;
if (await answers(running)) {
  const res = await trigger(running);
  console.log(res.ok ? `Maintenance ran on ${running}; the figures ("maintenance: {...}") are in that server's log.` : `The server answered ${res.status}.`);
  process.exit(res.ok ? 0 : 1);
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
// The links a reminder sent by this run carries: the same as `npm start`'s (wrangler.toml's top level names no PUBLIC_URL).
const devVarsPath = join(root, ".dev.vars");
const publicUrl = publicUrlFor({ port: startPort, shellValue: process.env.PUBLIC_URL, devVars: existsSync(devVarsPath) ? parseDevVars(readFileSync(devVarsPath, "utf8")) : {} });
const server = spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", String(port), "--var", `PUBLIC_URL:${publicUrl}`, "--show-interactive-dev-session=false"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, CI: "1" },
});
let log = "";
server.stdout.on("data", (d) => (log += d));
server.stderr.on("data", (d) => (log += d));
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);

const deadline = Date.now() + 90_000;
while (!(await answers(origin)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
let code = 1;
try {
  const res = await trigger(origin);
  // The job runs in waitUntil: wait for its line.
  const until = Date.now() + 30_000;
  while (!/maintenance( failed)?:/.test(log) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  const line = log.split("\n").find((l) => /maintenance( failed)?:/.test(l));
  console.log(line ? line.trim() : `No maintenance line in the log (trigger answered ${res.status}).`);
  code = line && !line.includes("failed") ? 0 : 1;
} catch (err) {
  console.error(`Could not run maintenance: ${err.message}\n${log.slice(-2000)}`);
} finally {
  stop();
}
process.exit(code);
