/**
 * D1 batches and D1's limits in one place: the statement type, running statements as one batch
 * (one transaction), multi-row inserts and `IN (...)` lookups sized under D1's 100 bound
 * parameters per statement, conditional inserts, and batches of hand-written SQL.
 */
import { getTableColumns, SQL, sql, type SQLWrapper } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { SQLiteSyncDialect, type SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/** One statement of a D1 batch (drizzle query builder or raw SQL). */
export type Statement = BatchItem<"sqlite">;

/** D1 allows at most 100 bound parameters per statement. */
export const MAX_BOUND_PARAMETERS = 100;

/**
 * Values per `IN (...)` list of a lookup: three parameters are left for the rest of the
 * statement (the district id, a timestamp, one spare).
 */
export const LOOKUP_CHUNK = MAX_BOUND_PARAMETERS - 3;

/** Split `items` into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** How many rows of `params` bound values each fit in one statement. */
export function rowsPerStatement(params: number): number {
  return Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / params));
}

// A batch of mixed statements has `any` results; they are `unknown` to the caller.
type ResultOf<S extends Statement> = 0 extends 1 & S["_"]["result"] ? unknown : S["_"]["result"];

/** Runs statements as one D1 batch, which D1 commits as one transaction; one result per statement. */
export async function runBatch<S extends Statement>(db: Db, statements: readonly S[]): Promise<ResultOf<S>[]> {
  const [first, ...rest] = statements;
  if (!first) return [];
  return (await db.batch([first, ...rest])) as ResultOf<S>[];
}

/**
 * Multi-row statements for `rows`, as many rows per statement as D1's 100 bound parameters allow.
 * The parameters per row are measured on a one-row statement, so defaults, subqueries and a column
 * added to the schema later count. Rows must share one shape (same fields present).
 */
export function multiRow<R, S extends Statement & { toSQL(): { params: unknown[] } }>(rows: readonly R[], build: (part: R[]) => S): S[] {
  const [first] = rows;
  if (first === undefined) return [];
  const perRow = build([first]).toSQL().params.length;
  return chunk(rows, rowsPerStatement(perRow)).map(build);
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

/** A row for insertSelect: each column's value, or SQL computed by the SELECT. */
export type SelectedRow<T extends SQLiteTable> = { [K in keyof T["$inferInsert"]]: T["$inferInsert"][K] | SQL };

/**
 * `INSERT INTO table SELECT <row> <rest>`, the row given by column name: drizzle lists every
 * column in table order and each value is put in its place, so no statement depends on the order
 * of the columns, and one added later takes its default (else NULL).
 */
export function insertSelect<T extends SQLiteTable>(db: Db, table: T, row: SelectedRow<T>, rest: SQL = sql``) {
  const record = row as Record<string, unknown>;
  const values = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = record[key] ?? (column.default instanceof SQL ? undefined : column.default);
    if (value instanceof SQL) return value;
    return value === undefined || value === null ? sql`null` : sql.param(value, column);
  });
  return db.insert(table).select(sql`SELECT ${sql.join(values, sql`, `)}${rest}`);
}

/**
 * `INSERT INTO table SELECT <row> WHERE <condition>`: a write that happens only if an earlier
 * statement of the same batch took effect (a conditional update that matches nothing is no
 * error, so what follows it must check for itself).
 */
export function insertWhere<T extends SQLiteTable>(db: Db, table: T, row: T["$inferInsert"], condition: SQL) {
  return insertSelect(db, table, row, sql` WHERE ${condition}`);
}

const dialect = new SQLiteSyncDialect();

/**
 * Hand-written statements (or query builders) run as ONE D1 batch (a transaction), with each
 * statement's D1Result: its rows and meta.changes, which drizzle's batch does not give.
 */
export async function rawBatch<T = Record<string, unknown>>(db: Db, statements: readonly SQLWrapper[]): Promise<D1Result<T>[]> {
  if (statements.length === 0) return [];
  const d1 = db.$client;
  return d1.batch<T>(
    statements.map((s) => {
      const q = dialect.sqlToQuery(s.getSQL());
      return d1.prepare(q.sql).bind(...q.params);
    }),
  );
}
