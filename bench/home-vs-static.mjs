// The parent's home page against a static file from the same server in the same run (issue 15):
// p50 and p99 at 1 and at 8 requests in flight, and their ratio (goal: home p50 ≤ 2× static).
// Timed here with performance.now() around each whole response (body read), so the ratio is not
// blurred by autocannon's whole-millisecond latencies at one request at a time.
import { percentile } from "../scripts/local-server.mjs";

const REQUESTS = Number(process.env.BENCH_HOME_REQUESTS ?? 400);
const WARMUP = 20;

/** `requests` GETs of `url` with `inFlight` at a time; each one's milliseconds. */
async function timeGets(url, headers, inFlight, requests) {
  const ms = [];
  let left = requests;
  const one = async () => {
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`home vs static: ${url} → ${res.status}`);
    return performance.now() - t;
  };
  await Promise.all(Array.from({ length: inFlight }, async () => { while (left-- > 0) ms.push(await one()); }));
  return ms;
}

const f = (n) => n.toFixed(1);

/** Rows for `npm run bench`; `world` from bench/load.mjs (the parent's cookies and the hashed htmx file). */
export async function benchHomeVsStatic(origin, world) {
  const staticUrl = `${origin}/static/${world.htmx}`;
  const home = `${origin}/`;
  const page = { cookie: world.cookies, "sec-fetch-site": "none", "accept-encoding": "gzip" };
  const rows = [];
  for (const inFlight of [1, 8]) {
    await timeGets(staticUrl, {}, inFlight, WARMUP);
    await timeGets(home, page, inFlight, WARMUP);
    // Alternating halves, so a slower moment of the machine falls on both.
    const s1 = await timeGets(staticUrl, {}, inFlight, REQUESTS / 2);
    const h1 = await timeGets(home, page, inFlight, REQUESTS / 2);
    const s2 = await timeGets(staticUrl, {}, inFlight, REQUESTS / 2);
    const h2 = await timeGets(home, page, inFlight, REQUESTS / 2);
    const s = [...s1, ...s2];
    const h = [...h1, ...h2];
    const ratio = percentile(h, 50) / percentile(s, 50);
    rows.push({
      name: `home vs static file, ${inFlight} in flight: p50 / p99 of home, then of static`,
      value: `${f(percentile(h, 50))} / ${f(percentile(h, 99))}, then ${f(percentile(s, 50))} / ${f(percentile(s, 99))}`,
      unit: "ms",
      notes: `home p50 = ${ratio.toFixed(1)}× static (goal ≤ 2×); ${REQUESTS} of each, signed-in parent's GET / (1 D1 round trip) vs GET /static/${world.htmx.replace(/\.[^.]+\.js$/, "….js")} (Workers Static Assets)`,
    });
  }
  return rows;
}
