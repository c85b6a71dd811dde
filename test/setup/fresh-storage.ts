// Runs before every test file. The files share one runtime (vitest's `isolate: false`), so each
// starts by emptying D1 and every Durable Object, then applies the migrations: storage is as
// isolated per file as when each file had a runtime of its own, without starting one per file.
import { applyD1Migrations, reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, vi } from "vitest";
import { settleBackgroundWork } from "../world/requests";

await reset();
const left = await env.DB.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").first<{ n: number }>();
if (left?.n) throw new Error(`storage was not emptied before this file: ${left.n} tables left`);
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
// The second district database (vitest.config.ts) has the same schema; only its routed district writes there.
await applyD1Migrations(env.DB_2, env.TEST_MIGRATIONS);

// Background work, spies, stubbed globals, fake clocks and timeouts end with the file that made them.
afterAll(async () => {
  await settleBackgroundWork();
  vi.resetConfig();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
