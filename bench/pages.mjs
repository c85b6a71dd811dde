// Page weight as a phone on a first visit sees it (empty cache, bytes on the wire as Chromium counts
// them), and the home page on a slow connection. Used by the e2e suite (budgets asserted) and by
// `npm run bench` (figures in the table).
import { chromium } from "playwright-core";
import { joinAsGuardian, signInTeacher } from "../scripts/page-client.mjs";
import { ADMIN_TOKEN, api } from "../scripts/local-server.mjs";
import { benchRoundTrips } from "./round-trips.mjs";

/** SPEC 4: per parent page, HTML ≤ 14 KB compressed, first visit ≤ 40 KB compressed. */
export const BUDGET = { htmlBytes: 14 * 1024, totalBytes: 40 * 1024 };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * Opens `path` in a fresh context (empty HTTP cache) carrying `cookies`, and counts every response's
 * encoded bytes (headers + compressed body) via CDP. Returns { html, total, scripts, ms }.
 */
export async function measureFirstVisit(browser, origin, path, { cookies = [], throttle = null } = {}) {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 390, height: 844 } });
  try {
    if (cookies.length) await context.addCookies(cookies);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
    if (throttle) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...throttle });
    const byId = new Map();
    cdp.on("Network.responseReceived", (e) => byId.set(e.requestId, { url: e.response.url, type: e.type, bytes: 0 }));
    cdp.on("Network.loadingFinished", (e) => {
      const r = byId.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    const t0 = performance.now();
    const res = await page.goto(path, { waitUntil: "load" });
    const ms = performance.now() - t0;
    if (!res || res.status() !== 200) throw new Error(`${path} → ${res?.status()} (${page.url()})`);
    // Late responses (the favicon) still count towards the first visit.
    await page.waitForLoadState("networkidle").catch(() => {});
    const all = [...byId.values()];
    const doc = all.find((r) => r.type === "Document");
    return {
      html: doc?.bytes ?? NaN,
      total: all.reduce((n, r) => n + r.bytes, 0),
      scripts: all.filter((r) => r.type === "Script").map((r) => new URL(r.url).pathname),
      ms,
    };
  } finally {
    await context.close();
  }
}

/** Session cookies from a scripted PageClient, for a browser context on `origin`. */
export function cookiesOf(client, origin) {
  const { hostname } = new URL(origin);
  return [...client.cookies].map(([name, value]) => ({ name, value, domain: hostname, path: "/" }));
}

/** The parent pages SPEC 4 budgets, given a child and a thread. */
export function parentPages({ studentId, threadPath }) {
  return [
    ["home", "/"],
    ["ideas", "/ideas"],
    ["help", "/help"],
    ["account", "/account"],
    ["badge page", `/children/${studentId}/badge`],
    ["messages list", "/messages"],
    ["message thread", threadPath],
  ];
}

/** A district with one family, a teacher and one conversation, made through the real pages. */
export async function seedFamily(origin) {
  const parent = { email: "pages.parent@example.com", name: "Ana Park", password: "bright pages at noon" };
  const teacherEmail = "pages.teacher@bench.example.org";
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Pages District" });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Maple Elementary" }],
    teachers: [{ sisId: "t1", name: "Jo Lee", email: teacherEmail }],
    students: [{ sisId: "k1", firstName: "Kai", lastName: "Park", schoolSisId: "sch", grade: "2", badgesEnabled: true }],
    sections: [{ sisId: "s1", name: "Grade 2", schoolSisId: "sch", teacherSisIds: ["t1"], studentSisIds: ["k1"] }],
  });
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: parent.email, name: parent.name });
  const family = await joinAsGuardian(origin, parent);
  const home = await family.get("/");
  const studentId = home.text.match(/\/children\/([a-z]+_[A-Za-z0-9]+)\/badge/)?.[1];
  if (!studentId) throw new Error("no child on the bench parent's home page");
  const teacher = await signInTeacher(origin, teacherEmail);
  const classes = await teacher.get("/teacher");
  const sectionId = classes.text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z0-9]+)/)?.[1];
  if (!sectionId) throw new Error("no 'Message all families' link on the teacher's classes page");
  await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: "Hello! Kai did great today. Field trip on Friday: https://school.example.org/trip" });
  const threadId = (await family.get("/messages")).text.match(/\/messages\/(thr_[a-z2-7]{16})/)?.[1];
  if (!threadId) throw new Error("no conversation on the bench parent's Messages page");
  const threadPath = `/messages/${threadId}`;
  return { family, teacher, studentId, sectionId, threadId, threadPath };
}

/** Rows for `npm run bench`: every parent page's weight, and the home page at 400 kbit/s, 400 ms RTT. */
export async function benchPages(origin) {
  const seeded = await seedFamily(origin);
  const { family, studentId, threadPath } = seeded;
  const cookies = cookiesOf(family, origin);
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const [name, path] of parentPages({ studentId, threadPath })) {
      const m = await measureFirstVisit(browser, origin, path, { cookies });
      rows.push({ name: `page weight: ${name} HTML (compressed)`, value: m.html / 1024, unit: "KB", notes: `budget ${BUDGET.htmlBytes / 1024} KB` });
      rows.push({ name: `page weight: ${name} first visit, all responses`, value: m.total / 1024, unit: "KB", notes: `budget ${BUDGET.totalBytes / 1024} KB; scripts: ${m.scripts.map((s) => s.split("/").pop()).join(", ") || "none"}` });
    }
    const slow = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await measureFirstVisit(browser, origin, "/", { cookies, throttle: slow })).ms);
    runs.sort((a, b) => a - b);
    rows.push({ name: "home page usable (load event), first visit at 400 kbit/s, 400 ms RTT", value: runs[1], unit: "ms", notes: "Chromium network emulation, median of 3, empty cache" });
  } finally {
    await browser.close();
  }
  rows.push(...(await benchRoundTrips(origin, seeded)));
  return rows;
}
