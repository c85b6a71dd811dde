// Starts the worker under `wrangler dev` on a throwaway local database, for the benchmark and
// the end-to-end tests (each run gets its own database, so they never touch `npm start`'s).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");

export const ADMIN_TOKEN = "local-admin-token-0123456789";

/** A port nobody is listening on now (so parallel benches and e2e runs never share a server). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `config`: another wrangler config (the bench's two-database one); `databases`: the D1 bindings
 * to migrate; `persist`: an existing state directory to reuse (kept at stop), else a fresh one;
 * `direct`: run the deployable bundle on workerd through Miniflare, without wrangler dev's proxy
 * in front (scripts/workerd-direct.mjs; same bindings and state layout), else `wrangler dev`.
 */
export async function startServer({ port, vars = {}, config, databases = ["DB"], persist: reuse, direct = false } = {}) {
  port ??= await freePort();
  const persist = reuse ?? mkdtempSync(join(tmpdir(), "fp-bench-"));
  const quiet = { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CI: "1" } };
  const configArgs = config ? ["-c", config] : [];
  spawnSync(process.execPath, [join(root, "scripts", "build-static.mjs")], quiet);
  for (const binding of databases) {
    const mig = spawnSync(wrangler, ["d1", "migrations", "apply", binding, "--local", "--persist-to", persist, ...configArgs], quiet);
    if (mig.status !== 0) throw new Error(`migrations of ${binding} failed`);
  }
  const allVars = { ENVIRONMENT: "development", ADMIN_TOKEN, BADGE_SECRET: "local-badge-secret-0123456789", PUBLIC_URL: `http://127.0.0.1:${port}`, ...vars };
  let child;
  if (direct) {
    // The bundle a deploy would upload, built into the state directory (removed with it).
    const bundleDir = join(persist, "bundle");
    const built = spawnSync(wrangler, ["deploy", "--dry-run", "--env", "", "--outdir", bundleDir, ...configArgs], quiet);
    if (built.status !== 0) throw new Error("wrangler deploy --dry-run failed");
    const options = JSON.stringify({ port, persist, bundleDir, config, vars: allVars });
    child = spawn(process.execPath, [join(root, "scripts", "workerd-direct.mjs"), options], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: process.env, detached: true });
  } else {
    const args = ["dev", ...configArgs, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persist, "--show-interactive-dev-session=false"];
    for (const [k, v] of Object.entries(allVars)) args.push("--var", `${k}:${v}`);
    child = spawn(wrangler, args, { cwd: root, stdio: "ignore", env: process.env, detached: true });
  }
  const origin = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      if (Date.now() > until) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return {
    origin,
    /** The local state directory (D1 files, Durable Objects' SQLite files). */
    persist,
    /** CPU milliseconds the server's processes (wrangler, workerd) have used so far (Linux only; else NaN). */
    cpuMs: () => processGroupCpuMs(child.pid),
    stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      if (!reuse) rmSync(persist, { recursive: true, force: true });
    },
    /** Stops it and waits until its processes are gone (its state is then safe to read or reuse). */
    async stopAndWait() {
      this.stop();
      for (let i = 0; i < 100 && processGroupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

function processGroupAlive(pgid) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid) return true;
    } catch {}
  }
  return false;
}

/** User + system CPU time of every process in group `pgid`, from /proc (clock ticks of 10 ms). */
function processGroupCpuMs(pgid) {
  let ticks = 0;
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return NaN;
  }
  return ticks * 10;
}

export async function api(origin, token, method, path, body, headers = {}) {
  const t0 = performance.now();
  const res = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 500)}`);
  const d1Ms = Number((res.headers.get("server-timing") ?? "").match(/d1;dur=([\d.]+)/)?.[1] ?? NaN);
  return { body: text ? JSON.parse(text) : null, ms, statements: Number(res.headers.get("x-d1-statements") ?? NaN), rowsWritten: Number(res.headers.get("x-d1-rows-written") ?? NaN), d1Ms };
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export function printTable(rows) {
  const head = ["benchmark", "value", "unit", "notes"];
  const cells = rows.map((r) => [r.name, typeof r.value === "number" ? fmt(r.value) : String(r.value), r.unit ?? "", r.notes ?? ""]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const c of cells) console.log(line(c));
}

function fmt(n) {
  if (!Number.isFinite(n)) return "n/a";
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(n >= 10 ? 1 : 2);
}
