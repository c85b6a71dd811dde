/**
 * Which D1 database holds what (docs/capacity.md). The directory, binding DB, holds what is found
 * before a district is known: the districts and their API token hashes, the platform's ideas
 * catalog. A district's own rows (roster, contacts, invitations, guardianships, badges, links,
 * audit trail, outbox, threads index, imports, stored API answers, and a copy of its districts row
 * that their foreign keys point at) live in its database: DB too unless the routing table
 * (DISTRICT_DATABASES, src/config.ts) names another binding. Every query made for a known district
 * goes through databaseOf/dbOf, so moving a district is a change of the table, not of the code.
 */
import { config, DIRECTORY_BINDING, type ConfigSource } from "../config";
import { getDb, type Db } from "./client";

/** The bindings this module reads: DB, and any other D1 binding the routing table names. */
type DatabaseBindings = ConfigSource & { DB: D1Database };

function binding(env: DatabaseBindings, name: string): D1Database {
  // config() has checked that every name in the table is a D1 binding of this env.
  return name === DIRECTORY_BINDING ? env.DB : (env as unknown as Record<string, D1Database>)[name]!;
}

/** The binding name of a district's database ("DB" unless the routing table says otherwise). */
export function databaseNameOf(env: DatabaseBindings, districtId: string): string {
  return config(env).districtDatabases.get(districtId) ?? DIRECTORY_BINDING;
}

/** The D1 database holding `districtId`'s rows. */
export function databaseOf(env: DatabaseBindings, districtId: string): D1Database {
  return binding(env, databaseNameOf(env, districtId));
}

/** drizzle over the district's database. */
export function dbOf(env: DatabaseBindings, districtId: string): Db {
  return getDb(databaseOf(env, districtId));
}

/** drizzle over the directory (districts, API tokens, the ideas catalog). */
export function directoryDb(env: DatabaseBindings): Db {
  return getDb(env.DB);
}

/** Whether the district's rows live outside the directory (then its districts row exists twice). */
export function hasOwnDatabase(env: DatabaseBindings, districtId: string): boolean {
  return databaseNameOf(env, districtId) !== DIRECTORY_BINDING;
}

/** Every database binding name in use, the directory first: for work that sweeps all districts (cron, outbox). */
export function databaseNames(env: DatabaseBindings): string[] {
  return [DIRECTORY_BINDING, ...new Set([...config(env).districtDatabases.values()].filter((n) => n !== DIRECTORY_BINDING))];
}

/** drizzle over every database in use, the directory first. */
export function allDbs(env: DatabaseBindings): Db[] {
  return databaseNames(env).map((name) => getDb(binding(env, name)));
}
