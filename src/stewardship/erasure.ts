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
/** A parent's own account deletion: its row lists threads whose guardian side is still to forget. */
export const ACCOUNT_DELETION = "account.delete";

/** What is still owed to a thread object: emptied entirely, or the guardian's side forgotten. */
type Work = "erase" | "forget";

/** Object calls per invocation: well under the Workers subrequest cap; the rest waits for the next run. */
export const ERASE_BUDGET = 200;
const CONCURRENCY = 16;

type ThreadEnv = Pick<Bindings, "MESSAGE_THREAD">;

/** Erases (or makes forget the guardian in) each object; returns the ids that failed (to try again later). */
export async function eraseThreads(env: ThreadEnv, ids: readonly string[], work: Work = "erase"): Promise<string[]> {
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      try {
        const thread = env.MESSAGE_THREAD.getByName(id);
        await (work === "erase" ? thread.erase() : thread.forgetGuardian());
      } catch (err) {
        console.error("stewardship: thread erase failed", id, err);
        failed.push(id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return failed;
}

function workList(detail: string | null): { work: Work; ids: string[] } {
  try {
    const d = (detail ? JSON.parse(detail) : {}) as { erase?: unknown; forget?: unknown };
    const work: Work = Array.isArray(d.erase) ? "erase" : "forget";
    const v = d[work];
    return { work, ids: Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [] };
  } catch {
    return { work: "erase", ids: [] };
  }
}

export interface ErasureRun {
  erased: number;
  /** Thread objects still waiting (over budget, or failed this time). */
  pending: number;
}

/** Works through the thread objects that deletions left to erase or to make forget (one district's or one parent's, or everyone's for the cron). */
export async function finishErasures(env: ThreadEnv, db: Db, opts: { districtId?: string; actorId?: string; budget?: number } = {}): Promise<ErasureRun> {
  let budget = opts.budget ?? ERASE_BUDGET;
  const rows = await db
    .select({ id: auditLog.id, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.action, [...DELETION_ACTIONS, ACCOUNT_DELETION]),
        opts.districtId ? eq(auditLog.districtId, opts.districtId) : undefined,
        opts.actorId ? eq(auditLog.actorId, opts.actorId) : undefined,
        sql`json_valid(${auditLog.detail}) AND (json_array_length(${auditLog.detail}, '$.erase') > 0 OR json_array_length(${auditLog.detail}, '$.forget') > 0)`,
      ),
    )
    .orderBy(auditLog.at)
    .limit(100)
    .all();
  const run: ErasureRun = { erased: 0, pending: 0 };
  for (const row of rows) {
    const { work, ids } = workList(row.detail);
    const now = ids.slice(0, Math.max(0, budget));
    budget -= now.length;
    const failed = await eraseThreads(env, now, work);
    const left = [...failed, ...ids.slice(now.length)];
    run.erased += now.length - failed.length;
    run.pending += left.length;
    if (now.length === 0) continue;
    await db
      .update(auditLog)
      .set({ detail: left.length === 0 ? sql`json_remove(${auditLog.detail}, ${`$.${work}`})` : sql`json_set(${auditLog.detail}, ${`$.${work}`}, json(${JSON.stringify(left)}))` })
      .where(eq(auditLog.id, row.id));
  }
  return run;
}
