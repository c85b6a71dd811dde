/** Hand-written statements run as ONE D1 batch (a transaction), with each statement's D1Result (rows, meta.changes). */
import type { SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";

const dialect = new SQLiteSyncDialect();

export async function rawBatch<T = Record<string, unknown>>(db: Db, statements: readonly SQL[]): Promise<D1Result<T>[]> {
  if (statements.length === 0) return [];
  const d1 = db.$client;
  return d1.batch<T>(
    statements.map((s) => {
      const q = dialect.sqlToQuery(s);
      return d1.prepare(q.sql).bind(...q.params);
    }),
  );
}
