/** The nightly-style upkeep the cron runs (and `npm run maintenance` triggers locally): retention, then owed thread erasures. */
import { getDb } from "../db/client";
import type { Bindings } from "../env";
import { finishErasures, type ErasureRun } from "./erasure";
import { purgeExpired, type PurgeCounts } from "./retention";

/** The daily trigger in wrangler.toml that runs it (the five-minute one does the outbox and reminders). */
export const MAINTENANCE_CRON = "30 3 * * *";

export async function runMaintenance(env: Pick<Bindings, "DB" | "MESSAGE_THREAD">, now = Date.now()): Promise<PurgeCounts & { threadObjects: ErasureRun }> {
  const db = getDb(env.DB);
  const purged = await purgeExpired(db, now);
  const threadObjects = await finishErasures(env, db);
  const figures = { ...purged, threadObjects };
  console.log(`maintenance: ${JSON.stringify(figures)}`);
  return figures;
}
