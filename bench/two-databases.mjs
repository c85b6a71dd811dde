#!/usr/bin/env node
// The routing seam simulated (docs/capacity.md): two districts on two D1 bindings of one local
// server. wrangler.toml plus a second binding DB_2 (a bench-only config written next to the local
// state); North is created and stays in DB; South is created, moved while still empty into DB_2
// (the operator's procedure: copy its districts and audit rows, flip DISTRICT_DATABASES), then
// both get a roster and invitations through the API and their reads are checked. /dev/databases.json
// then says which database holds which district's rows.
// Usage: node bench/two-databases.mjs   (BENCH_TWO_DB_STUDENTS students per district, default 2,000)
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, printTable, startServer, ADMIN_TOKEN } from "../scripts/local-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");
const STUDENTS = Number(process.env.BENCH_TWO_DB_STUDENTS ?? 2_000);
const CHUNK = 1_000;

/** wrangler.toml as it is, with absolute paths and one more D1 binding: the bench's two-database config. */
export function writeTwoDatabaseConfig(dir) {
  const abs = (p) => join(root, p).replaceAll("\\", "/");
  const main = readFileSync(join(root, "wrangler.toml"), "utf8")
    .replace(/^main = "([^"]+)"/m, (_, p) => `main = "${abs(p)}"`)
    .replace(/^directory = "([^"]+)"/m, (_, p) => `directory = "${abs(p)}"`)
    .replaceAll(/^migrations_dir = "([^"]+)"/gm, (_, p) => `migrations_dir = "${abs(p)}"`);
  if (!main.includes(`main = "${abs("src/index.ts")}"`)) throw new Error("wrangler.toml's main moved: update bench/two-databases.mjs");
  const path = join(dir, "two-databases.wrangler.toml");
  writeFileSync(
    path,
    `${main}
# Added by bench/two-databases.mjs: a second district database (an array of tables may grow anywhere).
[[d1_databases]]
binding = "DB_2"
database_name = "family-portal-district-2"
database_id = "00000000-0000-0000-0000-000000000002"
migrations_dir = "${abs("migrations")}"
`,
  );
  return path;
}

/** `wrangler d1 execute` on the local state; the rows of the last statement. */
function d1(config, persist, binding, sql) {
  const out = spawnSync(wrangler, ["d1", "execute", binding, "--local", "--persist-to", persist, "-c", config, "--json", "--command", sql], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`d1 execute ${binding} failed: ${out.stdout}${out.stderr}`);
  const results = JSON.parse(out.stdout);
  return results.at(-1)?.results ?? [];
}

