#!/usr/bin/env node
// Invitations only, quicker than `npm run bench`: BENCH_STUDENTS (default 10,000) students through
// POST /roster, then one invitation each through POST /invitations/batch, 1,000 per call, on a
// fresh local server; prints invitations/s and D1 statements per 1,000 invitations.
// Usage: node bench/invitations.mjs [runs]   (PORT picks the server's port; free one by default)
import { api, percentile, printTable, startServer, ADMIN_TOKEN } from "../scripts/local-server.mjs";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000);
const RUNS = Number(process.argv[2] ?? 1);
const CHUNK = 1_000;

const server = await startServer({ port: process.env.PORT ? Number(process.env.PORT) : undefined });
const rows = [];
try {
  const { origin } = server;
  for (let run = 1; run <= RUNS; run++) {
    const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: `Invite Bench ${run}` });
    const token = district.token;
    await api(origin, token, "POST", "/roster", { schools: Array.from({ length: 10 }, (_, i) => ({ sisId: `sch-${i}`, name: `School ${i}` })) });
    const students = Array.from({ length: STUDENTS }, (_, i) => ({ sisId: `st-${i}`, firstName: `First${i}`, lastName: `Last${i}`, schoolSisId: `sch-${i % 10}`, grade: String(1 + (i % 8)) }));
    for (let i = 0; i < students.length; i += CHUNK) await api(origin, token, "POST", "/roster", { students: students.slice(i, i + CHUNK) });
    const invitations = students.map((s, i) => ({ studentSisId: s.sisId, email: `guardian${run}.${i}@example.com`, name: `Guardian ${i}` }));
    const t0 = performance.now();
    const cpu0 = server.cpuMs();
    let statements = 0;
    const callMs = [];
    for (let i = 0; i < invitations.length; i += CHUNK) {
      const r = await api(origin, token, "POST", "/invitations/batch", { invitations: invitations.slice(i, i + CHUNK) });
      if (r.body.failed) throw new Error(`batch had ${r.body.failed} failures`);
      statements += r.statements;
      callMs.push(r.ms);
    }
    const secs = (performance.now() - t0) / 1000;
    // Server CPU per 1,000 invitations: less sensitive than invitations/s to other work on the machine.
    const cpuPer1000 = ((server.cpuMs() - cpu0) / STUDENTS) * 1000;
    rows.push({ name: `run ${run}: invitations/s`, value: STUDENTS / secs, unit: "invitations/s", notes: `${Math.round((statements / STUDENTS) * 1000)} statements and ${Math.round(cpuPer1000)} ms of server CPU per 1,000; call p50 ${Math.round(percentile(callMs, 50))} ms, p99 ${Math.round(percentile(callMs, 99))} ms` });
  }
} finally {
  server.stop();
}
printTable(rows);
