/** The nightly-style upkeep the cron runs (and `npm run maintenance` triggers locally): retention, then owed thread erasures. */
import type { ConfigSource } from "../config";
import { allDbs } from "../db/route";
import type { Bindings } from "../env";
import { finishErasures, type ErasureRun } from "./erasure";
import { purgeExpired, type PurgeCounts } from "./retention";
import { purgeRosterUploads } from "./roster-uploads";

/** The daily trigger in wrangler.toml that runs it (the five-minute one does the outbox and reminders). */
export const MAINTENANCE_CRON = "30 3 * * *";

export async function runMaintenance(
  env: Pick<Bindings, "DB" | "MESSAGE_THREAD" | "ROSTER_UPLOADS"> & ConfigSource,
  now = Date.now(),
): Promise<Figures> {
  const runs: Figures[] = [];
  // Every database in use (src/db/route.ts): each holds its districts' rows, under the same limits.
  for (const db of allDbs(env)) {
    const purged = await purgeExpired(db, now);
    const threadObjects = await finishErasures(env, db);
    const rosterUploadsDeleted = await purgeRosterUploads(env, db, now);
    runs.push({ ...purged, threadObjects, rosterUploadsDeleted });
  }
  const figures = runs.reduce(addFigures);
  console.log(`maintenance: ${JSON.stringify(figures)}`);
  return figures;
}

type Figures = PurgeCounts & { threadObjects: ErasureRun; rosterUploadsDeleted: number };

function addFigures(a: Figures, b: Figures): Figures {
  const out = { ...a, threadObjects: { erased: a.threadObjects.erased + b.threadObjects.erased, pending: a.threadObjects.pending + b.threadObjects.pending } };
  for (const key of Object.keys(b) as (keyof Figures)[]) {
    const value = b[key];
    if (typeof value === "number") (out as Record<string, unknown>)[key] = (a[key] as number) + value;
  }
  return out;
}
