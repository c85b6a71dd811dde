import { getTableColumns, SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { chunk, rowsPerStatement, type Db } from "../db/client";

/** One statement of a D1 batch (drizzle query builder or raw SQL). */
export type Statement = BatchItem<"sqlite">;

/** Run statements as one D1 batch: one transaction, all or nothing. */
export async function runBatch(db: Db, statements: readonly Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  return db.batch(statements as unknown as [Statement, ...Statement[]]);
}

/**
 * Multi-row inserts of `rows`, as many rows per statement as D1's 100 bound parameters allow.
 * The parameters per row are measured from a one-row statement, so defaults and subqueries count.
 */
export function chunkedInserts<R, S extends Statement & { toSQL(): { params: unknown[] } }>(rows: readonly R[], build: (part: R[]) => S): S[] {
  if (rows.length === 0) return [];
  const paramsPerRow = build(rows.slice(0, 1)).toSQL().params.length;
  return chunk(rows, rowsPerStatement(paramsPerRow)).map(build);
}

/**
 * The row with its integers (timestamps, counters) written into the SQL as literals instead of
 * bound parameters: more rows fit under D1's 100-parameter cap, and a safe integer cannot inject.
 */
export function inlineIntegers<R extends object>(row: R): { [K in keyof R]: R[K] | SQL } {
  const out = { ...row } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === "number" && Number.isSafeInteger(value)) out[key] = sql.raw(String(value));
  }
  return out as { [K in keyof R]: R[K] | SQL };
}

/**
 * `INSERT INTO table SELECT <row> WHERE <condition>`: a write that happens only if an earlier
 * statement of the same batch took effect (a conditional update that matches nothing is no
 * error, so what follows it must check for itself).
 */
export function insertWhere<T extends SQLiteTable>(db: Db, table: T, row: T["$inferInsert"], condition: SQL) {
  const record = row as Record<string, unknown>;
  // Drizzle lists every column in table order; omitted ones take their default, else NULL.
  const values = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = record[key] ?? (column.default instanceof SQL ? undefined : column.default);
    return value === undefined || value === null ? sql`null` : sql.param(value, column);
  });
  return db.insert(table).select(sql`SELECT ${sql.join(values, sql`, `)} WHERE ${condition}`);
}
