/**
 * D1 batches and D1's limits in one place: the statement type, running statements as one batch
 * (one transaction), multi-row inserts and `IN (...)` lookups sized under D1's 100 bound
 * parameters per statement, rows and lists carried as one JSON parameter (`json_each`), conditional
 * inserts, and batches of hand-written SQL.
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

/**
 * Most UTF-8 bytes in one JSON parameter: half of D1's 2,000,000-byte limit on a string, so a
 * statement carrying many rows in one parameter is still far from every D1 limit.
 */
export const JSON_PARAMETER_BYTES = 1_000_000;

/** A value that travels through JSON to SQLite unchanged: text, integer, real, or NULL. */
export type JsonScalar = string | number | boolean | null;

/** UTF-8 length of a JS string (what D1 counts), without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    // A surrogate pair is 2 UTF-16 units and 4 UTF-8 bytes; any other unit up to 3 bytes.
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/;
const ASCII = /^[\x00-\x7F]*$/;

/**
 * One scalar ready for JSON.stringify. A lone surrogate becomes U+FFFD: SQLite's JSON would decode
 * its escape into bytes that are not UTF-8 (as a bound string does too); U+FFFD at least reads back
 * as one character.
 */
function jsonReady(value: JsonScalar | undefined): JsonScalar {
  if (value === undefined) return null;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${value} cannot be stored through JSON`);
  if (typeof value === "string" && LONE_SURROGATE.test(value)) return wellFormed(value);
  return value;
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * JSON arrays of `items` (each already JSON text), each at most `maxBytes` of UTF-8, in order: the
 * parameters of statements that read their rows with `json_each`. One item over `maxBytes` is an error.
 */
export function jsonArrays(items: readonly string[], maxBytes = JSON_PARAMETER_BYTES): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let bytes = 2;
  for (const item of items) {
    // Most rows are ASCII, where the length is the byte count and a native test is cheap.
    const size = (ASCII.test(item) ? item.length : utf8Bytes(item)) + 1;
    if (size + 2 > maxBytes) throw new Error(`one row of ${size} bytes is over the ${maxBytes}-byte JSON parameter`);
    if (part.length > 0 && bytes + size > maxBytes) {
      out.push(`[${part.join(",")}]`);
      part = [];
      bytes = 2;
    }
    part.push(item);
    bytes += size;
  }
  if (part.length > 0) out.push(`[${part.join(",")}]`);
  return out;
}

/**
 * Lists of `values` for `x IN (SELECT value FROM json_each(?))`: ONE bound parameter per list
 * however many values (so a lookup of 1,000 keys is one statement, not eleven of 97).
 */
export function jsonLists(values: readonly JsonScalar[], maxBytes = JSON_PARAMETER_BYTES): string[] {
  return jsonArrays(values.map((v) => JSON.stringify(jsonReady(v))), maxBytes);
}

/** `column IN (SELECT value FROM json_each(<list>))`, the list one parameter from jsonLists. */
export function inJson(column: SQLWrapper, list: string): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${list}))`;
}

/** The fields of a jsonRows row, as SQL reading them from the current `json_each` row. */
export type JsonFields<R> = { [K in keyof R]: SQL };

/**
 * `INSERT INTO table SELECT … FROM json_each(?)`: many rows carried by ONE bound parameter (a JSON
 * array of arrays), one statement per JSON_PARAMETER_BYTES of rows, instead of as many rows as 100
 * bound parameters allow. Each field of a row that names a column of `table` is that column's value
 * (text, integer, real or NULL, as bound parameters would be); `computed` gives columns as SQL over
 * the fields (e.g. a subquery); the other columns take their default, as in insertSelect. Rows must
 * share one shape (the first row's fields are read from every row). Returns one insert per part,
 * to finish (e.g. `.onConflictDoUpdate`) and run in one batch.
 */
export function jsonRows<T extends SQLiteTable, R extends Record<string, JsonScalar | undefined>>(
  db: Db,
  table: T,
  rows: readonly R[],
  computed: (fields: JsonFields<R>) => Partial<SelectedRow<T>> = () => ({}),
  maxBytes = JSON_PARAMETER_BYTES,
) {
  const [first] = rows;
  if (first === undefined) return [];
  const keys = Object.keys(first) as (keyof R & string)[];
  const fields = Object.fromEntries(keys.map((key, i) => [key, sql`json_extract(r.value, ${sql.raw(`'$[${i}]'`)})`])) as JsonFields<R>;
  const columns = getTableColumns(table);
  const row: Record<string, unknown> = {};
  for (const key of keys) if (key in columns) row[key] = fields[key];
  Object.assign(row, computed(fields));
  const parts = jsonArrays(
    rows.map((r) => JSON.stringify(keys.map((k) => jsonReady(r[k])))),
    maxBytes,
  );
  // `WHERE true`: without it SQLite would read an upsert's ON CONFLICT as a join's ON.
  return parts.map((json) => insertSelect(db, table, row as SelectedRow<T>, sql` FROM json_each(${json}) r WHERE true`));
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
