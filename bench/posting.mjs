// Posting rows for `npm run bench`: 20 clients posting into ONE thread at once, each a real form
// POST through the thread page's route (session, access check, the sender's rate limiter, the
// thread's object). A thread is between one teacher and one guardian, and each sender may post 10
// a minute (LIMITS.messagePostsPerMinute), so a burst is its teacher's 10 and its guardian's 10 at
// once, all stored; the bench repeats the burst in BENCH_POSTING_THREADS threads (own teacher and
// family each) one after the other. A thread's first message (the teacher's) is sent in setup,
// a minute before its burst, so the burst is within both senders' limits.
//
// Each server the rows run on is named in them: `wrangler dev` (its proxy worker in front of ours,
// as `npm start` and `npm run bench` serve), and `workerd` (the deployable bundle on workerd
// through Miniflare with wrangler.toml's bindings, no dev proxy, as in production: see
// scripts/workerd-direct.mjs), where a static file is measured in the same run at the same
// concurrency, the most that server could answer. A row fails on any answer that is neither 303
// (stored) nor 429 (refused by the limit, counted apart).
//
// `node bench/posting.mjs` runs these rows alone on servers of its own (PORT, default 8822, for
// wrangler dev and PORT+1 for workerd; BENCH_POSTING_SERVERS=dev or =workerd for one of them), and
// also the load bench's flood of one parent posting past the limit (expected: 429 only).
import { api, ADMIN_TOKEN, percentile, printTable, startServer } from "../scripts/local-server.mjs";
import { joinAsGuardian, signInTeacher } from "../scripts/page-client.mjs";

/** The first thread is posted into one request at a time (the floor); the others take the bursts. */
const THREADS = Math.max(2, Number(process.env.BENCH_POSTING_THREADS ?? 11));
const PER_SIDE = 10;
const LIMIT_WINDOW_MS = 61_000;

/** A form's one-time key, as the thread page puts in each reply form (src/messaging/form-key.ts: 32 of a-z2-7). */
const formKey = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => "abcdefghijklmnopqrstuvwxyz234567"[b % 32]).join("");

async function pool(n, limit, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => { while (next < n) await task(next++); }));
}

/**
 * THREADS teacher/family pairs, each with a thread the teacher started (one post). Returns the
 * pairs and when the last thread was started (the bursts wait until a minute after it).
 */
export async function preparePosting(origin) {
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Bench Posting District" });
  const ids = Array.from({ length: THREADS }, (_, i) => i);
  const teacherEmail = (i) => `post.teacher${i}@school.example.org`;
  const guardian = (i) => ({ email: `post.family${i}@example.com`, name: `Posting Guardian ${i}`, password: `posting family password ${i}` });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "p-sch", name: "Posting Elementary" }],
    teachers: ids.map((i) => ({ sisId: `p-t${i}`, name: `Posting Teacher ${i}`, email: teacherEmail(i) })),
    students: ids.map((i) => ({ sisId: `p-s${i}`, firstName: `Kid${i}`, lastName: "Posting", schoolSisId: "p-sch" })),
    sections: ids.map((i) => ({ sisId: `p-sec${i}`, name: `Room ${i}`, schoolSisId: "p-sch", teacherSisIds: [`p-t${i}`], studentSisIds: [`p-s${i}`] })),
  });
  await api(origin, district.token, "POST", "/invitations/batch", { invitations: ids.map((i) => ({ studentSisId: `p-s${i}`, email: guardian(i).email, name: guardian(i).name })) });
  const parents = new Array(THREADS);
  await pool(THREADS, 4, async (i) => (parents[i] = await joinAsGuardian(origin, guardian(i))));
  const pairs = [];
  let startedAt = 0;
  // A static file the pages load (Workers Static Assets): the baseline for this server.
  const staticPath = (await parents[0].get("/")).text.match(/\/static\/[^"'?#]+\.(?:css|js)/)?.[0];
  if (!staticPath) throw new Error("posting bench: no static file on the parent's home page");
  for (const i of ids) {
    const teacher = await signInTeacher(origin, teacherEmail(i));
    const sectionId = (await teacher.get("/teacher")).text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z0-9]+)/)?.[1];
    if (!sectionId) throw new Error("posting bench: no 'Message all families' link");
    await teacher.get(`/teacher/messages/broadcast/${sectionId}`);
    const sent = await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: "Welcome! Write to me here any time." });
    if (sent.location !== "/teacher/messages?sent=1&failed=0") throw new Error(`posting bench: broadcast → ${sent.location}`);
    startedAt = Date.now();
    const thread = (await teacher.get("/teacher/messages")).text.match(/\/teacher\/messages\/(thr_[a-z2-7]{16})/)?.[1];
    if (!thread) throw new Error("posting bench: the teacher sees no thread");
    // Each side opens the thread once: the page sets the CSRF cookie its reply form carries.
    await teacher.get(`/teacher/messages/${thread}`);
    await parents[i].get(`/messages/${thread}`);
    pairs.push({ thread, teacher, parent: parents[i] });
  }
  return { pairs, startedAt, staticPath };
}