const literal = (v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
const insertSql = (table, rows) => rows.map((r) => `INSERT INTO ${table} (${Object.keys(r).join(", ")}) VALUES (${Object.values(r).map(literal).join(", ")});`).join("\n");

/**
 * Moves a district that has no rows yet but its districts row and audit trail from DB to DB_2:
 * its own database gets the row its tables' foreign keys need (with a token hash nothing matches:
 * the directory's row in DB keeps authenticating) and its audit rows; DB keeps only the directory row.
 */
function moveEmptyDistrict(config, persist, districtId) {
  const [district] = d1(config, persist, "DB", `SELECT * FROM districts WHERE id = ${literal(districtId)}`);
  if (!district) throw new Error(`no district ${districtId}`);
  const audit = d1(config, persist, "DB", `SELECT * FROM audit_log WHERE district_id = ${literal(districtId)}`);
  d1(config, persist, "DB_2", `${insertSql("districts", [{ ...district, token_hash: randomBytes(32).toString("hex") }])}\n${insertSql("audit_log", audit)}`);
  d1(config, persist, "DB", `DELETE FROM audit_log WHERE district_id = ${literal(districtId)}`);
}

async function getJson(origin, path) {
  const res = await fetch(origin + path);
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return res.json();
}

/** Roster and invitations through the API, then the reads a district makes; returns the reads' statuses. */
async function fillDistrict(origin, token, tag) {
  await api(origin, token, "POST", "/roster", { schools: [{ sisId: "sch-1", name: `${tag} Elementary` }] });
  const students = Array.from({ length: STUDENTS }, (_, i) => ({ sisId: `st-${i}`, firstName: `${tag}${i}`, lastName: "Family", schoolSisId: "sch-1", grade: "2" }));
  for (let i = 0; i < students.length; i += CHUNK) await api(origin, token, "POST", "/roster", { students: students.slice(i, i + CHUNK) });
  const invitations = students.map((s, i) => ({ studentSisId: s.sisId, email: `${tag.toLowerCase()}.guardian${i}@example.com` }));
  let created = 0;
  for (let i = 0; i < invitations.length; i += CHUNK) created += (await api(origin, token, "POST", "/invitations/batch", { invitations: invitations.slice(i, i + CHUNK) })).body.created;
  const listed = (await api(origin, token, "GET", "/students?limit=100")).body.data.length;
  const invited = (await api(origin, token, "GET", "/invitations?limit=100")).body.data.length;
  await api(origin, token, "GET", "/reports");
  await api(origin, token, "GET", "/students/st-0/guardians");
  return { created, listed, invited };
}

const total = (rows = {}) => Object.entries(rows).reduce((n, [table, count]) => n + (table === "districts" ? 0 : count), 0);

export async function benchTwoDatabases() {
  const persist = mkdtempSync(join(tmpdir(), "fp-two-db-"));
  const config = writeTwoDatabaseConfig(persist);
  let server;
  try {
    // 1. Both districts are created as every district is: in DB.
    server = await startServer({ config, databases: ["DB", "DB_2"], persist });
    const north = (await api(server.origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "North Hills" })).body;
    const south = (await api(server.origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "South Valley" })).body;
    const before = await getJson(server.origin, "/dev/databases.json");
    const southRows = Object.keys(before.DB.rows[south.id] ?? {}).filter((t) => t !== "districts" && t !== "audit_log");
    if (southRows.length) throw new Error(`South is not empty: ${southRows.join(", ")}`);
    await server.stopAndWait();

    // 2. South moves to DB_2 while empty, and the routing table says so.
    moveEmptyDistrict(config, persist, south.id);
    server = await startServer({ config, databases: [], persist, vars: { DISTRICT_DATABASES: JSON.stringify({ [south.id]: "DB_2" }) } });

    // 3. Both districts work through the same API.
    const t0 = performance.now();
    const got = { north: await fillDistrict(server.origin, north.token, "North"), south: await fillDistrict(server.origin, south.token, "South") };
    const secs = (performance.now() - t0) / 1000;
    const where = await getJson(server.origin, "/dev/databases.json");
    await server.stopAndWait();
    server = null;

    const northInDb = total(where.DB.rows[north.id]);
    const northInDb2 = total(where.DB_2.rows[north.id]);
    const southInDb2 = total(where.DB_2.rows[south.id]);
    const southInDb = total(where.DB.rows[south.id]);
    const readsOk = [got.north, got.south].every((g) => g.created === STUDENTS && g.listed === 100 && g.invited === 100);
    const separate = northInDb > 0 && southInDb2 > 0 && northInDb2 === 0 && southInDb === 0 && where.DB.rows[south.id]?.districts === 1 && where.DB_2.rows[south.id]?.districts === 1;
    const mb = (b) => (b / 1e6).toFixed(1);
    return {
      rows: [
        {
          name: `two databases: ${STUDENTS.toLocaleString("en-US")} students + invitations in each of 2 districts, each district's rows only in its own database`,
          value: separate && readsOk ? "yes" : "NO",
          notes: `North: ${northInDb.toLocaleString("en-US")} rows in DB, ${northInDb2} in DB_2; South: ${southInDb2.toLocaleString("en-US")} rows in DB_2, ${southInDb} in DB (there only its directory row); rosters, invitations, reports answered for both; DB ${mb(where.DB.bytes)} MB, DB_2 ${mb(where.DB_2.bytes)} MB; ${secs.toFixed(1)} s`,
        },
      ],
      where,
      districts: { north: north.id, south: south.id },
    };
  } finally {
    if (server) await server.stopAndWait();
    rmSync(persist, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, where, districts } = await benchTwoDatabases();
  printTable(rows);
  for (const [name, db] of Object.entries(where)) {
    for (const [label, id] of Object.entries(districts)) console.log(`${name} ${label}: ${JSON.stringify(db.rows[id] ?? {})}`);
  }
}
