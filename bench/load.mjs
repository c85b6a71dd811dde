// Load rows for `npm run bench`: autocannon against the local server (loopback only) for the
// parent's home page, a message thread, posting into it, and a static file as the baseline the
// pages are compared with. Each run is bounded: LOAD_SECONDS (default 5) with LOAD_CONNECTIONS
// (default 10) connections. The family and the thread are made through the real API and pages.
import autocannon from "autocannon";
import { api, ADMIN_TOKEN } from "../scripts/local-server.mjs";
import { joinAsGuardian, signInTeacher } from "../scripts/page-client.mjs";
import { benchHomeVsStatic } from "./home-vs-static.mjs";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);

/** A district with one class and one family that has a thread with the teacher; returns the parent's cookies and the thread. */
async function loadWorld(origin) {
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Bench Load District" });
  const teacherEmail = "load.teacher@school.example.org";
  const family = { email: "load.family@example.com", name: "Load Guardian", password: "load family password 1" };
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "l-sch", name: "Load Elementary" }],
    teachers: [{ sisId: "l-t", name: "Load Teacher", email: teacherEmail }],
    students: [{ sisId: "l-s", firstName: "Lena", lastName: "Load", schoolSisId: "l-sch" }],
    sections: [{ sisId: "l-sec", name: "Room 5", schoolSisId: "l-sch", teacherSisIds: ["l-t"], studentSisIds: ["l-s"] }],
  });
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "l-s", email: family.email, name: family.name });
  const parent = await joinAsGuardian(origin, family);
  const teacher = await signInTeacher(origin, teacherEmail);
  const sectionId = (await teacher.get("/teacher")).text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z0-9]+)/)?.[1];
  if (!sectionId) throw new Error("load bench: no 'Message all families' link on the teacher's page");
  await teacher.get(`/teacher/messages/broadcast/${sectionId}`);
  await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: "Welcome to Room 5! Ask me anything here." });
  const home = await parent.get("/");
  const thread = (await parent.get("/messages")).text.match(/\/messages\/(thr_[a-z2-7]{16})/)?.[1];
  if (!thread) throw new Error("load bench: the family sees no thread");
  await parent.get(`/messages/${thread}`); // sets the CSRF cookie the reply form carries
  const htmx = home.text.match(/\/static\/(htmx[^"']*\.js)/)?.[1];
  if (!htmx) throw new Error("load bench: no htmx script on the home page");
  return { cookies: [...parent.cookies].map(([k, v]) => `${k}=${v}`).join("; "), csrf: parent.cookies.get("fp_csrf"), thread, htmx };
}

/**
 * One bounded autocannon run: LOAD_SECONDS long, or `amount` requests. Answers other than the
 * expected status are counted in the row, not hidden.
 *
 * A run cut off by time abandons the requests still in flight; wrangler dev's proxy (its
 * ProxyWorker) answers any POST whose forwarding to the worker fails meanwhile with 503 "Your
 * worker restarted mid-request" (it retries only GET/HEAD, and takes every failure for a restart
 * unless the path is "/"). That, not the worker, was the posting flood's few 503s: so POSTs run by
 * amount, and a run by time leaves the server a moment to finish what it abandoned.
 */
async function run(origin, name, { path, method = "GET", headers = {}, body, expect = 200, amount, allowed = {} }) {
  const url = new URL(path, origin);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") throw new Error(`load bench: ${url.host} is not loopback`);
  const result = await autocannon({ url: url.href, method, headers, body, connections: CONNECTIONS, ...(amount ? { amount } : { duration: SECONDS }) });
  const stats = result.statusCodeStats ?? {};
  const unexpected = Object.entries(stats).filter(([s, v]) => Number(s) !== expect && v.count > (allowed[s] ?? 0)).map(([s, v]) => `${v.count}×${s}`);
  const alsoFine = Object.entries(stats).filter(([s, v]) => Number(s) !== expect && v.count <= (allowed[s] ?? 0)).map(([s, v]) => `${v.count}×${s}`);
  const problems = [...unexpected, ...(result.errors ? [`${result.errors} errors`] : []), ...(result.timeouts ? [`${result.timeouts} timeouts`] : [])];
  if (!amount) await new Promise((r) => setTimeout(r, 1_000));
  const expected = stats[String(expect)]?.count ?? 0;
  if (expected === 0) throw new Error(`load bench ${name}: no ${expect} answers (${problems.join(", ")})`);
  return [
    { name: `load: ${name}, requests per second`, value: result.requests.average, unit: "req/s", notes: `${CONNECTIONS} connections, ${amount ? `${amount} requests in ${(result.duration ?? 0).toFixed(1)} s` : `${SECONDS} s`}, ${result.requests.total.toLocaleString("en-US")} requests, ${problems.length ? `NOT ${expect}: ${problems.join(", ")}` : `all ${expect}`}${alsoFine.length ? ` (and, as expected, ${alsoFine.join(", ")})` : ""}` },
    { name: `load: ${name}, latency p50 / p99`, value: `${result.latency.p50} / ${result.latency.p99}`, unit: "ms" },
  ];
}

/** Runs the four load cases; `world` may be passed in (cookies, csrf, thread, htmx) or is made here. */
export async function benchLoad(origin, world) {
  const w = world ?? (await loadWorld(origin));
  const page = { cookie: w.cookies, "sec-fetch-site": "none" };
  const form = { cookie: w.cookies, origin, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" };
  return [
    ...(await benchHomeVsStatic(origin, w)),
    ...(await run(origin, `static file baseline (GET /static/${w.htmx.replace(/\.[^.]+\.js$/, "….js")})`, { path: `/static/${w.htmx}` })),
    ...(await run(origin, "parent home page (GET /, signed in)", { path: "/", headers: page })),
    ...(await run(origin, "message thread view (GET /messages/:id)", { path: `/messages/${w.thread}`, headers: page })),
    // One parent may post 10 a minute: after the first 10 (303) this measures refusing a flood.
    ...(await run(origin, "message posting by one parent past the limit (POST /messages/:id → 429)", {
      path: `/messages/${w.thread}`,
      method: "POST",
      headers: form,
      body: new URLSearchParams({ body: "Thank you! See you on Friday.", _csrf: w.csrf ?? "" }).toString(),
      expect: 429,
      // The parent's first 10 are within the limit: 303, as a person's would be.
      allowed: { 303: 10 },
      amount: CONNECTIONS * 50,
    })),
  ];
}
