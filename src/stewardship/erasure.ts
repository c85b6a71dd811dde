/**
 * Erasing message-thread objects after their D1 rows are gone. The deletion's audit row carries
 * the thread ids still to erase (`detail.erase`), written in the same batch as the deletes, so a
 * crash between the batch and the erasure loses nothing: the next deletion call or the cron
 * finishes the list. Thread ids name no one.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import type { Bindings } from "../env";

export const DELETION_ACTIONS = ["student.delete", "school.delete", "district.delete"] as const;

/** Object calls per invocation: well under the Workers subrequest cap; the rest waits for the next run. */
export const ERASE_BUDGET = 200;
const CONCURRENCY = 16;

type ThreadEnv = Pick<Bindings, "MESSAGE_THREAD">;

/** Erases each object; returns the ids that failed (to try again later). */
export async function eraseThreads(env: ThreadEnv, ids: readonly string[]): Promise<string[]> {
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      try {
        await env.MESSAGE_THREAD.getByName(id).erase();
      } catch (err) {
        console.error("stewardship: thread erase failed", id, err);
        failed.push(id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return failed;
}

const eraseList = (detail: string | null): string[] => {
  try {
    const v: unknown = detail ? (JSON.parse(detail) as { erase?: unknown }).erase : null;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

export interface ErasureRun {
  erased: number;
  /** Thread objects still waiting (over budget, or failed this time). */
  pending: number;
}

/** Erases the thread objects that deletions left to erase (one district's, or everyone's for the cron). */
export async function finishErasures(env: ThreadEnv, db: Db, opts: { districtId?: string; budget?: number } = {}): Promise<ErasureRun> {
  let budget = opts.budget ?? ERASE_BUDGET;
  const rows = await db
    .select({ id: auditLog.id, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.action, [...DELETION_ACTIONS]),
        opts.districtId ? eq(auditLog.districtId, opts.districtId) : undefined,
        sql`json_valid(${auditLog.detail}) AND json_array_length(${auditLog.detail}, '$.erase') > 0`,
      ),
    )
    .orderBy(auditLog.at)
    .limit(100)
    .all();
  const run: ErasureRun = { erased: 0, pending: 0 };
  for (const row of rows) {
    const ids = eraseList(row.detail);
    const now = ids.slice(0, Math.max(0, budget));
    budget -= now.length;
    const failed = await eraseThreads(env, now);
    const left = [...failed, ...ids.slice(now.length)];
    run.erased += now.length - failed.length;
    run.pending += left.length;
    if (now.length === 0) continue;
    await db
      .update(auditLog)
      .set({ detail: left.length === 0 ? sql`json_remove(${auditLog.detail}, '$.erase')` : sql`json_set(${auditLog.detail}, '$.erase', json(${JSON.stringify(left)}))` })
      .where(eq(auditLog.id, row.id));
  }
  return run;
}
