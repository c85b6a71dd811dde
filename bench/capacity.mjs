#!/usr/bin/env node
// The figures behind docs/capacity.md, measured on a local server (workerd, local D1): bytes and
// rows per student, invitation, family, message and audit event; D1 rows written (what Cloudflare
// bills, indexes included) and statements per invitation, message and sign-in; local write rate.
// D1 bytes are the database's size (`meta.size_after`, via /dev/databases.json) before and after N
// of a thing; a message's bytes are those of the thread objects' SQLite files (read with python3's
// sqlite3 and its dbstat table: bytes in use, as a few messages fill no new page; n/a without
// python3), since messages live there and D1 holds one index row per thread.
// Usage: node bench/capacity.mjs   (BENCH_CAPACITY_STUDENTS, default 5,000; BENCH_CAPACITY_FAMILIES, default 30)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, printTable, startServer, ADMIN_TOKEN } from "../scripts/local-server.mjs";
import { joinAsGuardian, PageClient, signInTeacher } from "../scripts/page-client.mjs";

const STUDENTS = Number(process.env.BENCH_CAPACITY_STUDENTS ?? 5_000);
const FAMILIES = Number(process.env.BENCH_CAPACITY_FAMILIES ?? 30);
/** Posts per family: the per-sender limit is 10 a minute. */
const POSTS = 10;
const AUDITS = 500;
const CHUNK = 1_000;

async function pool(n, limit, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => { while (next < n) await task(next++); }));
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const threadIds = (html) => [...new Set([...html.matchAll(/\/messages\/(thr_[a-z2-7]{16})/g)].map((m) => m[1]))];

/** The directory database's size and rows per table, from the development-only /dev/databases.json. */
async function snapshot(origin) {
  const res = await fetch(`${origin}/dev/databases.json`);
  if (!res.ok) throw new Error(`/dev/databases.json → ${res.status}`);
  const { DB } = await res.json();
  return { bytes: DB.bytes, tables: DB.tables, rows: sum(Object.values(DB.tables)) };
}

/** What changed between two snapshots: bytes, rows, and the tables that grew. */
function delta(a, b) {
  const grew = Object.entries(b.tables).filter(([t, n]) => n !== (a.tables[t] ?? 0)).map(([t, n]) => `${t} +${n - (a.tables[t] ?? 0)}`);
  return { bytes: b.bytes - a.bytes, rows: b.rows - a.rows, grew: grew.join(", ") };
}

const PY_THREAD_BYTES = `
import glob, json, sqlite3, sys
out = {"files": 0, "bytes": 0, "used": 0, "messages": 0, "messageBytes": 0}
for f in glob.glob(sys.argv[1] + "/**/*MessageThread*/*.sqlite", recursive=True):
    # Read-write open only so SQLite can use the live WAL's shared memory; nothing is written.
    c = sqlite3.connect(f)
    if not c.execute("SELECT 1 FROM sqlite_master WHERE name = 'messages'").fetchone():
        continue
    out["files"] += 1
    out["bytes"] += c.execute("PRAGMA page_count").fetchone()[0] * c.execute("PRAGMA page_size").fetchone()[0]
    out["messages"] += c.execute("SELECT count(*) FROM messages").fetchone()[0]
    # Bytes in use (page size less free space in each page): a few messages do not fill a new page.
    try:
        out["used"] += c.execute("SELECT coalesce(sum(pgsize - unused), 0) FROM dbstat").fetchone()[0]
        out["messageBytes"] += c.execute("SELECT coalesce(sum(pgsize - unused), 0) FROM dbstat WHERE name = 'messages' OR name LIKE 'sqlite_autoindex_messages%'").fetchone()[0]
    except sqlite3.Error:
        out["used"] = out["messageBytes"] = None
    c.close()
print(json.dumps(out))
`;

/** The thread objects' SQLite files under the server's state directory (null without python3). */
function threadObjectBytes(persist) {
  const run = spawnSync("python3", ["-c", PY_THREAD_BYTES, persist], { encoding: "utf8" });
  if (run.status !== 0) {
    console.error(`capacity: thread objects not measured: ${run.error?.message ?? run.stderr.trim().split("\n").at(-1)}`);
    return null;
  }
  return JSON.parse(run.stdout);
}

const wrangler = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "wrangler");