/** A static file at `inFlight` concurrent GETs: requests/s and latency (the most this server answers). */
async function benchStatic(origin, path, inFlight, requests = 1_000) {
  const latencies = [];
  let errors = 0;
  const t0 = performance.now();
  await pool(requests, inFlight, async () => {
    const t = performance.now();
    const res = await fetch(origin + path);
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    if (res.status !== 200) errors++;
  });
  const secs = (performance.now() - t0) / 1000;
  return { perSecond: requests / secs, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

/**
 * The bursts: in each thread, its teacher's 10 posts and its family's 10 at once. `server` names
 * the server in the rows; `withStatic` adds a static file at the same 20 in flight, same server;
 * `cpuMs`: the server's CPU time so far (startServer's), for the CPU each post and file cost it.
 */
export async function benchPosting(origin, world, { server = "wrangler dev", withStatic = false, cpuMs = () => NaN } = {}) {
  const wait = world.startedAt + LIMIT_WINDOW_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const latencies = [];
  const burstMs = [];
  const statuses = new Map();
  const said = new Map();
  const d1 = [];
  // The floor: the same posts into one thread one at a time, teacher and family in turn.
  const [solo, ...bursts] = world.pairs;
  const one = [];
  for (let i = 0; i < PER_SIDE; i++) {
    for (const [client, path] of [[solo.teacher, `/teacher/messages/${solo.thread}`], [solo.parent, `/messages/${solo.thread}`]]) {
      const r = await client.request("POST", path, { body: `Note ${i}: see you on Friday.`, key: formKey() });
      if (r.status !== 303) throw new Error(`posting bench: one at a time → ${r.status}`);
      one.push(r.ms);
    }
  }
  const cpu0 = cpuMs();
  for (const { thread, teacher, parent } of bursts) {
    const t0 = performance.now();
    const results = await Promise.all([
      ...Array.from({ length: PER_SIDE }, (_, i) => teacher.request("POST", `/teacher/messages/${thread}`, { body: `Teacher note ${i}: please bring a coat on Friday.`, key: formKey() })),
      ...Array.from({ length: PER_SIDE }, (_, i) => parent.request("POST", `/messages/${thread}`, { body: `Family note ${i}: thank you, we will.`, key: formKey() })),
    ]);
    burstMs.push(performance.now() - t0);
    for (const r of results) {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      latencies.push(r.ms);
      if (r.d1) d1.push(r.d1);
      // Say what an unexpected answer was (wrangler dev's own 503 "Your worker restarted mid-request" is not the worker's).
      if (r.status !== 303 && !said.has(r.status)) said.set(r.status, r.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 80));
    }
  }
  const total = bursts.length * PER_SIDE * 2;
  const cpuPerPost = (cpuMs() - cpu0) / total;
  const stored = statuses.get(303) ?? 0;
  const refused = statuses.get(429) ?? 0;
  const errors = total - stored - refused;
  const other = [...statuses].filter(([s]) => s !== 303).map(([s, n]) => `${n}×${s} ("${said.get(s)}")`);
  if (stored === 0) throw new Error(`posting bench (${server}): nothing stored (${other.join(", ")})`);
  const secs = burstMs.reduce((a, b) => a + b, 0) / 1000;
  const what = `${bursts.length} threads one after another, each: ${PER_SIDE} posts by its teacher + ${PER_SIDE} by its guardian at once (20 clients; each sender at its 10/min limit); real form POSTs (body, one-time key, CSRF token)`;
  const counted = `${total} posts: ${stored}×303 stored, ${refused}×429 refused, ${errors} errors${other.length ? ` (${other.join(", ")})` : ""}`;
  // A row with errors is not a figure: it says FAILED and why.
  const figure = (value) => (errors > 0 ? `FAILED (${errors} errors)` : value);
  const rows = [
    { name: `posting (${server}): ONE thread, 1 in flight, latency p50 / p99`, value: `${percentile(one, 50).toFixed(1)} / ${percentile(one, 99).toFixed(1)}`, unit: "ms", notes: `${one.length} form POSTs one after another, its teacher and its guardian in turn (the floor the 20-concurrent rows queue on)` },
    { name: `posting (${server}): ONE thread, 20 concurrent posters, messages/s`, value: figure(stored / secs), unit: "messages/s", notes: `${what}; ${counted}; burst p50 ${Math.round(percentile(burstMs, 50))} ms; server CPU ${Number.isFinite(cpuPerPost) ? cpuPerPost.toFixed(1) : "n/a"} ms per post` },
    { name: `posting (${server}): ONE thread, 20 concurrent posters, latency p50 / p99`, value: figure(`${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)}`), unit: "ms", notes: `per POST, as the client saw it; D1 per post (Server-Timing) p50 / p99: ${d1.length ? `${percentile(d1.map((c) => c.roundTrips), 50)} round trips, ${percentile(d1.map((c) => c.statements), 50)} statements, ${percentile(d1.map((c) => c.ms), 50).toFixed(1)} / ${percentile(d1.map((c) => c.ms), 99).toFixed(1)} ms` : "n/a"}; the threads index is written by the thread object's alarm, at most once per 2 s` },
  ];
  if (withStatic) {
    const cpu1 = cpuMs();
    const st = await benchStatic(origin, world.staticPath, PER_SIDE * 2);
    const cpuPerFile = (cpuMs() - cpu1) / 1_000;
    rows.push({ name: `posting (${server}): a static file on the same server, 20 in flight, requests/s (p50 / p99)`, value: st.errors ? `FAILED (${st.errors} errors)` : `${Math.round(st.perSecond)} (${st.p50.toFixed(1)} / ${st.p99.toFixed(1)} ms)`, unit: "requests/s", notes: `1,000 GETs of ${world.staticPath.replace(/\.[0-9a-f]{8,}\./, ".….")} (Workers Static Assets), right after the posts: the ceiling of this server and client on this machine; server CPU ${Number.isFinite(cpuPerFile) ? cpuPerFile.toFixed(2) : "n/a"} ms per file` });
  }
  return rows;
}

// Alone: `node bench/posting.mjs`: both servers up, both worlds prepared, one wait for the limits' minute, then one server at a time.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { benchLoad } = await import("./load.mjs");
  const port = Number(process.env.PORT ?? 8822);
  const which = process.env.BENCH_POSTING_SERVERS ?? "dev,workerd";
  const servers = [];
  const rows = [];
  try {
    if (which.includes("dev")) servers.push({ name: "wrangler dev", server: await startServer({ port }) });
    if (which.includes("workerd")) servers.push({ name: "workerd, no dev proxy", server: await startServer({ port: port + 1, direct: true }), withStatic: true });
    for (const s of servers) s.world = await preparePosting(s.server.origin);
    for (const s of servers) rows.push(...(await benchPosting(s.server.origin, s.world, { server: s.name, withStatic: s.withStatic, cpuMs: s.server.cpuMs })));
    if (process.env.BENCH_POSTING_LOAD !== "0") rows.push(...(await benchLoad(servers[0].server.origin)).filter((r) => r.name.includes("posting")));
  } finally {
    for (const s of servers) s.server.stop();
  }
  printTable(rows);
}
