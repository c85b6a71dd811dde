import { drizzle } from "drizzle-orm/d1";

export type Db = ReturnType<typeof makeDb>;

/**
 * Without `{ schema }`: every query names its tables (select/insert/update/delete and sql``), none
 * uses drizzle's relational `db.query.*`, so its relations code stays out of the worker (issue 15).
 */
function makeDb(d1: D1Database) {
  return drizzle(d1);
}

/** One drizzle instance per D1 binding (many calls ask for it). */
const instances = new WeakMap<D1Database, Db>();

export function getDb(d1: D1Database): Db {
  let db = instances.get(d1);
  if (!db) {
    db = makeDb(d1);
    instances.set(d1, db);
  }
  return db;
}
