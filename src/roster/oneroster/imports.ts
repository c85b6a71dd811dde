/** The roster_imports record: creating one for an upload, and the JSON the API answers with. */
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rosterImports } from "../../db/schema";
import { isoDate } from "../../lib/time";
import { emptyCounts, type ImportCounts, type ImportOptions, type RowError } from "./plan";

export type ImportRow = typeof rosterImports.$inferSelect;

export const uploadKey = (districtId: string, importId: string) => `oneroster/${districtId}/${importId}.zip`;

export function insertImport(db: Db, row: { id: string; districtId: string; options: ImportOptions; uploadKey: string; bytes: number; at: number }) {
  return db.insert(rosterImports).values({
    id: row.id,
    districtId: row.districtId,
    status: "queued",
    dryRun: row.options.dryRun,
    invite: row.options.invite,
    removeMissing: row.options.removeMissing,
    uploadKey: row.uploadKey,
    uploadBytes: row.bytes,
    counts: JSON.stringify(emptyCounts()),
    createdAt: row.at,
    updatedAt: row.at,
  });
}

export async function getImport(db: Db, id: string, districtId?: string): Promise<ImportRow | null> {
  const where = districtId === undefined ? eq(rosterImports.id, id) : and(eq(rosterImports.id, id), eq(rosterImports.districtId, districtId));
  return (await db.select().from(rosterImports).where(where).get()) ?? null;
}

export interface ImportJson {
  id: string;
  status: ImportRow["status"];
  dryRun: boolean;
  invite: boolean;
  removeMissing: boolean;
  version: string | null;
  progress: { rows: number; total: number };
  counts: ImportCounts;
  errors: RowError[];
  errorCount: number;
  createdAt: string;
  finishedAt: string | null;
}

export function toImportJson(row: ImportRow): ImportJson {
  return {
    id: row.id,
    status: row.status,
    dryRun: row.dryRun,
    invite: row.invite,
    removeMissing: row.removeMissing,
    version: row.version,
    progress: { rows: row.progressRows, total: row.progressTotal },
    counts: JSON.parse(row.counts) as ImportCounts,
    errors: JSON.parse(row.errors) as RowError[],
    errorCount: row.errorCount,
    createdAt: isoDate(row.createdAt),
    finishedAt: row.finishedAt === null ? null : isoDate(row.finishedAt),
  };
}

/** The district's imports, newest first, without their error lists (GET one import for those). */
export async function listImports(db: Db, districtId: string, limit: number, before: { createdAt: number; id: string } | null) {
  const rows = await db
    .select()
    .from(rosterImports)
    .where(
      and(
        eq(rosterImports.districtId, districtId),
        before ? or(lt(rosterImports.createdAt, before.createdAt), and(eq(rosterImports.createdAt, before.createdAt), lt(rosterImports.id, before.id))) : sql`1`,
      ),
    )
    .orderBy(desc(rosterImports.createdAt), desc(rosterImports.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return {
    data: page.map((r) => {
      const { errors: _errors, ...rest } = toImportJson(r);
      return rest;
    }),
    next: rows.length > limit ? page[page.length - 1]! : null,
  };
}
