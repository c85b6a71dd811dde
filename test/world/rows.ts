// Reading D1 straight, for what a test expects to have been written (or not).
import { env } from "cloudflare:workers";

/** Count rows of a table, optionally with a WHERE clause. */
export async function countRows(table: string, where = "1=1", ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).bind(...params).first<{ n: number }>();
  return row?.n ?? 0;
}

async function countTables(tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await countRows(t);
  return out;
}

/** Every table a page can write to: a GET (or a refused POST) must leave all of them as they were. */
const PAGE_TABLES = [
  "districts", "schools", "teachers", "students", "sections", "section_teachers", "enrollments", "guardian_contacts", "invitations",
  "idempotency_keys", "users", "guardianships", "sessions", "auth_tokens", "badges", "district_links", "audit_log", "outbox",
] as const;

export const countEveryTable = () => countTables(PAGE_TABLES);

/** The tables an invitation API request can write to; bad requests must leave all of them unchanged. */
export const WRITTEN_TABLES = ["invitations", "guardian_contacts", "outbox", "audit_log", "idempotency_keys"] as const;

export const countWritten = () => countTables(WRITTEN_TABLES);

/** The id of a roster row by its sisId. */
export async function idOf(table: "teachers" | "sections" | "students", districtId: string, sisId: string): Promise<string> {
  const row = await env.DB.prepare(`SELECT id FROM ${table} WHERE district_id = ? AND sis_id = ?`).bind(districtId, sisId).first<{ id: string }>();
  if (!row) throw new Error(`no ${table} row ${sisId}`);
  return row.id;
}

/** Audit entries about a student with this action, oldest first. */
export async function auditRows(studentId: string, action: string) {
  const { results } = await env.DB.prepare("SELECT actor_kind, actor_id, action, target_id, detail FROM audit_log WHERE student_id = ? AND action = ? ORDER BY at, rowid")
    .bind(studentId, action)
    .all<{ actor_kind: string; actor_id: string | null; action: string; target_id: string | null; detail: string | null }>();
  return results;
}

/** Every row of every table (sqlite_master) whose text contains any of `needles`: "table: row". */
export async function rowsNaming(needles: readonly string[]): Promise<string[]> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'").all<{ name: string }>();
  const hits: string[] = [];
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all<Record<string, unknown>>();
    for (const row of rows.results) {
      const text = JSON.stringify(row);
      if (needles.some((n) => text.includes(n))) hits.push(`${name}: ${text.slice(0, 300)}`);
    }
  }
  return hits;
}
