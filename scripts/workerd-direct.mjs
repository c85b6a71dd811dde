// The worker on workerd WITHOUT wrangler dev's proxy in front (issue 15: production has none), for
// the bench: the bundle `wrangler deploy --dry-run` builds (what a deploy uploads) run by Miniflare
// with the bindings wrangler itself derives from wrangler.toml (unstable_getMiniflareWorkerOptions:
// D1, Durable Objects with their SQLite storage, R2, static assets), its state in the same layout
// as `wrangler dev --persist-to` (so `wrangler d1 migrations apply --persist-to` prepares it).
// Started by scripts/local-server.mjs (startServer({ direct: true })) as a child process of its own:
//   node scripts/workerd-direct.mjs <json: { port, persist, bundleDir, config?, vars }>
import { join, resolve } from "node:path";
import { Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

const { port, persist, bundleDir, config, vars } = JSON.parse(process.argv[2]);
const { workerOptions } = unstable_getMiniflareWorkerOptions(resolve(config ?? "wrangler.toml"));
const mf = new Miniflare({
  host: "127.0.0.1",
  port,
  // The same directories wrangler dev uses under --persist-to.
  defaultPersistRoot: join(persist, "v3"),
  // No request to Cloudflare for a sample `request.cf` (the bench runs offline).
  cf: false,
  log: new Log(LogLevel.WARN),
  // WORKERD_DIRECT_INSPECTOR=<port>: workerd's inspector (Chrome DevTools protocol), to profile the worker's isolate.
  ...(process.env.WORKERD_DIRECT_INSPECTOR ? { inspectorPort: Number(process.env.WORKERD_DIRECT_INSPECTOR) } : {}),
  // The worker's own console (e.g. the outbox's "held" lines) is dropped, as wrangler dev's is under startServer.
  handleRuntimeStdio(stdout, stderr) {
    stdout.resume();
    stderr.resume();
  },
  workers: [
    {
      name: "family-portal",
      ...workerOptions,
      modules: true,
      modulesRoot: bundleDir,
      scriptPath: join(bundleDir, "index.js"),
      bindings: { ...workerOptions.bindings, ...vars },
    },
  ],
});
await mf.ready;
// Stays up until stopped (SIGTERM to its process group); then workerd goes with it.
process.on("SIGTERM", () => void mf.dispose().finally(() => process.exit(0)));
