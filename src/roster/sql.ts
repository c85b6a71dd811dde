import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { chunk, rowsPerStatement, MAX_BOUND_PARAMETERS, type Db } from "../db/client";
import { schools, sections, students, teachers } from "../db/schema";

/** One statement of a D1 batch. */
export type Statement = BatchItem<"sqlite">;

/** Values per `IN (...)` list: one parameter is left for district_id, one spare under D1's limit. */
export const LOOKUP_CHUNK = MAX_BOUND_PARAMETERS - 2;

/** Runs statements as one D1 batch, which D1 commits as one transaction. */
export async function runBatch(db: Db, statements: readonly Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (!first) return;
  await db.batch([first, ...rest]);
}

/**
 * Multi-row statements for `rows`, as many rows per statement as D1's 100 bound parameters allow.
 * The parameters per row are measured on a one-row statement, so a column added to the schema
 * later cannot push a statement over the limit. Rows must share one shape (same fields present).
 */
export function multiRow<R>(rows: readonly R[], build: (part: R[]) => Statement & { toSQL(): { params: unknown[] } }): Statement[] {
  const [first] = rows;
  if (first === undefined) return [];
  const perRow = build([first]).toSQL().params.length;
  return chunk(rows, rowsPerStatement(perRow)).map(build);
}

/** `SET column = excluded.column` for an upsert's DO UPDATE. */
export function fromExcluded<T extends SQLiteTable>(table: T, keys: readonly (keyof T["$inferInsert"] & string)[]): Partial<Record<keyof T["$inferInsert"], SQL>> {
  const columns = getTableColumns(table);
  const set: Partial<Record<keyof T["$inferInsert"], SQL>> = {};
  for (const k of keys) set[k] = sql.raw(`excluded."${columns[k]!.name}"`);
  return set;
}

export const rosterTables = { schools, teachers, students, sections } as const;
export type RosterTable = keyof typeof rosterTables;

function lookupQuery(db: Db, districtId: string, table: RosterTable, sisIds: string[]) {
  const t = rosterTables[table];
  return db
    .select({ id: t.id, sisId: t.sisId })
    .from(t)
    .where(and(eq(t.districtId, districtId), inArray(t.sisId, sisIds)));
}

/**
 * sisId → id of this district's rows among `sisIds`, for several tables at once: chunked
 * `IN (...)` lookups sent in one D1 batch (one round trip). One map per request, in order.
 */
export async function idsBySisId(
  db: Db,
  districtId: string,
  requests: readonly { table: RosterTable; sisIds: Iterable<string> }[],
): Promise<Map<string, string>[]> {
  const owners: number[] = [];
  const queries: ReturnType<typeof lookupQuery>[] = [];
  requests.forEach(({ table, sisIds }, index) => {
    for (const part of chunk([...new Set(sisIds)], LOOKUP_CHUNK)) {
      owners.push(index);
      queries.push(lookupQuery(db, districtId, table, part));
    }
  });
  const maps = requests.map(() => new Map<string, string>());
  const [first, ...rest] = queries;
  if (!first) return maps;
  const results = await db.batch([first, ...rest]);
  results.forEach((rows, i) => {
    const map = maps[owners[i]!]!;
    for (const r of rows) map.set(r.sisId, r.id);
  });
  return maps;
}
