#!/usr/bin/env node
// `npm run bench`: drives a local wrangler dev server (workerd, local D1) and prints one table.
// Sizes can be scaled with BENCH_STUDENTS (default 10,000; one invitation per student) and, for
// messages, BENCH_FAMILIES and BENCH_MSG_PER_SENDER (at most 10, the per-sender limit; see bench/messaging.mjs),
// and BENCH_POSTING_THREADS for posting into one thread at 20 concurrent (bench/posting.mjs).
import { api, percentile, printTable, startServer, ADMIN_TOKEN } from "../scripts/local-server.mjs";
import { benchLoad } from "./load.mjs";
import { benchMessaging } from "./messaging.mjs";
import { benchPosting, preparePosting } from "./posting.mjs";
import { benchPasswordHash } from "./password.mjs";
import { benchPages } from "./pages.mjs";
import { benchTranslation, startStandInTranslator } from "./translation.mjs";
import { benchOneRoster, benchOneRosterHeap } from "./oneroster.mjs";
import { benchBundle } from "./bundle.mjs";
import { benchTwoDatabases } from "./two-databases.mjs";
import { benchCapacity } from "./capacity.mjs";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000);
const ROSTER_CHUNK = 1_000;
const INVITE_CHUNK = 1_000;

const rows = [];
// Messages are translated by a stand-in LibreTranslate on this machine (bench/translation.mjs).
const translator = await startStandInTranslator();
const server = await startServer({ vars: { TRANSLATE_API_URL: translator.url } });
/** The posting rows' second server (workerd without the dev proxy). */
let direct = null;
try {
  const { origin } = server;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Bench District" });
  const token = district.token;

  // Roster: schools, then students in chunks through POST /roster.
  const schools = Array.from({ length: 10 }, (_, i) => ({ sisId: `sch-${i}`, name: `School ${i}` }));
  await api(origin, token, "POST", "/roster", { schools });
  const students = Array.from({ length: STUDENTS }, (_, i) => ({
    sisId: `st-${i}`, firstName: `First${i}`, lastName: `Last${i}`, schoolSisId: `sch-${i % 10}`, grade: String(1 + (i % 8)),
  }));
  let t0 = performance.now();
  let rosterStatements = 0;
  for (let i = 0; i < students.length; i += ROSTER_CHUNK) {
    const r = await api(origin, token, "POST", "/roster", { students: students.slice(i, i + ROSTER_CHUNK) });
    rosterStatements += r.statements;
  }
  let secs = (performance.now() - t0) / 1000;
  rows.push({ name: `roster: ${STUDENTS.toLocaleString("en-US")} students via POST /roster (${ROSTER_CHUNK}/call)`, value: STUDENTS / secs, unit: "students/s" });
  rows.push({ name: "roster: students per D1 statement", value: STUDENTS / rosterStatements, unit: "rows/stmt", notes: `${rosterStatements} statements in all (≤ 100 bound parameters each)` });

  // Invitations through the batch API.
  const invitations = students.map((s, i) => ({ studentSisId: s.sisId, email: `guardian${i}@example.com`, name: `Guardian ${i}` }));
  t0 = performance.now();
  const inviteCpu0 = server.cpuMs();
  let inviteStatements = 0;
  const callMs = [];
  for (let i = 0; i < invitations.length; i += INVITE_CHUNK) {
    const r = await api(origin, token, "POST", "/invitations/batch", { invitations: invitations.slice(i, i + INVITE_CHUNK) });
    if (r.body.failed) throw new Error(`batch had ${r.body.failed} failures`);
    inviteStatements += r.statements;
    callMs.push(r.ms);
  }
  secs = (performance.now() - t0) / 1000;
  rows.push({ name: `invitations: ${STUDENTS.toLocaleString("en-US")} via POST /invitations/batch (${INVITE_CHUNK}/call)`, value: STUDENTS / secs, unit: "invitations/s", notes: `${Math.round(((server.cpuMs() - inviteCpu0) / STUDENTS) * 1000)} ms of server CPU per 1,000` });
  rows.push({ name: "invitations: per D1 statement (contact + invitation + outbox rows)", value: STUDENTS / inviteStatements, unit: "rows/stmt", notes: `${Math.round(inviteStatements / callMs.length)} statements per 1,000-item call (D1 caps ~1,000)` });
  rows.push({ name: "invitations: batch call latency p50 / p99", value: `${Math.round(percentile(callMs, 50))} / ${Math.round(percentile(callMs, 99))}`, unit: "ms" });

  // Single invitations with Idempotency-Key (extra contacts on the first 200 students).
  const singles = [];
  for (let i = 0; i < 200; i++) {
    const r = await api(origin, token, "POST", "/invitations", { studentSisId: `st-${i}`, email: `second${i}@example.com` }, { "idempotency-key": `bench-${i}` });
    singles.push(r.ms);
  }
  rows.push({ name: "invitations: single POST latency p50 / p99", value: `${percentile(singles, 50).toFixed(1)} / ${percentile(singles, 99).toFixed(1)}`, unit: "ms", notes: "with Idempotency-Key, sequential" });

  // Posting into ONE thread at 20 concurrent (bench/posting.mjs): set up now, measured a minute later
  // (each thread's first message must leave its teacher's per-minute window first).
  const posting = await preparePosting(origin);
  // The same rows on workerd without wrangler dev's proxy (as production has none), with a static
  // file on that server: its own server, up from now on, measured after the wrangler dev rows.
  direct = await startServer({ direct: true });
  const postingDirect = await preparePosting(direct.origin);

  // Messages: 30 families posting at once into their own threads, and a 30-family section broadcast (bench/messaging.mjs).
  rows.push(...(await benchOneRoster(origin, token)));
  rows.push(...(await benchMessaging(origin)));
  rows.push(...(await benchPosting(origin, posting, { cpuMs: server.cpuMs })));
  rows.push(...(await benchPosting(direct.origin, postingDirect, { server: "workerd, no dev proxy", withStatic: true, cpuMs: direct.cpuMs })));
  direct.stop();
  rows.push(...(await benchTranslation(origin, translator)));
  rows.push(...(await benchPasswordHash(origin)));
  rows.push(...(await benchPages(origin)));
  rows.push(...(await benchLoad(origin)));
  rows.push(...benchBundle());
} finally {
  server.stop();
  direct?.stop();
  translator.stop();
}
// The routing seam on two D1 bindings: its own server (a second database binding), after the first stopped.
rows.push(...(await benchTwoDatabases()).rows);
// The OneRoster import's heap: its own direct workerd server with the inspector (bench/oneroster.mjs).
rows.push(...(await benchOneRosterHeap({ startServer, api, adminToken: ADMIN_TOKEN })));
// docs/capacity.md's figures: bytes and D1 writes per student, invitation, family, sign-in, message, audit event.
rows.push(...(await benchCapacity()).rows);

console.log("");
printTable(rows);
