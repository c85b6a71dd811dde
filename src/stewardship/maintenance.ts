/** The nightly-style upkeep the cron runs (and `npm run maintenance` triggers locally): retention, then owed thread erasures. */
import { getDb } from "../db/client";
import type { Bindings } from "../env";
import { finishErasures, type ErasureRun } from "./erasure";
import { purgeExpired, type PurgeCounts } from "./retention";
import { purgeRosterUploads } from "./roster-uploads";

/** The daily trigger in wrangler.toml that runs it (the five-minute one does the outbox and reminders). */
export const MAINTENANCE_CRON = "30 3 * * *";

export async function runMaintenance(
  env: Pick<Bindings, "DB" | "MESSAGE_THREAD" | "ROSTER_UPLOADS">,
  now = Date.now(),
): Promise<PurgeCounts & { threadObjects: ErasureRun; rosterUploadsDeleted: number }> {
  const db = getDb(env.DB);
  const purged = await purgeExpired(db, now);
  const threadObjects = await finishErasures(env, db);
  const rosterUploadsDeleted = await purgeRosterUploads(env, db, now);
  const figures = { ...purged, threadObjects, rosterUploadsDeleted };
  console.log(`maintenance: ${JSON.stringify(figures)}`);
  return figures;
}