/** One query on the stopped server's local D1 (`wrangler d1 execute`): its rows. */
function localQuery(persist, sql) {
  const out = spawnSync(wrangler, ["d1", "execute", "DB", "--local", "--persist-to", persist, "--json", "--command", sql], { encoding: "utf8", env: { ...process.env, CI: "1" } });
  if (out.status !== 0) throw new Error(`d1 execute failed: ${out.stdout}${out.stderr}`);
  return JSON.parse(out.stdout).at(-1)?.results ?? [];
}

export async function benchCapacity() {
  // A state directory of our own: it is read after the server stops.
  const persist = mkdtempSync(join(tmpdir(), "fp-capacity-"));
  const server = await startServer({ persist });
  const { origin } = server;
  const figures = {};
  const rows = [];
  try {
    const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Capacity District" });
    const token = district.token;
    const teacherEmail = "capacity.teacher@school.example.org";
    await api(origin, token, "POST", "/roster", { schools: [{ sisId: "sch", name: "Capacity Elementary" }], teachers: [{ sisId: "t", name: "Capacity Teacher", email: teacherEmail }] });

    // Students.
    const students = Array.from({ length: STUDENTS }, (_, i) => ({ sisId: `st-${i}`, firstName: `First${i}`, lastName: `Last${i}`, schoolSisId: "sch", grade: String(1 + (i % 8)) }));
    let before = await snapshot(origin);
    let written = 0;
    let t0 = performance.now();
    for (let i = 0; i < students.length; i += CHUNK) written += (await api(origin, token, "POST", "/roster", { students: students.slice(i, i + CHUNK) })).rowsWritten;
    let secs = (performance.now() - t0) / 1000;
    let after = await snapshot(origin);
    let d = delta(before, after);
    figures.student = { bytes: d.bytes / STUDENTS, rows: d.rows / STUDENTS, rowsWritten: written / STUDENTS, grew: d.grew };
    figures.rosterWritesPerSecond = written / secs;
    await api(origin, token, "POST", "/roster", { sections: [{ sisId: "sec", name: "Room 1", schoolSisId: "sch", teacherSisIds: ["t"], studentSisIds: students.slice(0, FAMILIES).map((s) => s.sisId) }] });

    // Enrollments: every student in one more class of 100 (a student has one per class).
    before = await snapshot(origin);
    const classes = [];
    for (let i = 0; i < STUDENTS; i += 100) classes.push({ sisId: `cls-${i}`, name: `Class ${i / 100}`, schoolSisId: "sch", teacherSisIds: ["t"], studentSisIds: students.slice(i, i + 100).map((s) => s.sisId) });
    for (let i = 0; i < classes.length; i += 10) await api(origin, token, "POST", "/roster", { sections: classes.slice(i, i + 10) });
    after = await snapshot(origin);
    d = delta(before, after);
    const enrolled = after.tables.enrollments - before.tables.enrollments;
    figures.enrollment = { bytes: d.bytes / enrolled, grew: d.grew };

    // Invitations (one per student): contact, invitation, outbox email.
    const guardians = students.map((s, i) => ({ email: `capacity.family${i}@example.com`, name: `Guardian ${i}`, password: `capacity family password ${i}` }));
    before = await snapshot(origin);
    written = 0;
    let statements = 0;
    t0 = performance.now();
    for (let i = 0; i < students.length; i += CHUNK) {
      const r = await api(origin, token, "POST", "/invitations/batch", { invitations: students.slice(i, i + CHUNK).map((s, j) => ({ studentSisId: s.sisId, email: guardians[i + j].email, name: guardians[i + j].name })) });
      written += r.rowsWritten;
      statements += r.statements;
    }
    secs = (performance.now() - t0) / 1000;
    after = await snapshot(origin);
    d = delta(before, after);
    figures.invitation = { bytes: d.bytes / STUDENTS, rows: d.rows / STUDENTS, rowsWritten: written / STUDENTS, statementsPer1000: (statements / STUDENTS) * 1000, grew: d.grew };
    figures.invitationWritesPerSecond = written / secs;

    // Families: each accepts its invitation and makes an account through the pages.
    before = await snapshot(origin);
    const parents = new Array(FAMILIES);
    await pool(FAMILIES, 4, async (i) => (parents[i] = await joinAsGuardian(origin, guardians[i])));
    after = await snapshot(origin);
    d = delta(before, after);
    figures.family = { bytes: d.bytes / FAMILIES, rows: d.rows / FAMILIES, grew: d.grew };

    // Sign-ins: each family again, on a new device.
    before = await snapshot(origin);
    const signIns = [];
    for (let i = 0; i < FAMILIES; i++) {
      const b = new PageClient(origin);
      await b.get("/sign-in");
      const r = await b.post("/sign-in", { email: guardians[i].email, password: guardians[i].password });
      signIns.push(r);
    }
    after = await snapshot(origin);
    d = delta(before, after);
    figures.signIn = { bytes: d.bytes / FAMILIES, rowsWritten: sum(signIns.map((r) => r.rowsWritten)) / FAMILIES, statements: sum(signIns.map((r) => r.d1?.statements ?? NaN)) / FAMILIES, roundTrips: sum(signIns.map((r) => r.d1?.roundTrips ?? NaN)) / FAMILIES, grew: d.grew };

    // Messages: the teacher writes to every family (one thread each), then each family writes POSTS.
    const teacher = await signInTeacher(origin, teacherEmail);
    const sectionId = (await teacher.get("/teacher")).text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z0-9]+)/)?.[1];
    if (!sectionId) throw new Error("no broadcast link on the teacher's classes page");
    before = await snapshot(origin);
    await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: "Welcome to Room 1! Our field trip is on Friday; details at https://school.example.org/trip" });
    await new Promise((r) => setTimeout(r, 1500));
    after = await snapshot(origin);
    d = delta(before, after);
    figures.thread = { d1Bytes: d.bytes / FAMILIES, grew: d.grew };
    const own = await Promise.all(parents.map(async (p) => threadIds((await p.get("/messages")).text)[0]));
    await new Promise((r) => setTimeout(r, 1500));
    const objectsBefore = threadObjectBytes(persist);
    before = await snapshot(origin);
    const posts = [];
    t0 = performance.now();
    await pool(FAMILIES, FAMILIES, async (f) => {
      for (let i = 0; i < POSTS; i++) posts.push(await parents[f].post(`/messages/${own[f]}`, { body: `Thank you! Family ${f} here, message ${i}: we will be there, and my daughter will bring her lunch.` }));
    });
    secs = (performance.now() - t0) / 1000;
    // The thread objects write their D1 index rows after answering: let them finish.
    await new Promise((r) => setTimeout(r, 3000));
    after = await snapshot(origin);
    const objectsAfter = threadObjectBytes(persist);
    d = delta(before, after);
    const n = posts.length;
    figures.message = {
      d1Bytes: d.bytes / n,
      d1Rows: d.rows / n,
      requestRowsWritten: sum(posts.map((r) => r.rowsWritten)) / n,
      requestStatements: sum(posts.map((r) => r.d1?.statements ?? NaN)) / n,
      requestRoundTrips: sum(posts.map((r) => r.d1?.roundTrips ?? NaN)) / n,
      objectBytes: objectsBefore?.used != null && objectsAfter?.used != null ? (objectsAfter.used - objectsBefore.used) / n : null,
      objectMessageBytes: objectsBefore?.messageBytes != null && objectsAfter?.messageBytes != null ? (objectsAfter.messageBytes - objectsBefore.messageBytes) / n : null,
      objectsPerThreadBytes: objectsAfter ? objectsAfter.bytes / Math.max(1, objectsAfter.files) : null,
      messagesSeen: objectsAfter ? objectsAfter.messages - (objectsBefore?.messages ?? 0) : null,
      perSecond: n / secs,
      grew: d.grew,
    };

    // Audit events: a district's read of a student's guardians writes exactly one audit row.
    before = await snapshot(origin);
    written = 0;
    const audited = [];
    for (let i = 0; i < AUDITS; i++) audited.push(await api(origin, token, "GET", `/students/st-${i % STUDENTS}/guardians`));
    written = sum(audited.map((r) => r.rowsWritten));
    // Local D1 time of a small request: the token lookup, then one batch (the guardians read and the audit row).
    figures.smallRequestD1Ms = sum(audited.map((r) => r.d1Ms)) / AUDITS;
    figures.smallRequestStatements = sum(audited.map((r) => r.statements)) / AUDITS;
    after = await snapshot(origin);
    d = delta(before, after);
    figures.audit = { bytes: d.bytes / AUDITS, rows: d.rows / AUDITS, rowsWritten: written / AUDITS, grew: d.grew };
    figures.databaseBytes = after.bytes;
    await server.stopAndWait();
    // The text of the mail kept in the outbox: blanked 30 days after sending, the row deleted after 90 (retention.ts).
    const [mail] = localQuery(persist, "SELECT avg(length(body_text) + coalesce(length(body_html), 0) + coalesce(length(subject), 0)) AS bytes FROM outbox WHERE kind = 'invitation'");
    figures.invitationMailBodyBytes = mail?.bytes ?? null;
  } finally {
    await server.stopAndWait();
    rmSync(persist, { recursive: true, force: true });
  }

  const f = figures;
  f.invitation.mailBodyBytes = f.invitationMailBodyBytes;
  const b = (x) => (x == null || !Number.isFinite(x) ? "n/a" : `${Math.round(x).toLocaleString("en-US")} B`);
  const r1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
  rows.push(
    { name: `capacity: D1 bytes per student (${STUDENTS.toLocaleString("en-US")} through POST /roster)`, value: f.student.bytes, unit: "bytes", notes: `${r1(f.student.rows)} rows (${f.student.grew}); ${r1(f.student.rowsWritten)} rows written` },
    { name: "capacity: D1 bytes per enrollment (a student in a class)", value: f.enrollment.bytes, unit: "bytes", notes: f.enrollment.grew },
    { name: "capacity: D1 bytes per invitation (batch, one email each)", value: f.invitation.bytes, unit: "bytes", notes: `${r1(f.invitation.rows)} rows (${f.invitation.grew}); the email's text ${b(f.invitation.mailBodyBytes)} of it (blanked after 30 days); ${r1(f.invitation.rowsWritten)} rows written; ${Math.round(f.invitation.statementsPer1000)} statements per 1,000` },
    { name: `capacity: D1 bytes per family joining (${FAMILIES} through the pages)`, value: f.family.bytes, unit: "bytes", notes: `${r1(f.family.rows)} rows (${f.family.grew})` },
    { name: "capacity: D1 per parent sign-in (email + password)", value: f.signIn.rowsWritten, unit: "rows written", notes: `${r1(f.signIn.statements)} statements in ${r1(f.signIn.roundTrips)} round trips; ${b(f.signIn.bytes)} (${f.signIn.grew})` },
    {
      name: `capacity: per message (${FAMILIES * POSTS} family posts)`,
      value: f.message.objectBytes ?? NaN,
      unit: "bytes in its thread object",
      notes: `messages table ${b(f.message.objectMessageBytes)}; D1: ${b(f.message.d1Bytes)}, the post itself ${r1(f.message.requestRowsWritten)} rows written in ${r1(f.message.requestStatements)} statements (${r1(f.message.requestRoundTrips)} round trips), plus the thread object's index write (${f.message.grew || "updates only"}); a thread object ${b(f.message.objectsPerThreadBytes)}`,
    },
    { name: "capacity: D1 bytes per message thread (its index row)", value: f.thread.d1Bytes, unit: "bytes", notes: `a section broadcast to ${FAMILIES} families (${f.thread.grew})` },
    { name: "capacity: D1 bytes per audit event", value: f.audit.bytes, unit: "bytes", notes: `${r1(f.audit.rows)} rows (${f.audit.grew}); ${r1(f.audit.rowsWritten)} rows written (the row and its indexes)` },
    { name: "capacity: local D1 time of a small API request", value: f.smallRequestD1Ms, unit: "ms", notes: `GET /students/:sisId/guardians: ${r1(f.smallRequestStatements)} statements, one audit row written` },
    { name: "capacity: local D1 rows written per second (roster / invitations, bulk)", value: `${Math.round(f.rosterWritesPerSecond).toLocaleString("en-US")} / ${Math.round(f.invitationWritesPerSecond).toLocaleString("en-US")}`, unit: "rows/s", notes: "1,000-item API calls, one at a time" },
  );
  return { rows, figures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, figures } = await benchCapacity();
  printTable(rows);
  console.log(JSON.stringify(figures, null, 2));
}
