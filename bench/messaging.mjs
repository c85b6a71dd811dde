// Messages benchmark rows for `npm run bench`: families posting at once (each up to the per-sender
// limit of 10 a minute), and a 30-family section broadcast. Everything goes through the API and the pages a person uses:
// the district loads a roster and invitations, 30 guardians join from their invitation emails,
// the teacher signs in with the emailed link (all read from the dev mailbox).
import { api, ADMIN_TOKEN, percentile } from "../scripts/local-server.mjs";
import { joinAsGuardian, signInTeacher } from "../scripts/page-client.mjs";

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 30);
/** Posts per family: at most the per-sender limit (LIMITS.messagePostsPerMinute); more would be answered 429. */
const PER_SENDER = Math.min(10, Number(process.env.BENCH_MSG_PER_SENDER ?? 10));
const BROADCASTS = 5;

/** Run `task(i)` for i in [0, n) with at most `limit` in flight. */
async function pool(n, limit, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => { while (next < n) await task(next++); }));
}

const threadIds = (html) => [...new Set([...html.matchAll(/\/messages\/(thr_[a-z2-7]{16})/g)].map((m) => m[1]))];

export async function benchMessaging(origin) {
  const rows = [];
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Bench Messages District" });
  const token = district.token;
  const teacherEmail = "bench.teacher@school.example.org";
  const kids = Array.from({ length: FAMILIES }, (_, i) => ({ sisId: `m-${i}`, firstName: `Kid${i}`, lastName: `Family${i}`, schoolSisId: "m-sch" }));
  await api(origin, token, "POST", "/roster", {
    schools: [{ sisId: "m-sch", name: "Bench Elementary" }],
    teachers: [{ sisId: "m-t", name: "Bench Teacher", email: teacherEmail }],
    students: kids,
    sections: [{ sisId: "m-sec", name: "Room 30", schoolSisId: "m-sch", teacherSisIds: ["m-t"], studentSisIds: kids.map((k) => k.sisId) }],
  });
  const guardians = kids.map((k, i) => ({ email: `bench.family${i}@example.com`, name: `Guardian ${i}`, password: `bench family password ${i}` }));
  await api(origin, token, "POST", "/invitations/batch", { invitations: kids.map((k, i) => ({ studentSisId: k.sisId, email: guardians[i].email, name: guardians[i].name })) });

  // Accounts: 30 joins (each hashes a password), a few at a time.
  let t0 = performance.now();
  const parents = new Array(FAMILIES);
  await pool(FAMILIES, 4, async (i) => (parents[i] = await joinAsGuardian(origin, guardians[i])));
  const setupSecs = (performance.now() - t0) / 1000;
  const teacher = await signInTeacher(origin, teacherEmail);
  const classes = await teacher.get("/teacher");
  const sectionId = classes.text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z0-9]+)/)?.[1];
  if (!sectionId) throw new Error("no 'Message all families' link on the teacher's classes page");

  // The broadcast: the first creates 30 threads; the next ones write into the same threads.
  const broadcastMs = [];
  for (let b = 0; b < BROADCASTS; b++) {
    const res = await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: `Reminder ${b + 1}: field trip on Friday. Details: https://school.example.org/trip` });
    if (res.location !== `/teacher/messages?sent=${FAMILIES}&failed=0`) throw new Error(`broadcast → ${res.location}`);
    broadcastMs.push(res.ms);
  }
  const list = await teacher.get("/teacher/messages");
  const threads = threadIds(list.text);
  if (threads.length !== FAMILIES) throw new Error(`expected ${FAMILIES} threads, saw ${threads.length}`);
  rows.push({ name: `messages: section broadcast to ${FAMILIES} families (first: creates the threads)`, value: broadcastMs[0], unit: "ms", notes: "one D1 batch for the thread rows + parallel thread-object calls" });
  const later = broadcastMs.slice(1);
  rows.push({ name: `messages: section broadcast to ${FAMILIES} families (existing threads), p50`, value: percentile(later, 50), unit: "ms", notes: `${later.length} runs; max ${Math.round(Math.max(...later))} ms` });

  // Every family writes at once, each into its own thread, up to the per-sender limit.
  const ownThread = await Promise.all(parents.map(async (p) => threadIds((await p.get("/messages")).text)[0]));
  const latencies = [];
  t0 = performance.now();
  await pool(FAMILIES, FAMILIES, async (f) => {
    for (let i = 0; i < PER_SENDER; i++) {
      const res = await parents[f].post(`/messages/${ownThread[f]}`, { body: `family ${f} message ${i}` });
      latencies.push(res.ms);
    }
  });
  const secs = (performance.now() - t0) / 1000;
  const total = FAMILIES * PER_SENDER;
  rows.push({ name: `messages: ${total.toLocaleString("en-US")} posts, ${FAMILIES} families at once (${PER_SENDER} each, the per-sender limit)`, value: total / secs, unit: "messages/s", notes: "each a real form POST → 303 (D1 access check, rate limiter, thread object)" });
  rows.push({ name: "messages: post latency under that load, p50 / p99", value: `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)}`, unit: "ms" });
  const family = parents[0];
  const thread = ownThread[0];
  await family.post(`/messages/${thread}`, { body: "one more than the limit" }, 429);
  const after = Number((await family.get(`/messages/${thread}`)).text.match(/\/since\/(\d+)"/)?.[1] ?? NaN);

  // The open thread's poll when nothing changed: the D1 access check, one object call, no body.
  const pollMs = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const res = await fetch(`${origin}/messages/${thread}/since/${after}`, { headers: { "hx-request": "true", cookie: [...family.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    await res.arrayBuffer();
    if (res.status !== 204) throw new Error(`idle poll → ${res.status}`);
    pollMs.push(performance.now() - t);
  }
  rows.push({ name: "messages: idle poll of an open thread (204), p50 / p99", value: `${percentile(pollMs, 50).toFixed(1)} / ${percentile(pollMs, 99).toFixed(1)}`, unit: "ms", notes: "sequential" });
  rows.push({ name: `messages: setup, ${FAMILIES} guardians joining through the pages`, value: setupSecs, unit: "s", notes: "invitation link, confirm, sign up, confirm email (password hashing dominates)" });
  return rows;
}
