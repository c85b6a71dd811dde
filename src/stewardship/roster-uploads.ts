/**
 * OneRoster uploads are roster data (names, family contacts) at rest in R2: a processed one is
 * deleted when its import ends (src/roster/oneroster/importer.ts); a failed one is kept 7 days so
 * the district can look into it, then deleted here; one whose import never ended (a crash before
 * its first step) is treated as failed after those 7 days too.
 */
import { and, eq, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rosterImports } from "../db/schema";
import type { Bindings } from "../env";
import { DAY } from "../lib/time";

export const FAILED_UPLOAD_KEPT_MS = 7 * DAY;
/** An import's record (its counts, and row errors that quote the rows) is kept a year, like the audit log. */
export const IMPORT_RECORD_KEPT_MS = 365 * DAY;
/** Uploads deleted per run (each is one R2 call); the next day's run takes the rest. */
const PER_RUN = 500;

export async function purgeRosterUploads(env: Pick<Bindings, "ROSTER_UPLOADS">, db: Db, now: number): Promise<number> {
  const cutoff = now - FAILED_UPLOAD_KEPT_MS;
  const due = await db
    .select({ id: rosterImports.id, uploadKey: rosterImports.uploadKey, status: rosterImports.status })
    .from(rosterImports)
    .where(and(isNotNull(rosterImports.uploadKey), or(lte(rosterImports.finishedAt, cutoff), and(sql`${rosterImports.finishedAt} IS NULL`, lte(rosterImports.createdAt, cutoff)))))
    .limit(PER_RUN)
    .all();
  for (const row of due) {
    if (row.uploadKey) await env.ROSTER_UPLOADS.delete(row.uploadKey);
    await db
      .update(rosterImports)
      .set({ uploadKey: null, updatedAt: now, ...(row.status === "failed" || row.status === "done" ? {} : { status: "failed" as const, finishedAt: now }) })
      .where(eq(rosterImports.id, row.id))
      .run();
  }
  await db.delete(rosterImports).where(and(lte(rosterImports.finishedAt, now - IMPORT_RECORD_KEPT_MS), sql`${rosterImports.uploadKey} IS NULL`)).run();
  return due.length;
}

/** Every upload of a district being deleted (the R2 keys start with its id). */
export async function deleteRosterUploadsOf(bucket: R2Bucket, districtId: string): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: `oneroster/${districtId}/`, cursor });
    if (page.objects.length > 0) await bucket.delete(page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}
