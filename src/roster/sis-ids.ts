/** Looking up a district's roster rows by their SIS ids, many at once. */
import { and, eq, inArray } from "drizzle-orm";
import { chunk, LOOKUP_CHUNK, runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { schools, sections, students, teachers } from "../db/schema";

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
  const results = await runBatch(db, queries);
  results.forEach((rows, i) => {
    const map = maps[owners[i]!]!;
    for (const r of rows) map.set(r.sisId, r.id);
  });
  return maps;
}
