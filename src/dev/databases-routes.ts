import { getTableColumns } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { Hono } from "hono";
import * as schema from "../db/schema";
import { databaseNames } from "../db/route";
import type { AppEnv } from "../env";

/** Every table of the schema: rows per table for the capacity figures. */
const allTables = () => (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => value instanceof SQLiteTable)
  .map((table) => getTableConfig(table).name)
  .sort();

/** Every table with a district_id column: where a district's rows are, for the routing simulation. */
const districtTables = () => (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => value instanceof SQLiteTable && "districtId" in getTableColumns(value))
  .map((table) => getTableConfig(table).name)
  .sort();

/**
 * `/dev/databases.json`: each D1 database in use, its size in bytes (`meta.size_after`: pages in
 * use times page size), its rows per table, and its rows per district per table. `npm run bench` reads it for the
 * capacity figures and the two-database simulation (docs/capacity.md). Development only, like all of /dev/*.
 */
export function devDatabasesRoutes() {
  const ALL_TABLES = allTables();
  const DISTRICT_TABLES = districtTables();
  return new Hono<AppEnv>().get("/databases.json", async (c) => {
    const bindings = c.env as unknown as Record<string, D1Database>;
    const out: Record<string, { bytes: number | null; tables: Record<string, number>; rows: Record<string, Record<string, number>> }> = {};
    for (const name of databaseNames(c.env)) {
      const d1 = bindings[name]!;
      const counts = DISTRICT_TABLES.map((table) => d1.prepare(`SELECT '${table}' AS tbl, district_id AS district, count(*) AS n FROM ${table} GROUP BY district_id`));
      const own = d1.prepare("SELECT 'districts' AS tbl, id AS district, 1 AS n FROM districts");
      const totals = ALL_TABLES.map((table) => d1.prepare(`SELECT '${table}' AS tbl, NULL AS district, count(*) AS n FROM ${table}`));
      const [size, ...results] = await d1.batch<{ tbl: string; district: string | null; n: number }>([d1.prepare("SELECT 1"), ...totals, own, ...counts]);
      const tables = Object.fromEntries(results.slice(0, totals.length).flatMap((r) => r.results.map((row) => [row.tbl, row.n])));
      const grouped = results.slice(totals.length);
      const rows: Record<string, Record<string, number>> = {};
      for (const result of grouped) {
        for (const r of result.results) (rows[r.district ?? "(none)"] ??= {})[r.tbl] = r.n;
      }
      out[name] = { bytes: typeof size?.meta.size_after === "number" ? size.meta.size_after : null, tables, rows };
    }
    return c.json(out);
  });
}
