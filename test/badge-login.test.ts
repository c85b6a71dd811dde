// /badges on the child's device: the page, badge login by POST, what fails at once, the rate
// limit, the PIN step, and badges of other districts.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { issueFirstBadge, loadChildBadge } from "../src/badges/child-badge";
import { badgePin, badgeToken } from "../src/badges/token";
import { pinStepValue, readPinStep } from "../src/badges/login";
import { asset } from "../src/static";
import { api, auditRows, BADGE_SECRET, badgeWorld, Browser, browserAs, call, countRows, staticFile, downloadBadge, liveBadgeRow, ORIGIN, pageText, studentDevice } from "./world";

const FAILED = "That badge didn't work. Ask your teacher for a new one.";

async function studentSessions(studentId: string): Promise<number> {
  return countRows("sessions", "kind = 'student' AND subject_id = ?", studentId);
}

/** Posts a scanned code from this device; the 303 is not followed. */
function scan(device: Browser, token: string, pin?: string) {
  return device.post("/badges/login", pin === undefined ? { token } : { token, pin }, { follow: false });
}

describe("the /badges page", () => {
  it("loads the scanner (and only it, besides htmx), says what is needed without JavaScript, and names this device", async () => {
    const b = new Browser();
    const res = await b.get("/badges");
    expect(res.status).toBe(200);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([asset("htmx.min.js"), asset("badge-scanner.js")]);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(html).toContain(`data-decoder="${asset("qr-decode.js")}"`);
    expect(html).toMatch(/<form id="badge-form"[^>]*method="post" action="\/badges\/login"/);
    expect(html).toMatch(/<input id="badge-file" type="file" accept="image\/\*"/);
    const text = await pageText(new Response(html));
    expect(text).toContain("The camera needs JavaScript, which is off in this browser. You can still log in: choose the badge picture below.");
    expect(text).toContain("Choose the badge picture");
    expect(b.cookies.get("fp_device")).toMatch(/^[a-z2-7]{32}$/);
    // A second visit keeps the device's name.
    const device = b.cookies.get("fp_device");
    await (await b.get("/badges")).text();
    expect(b.cookies.get("fp_device")).toBe(device);
  });

  it("serves the scanner and the QR decoder as immutable static files", async () => {
    for (const name of ["badge-scanner.js", "qr-decode.js"]) {
      const res = await staticFile(asset(name));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/javascript");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const body = await res.text();
      if (name === "qr-decode.js") expect(body).toContain("qrDecode");
      else expect(body).toContain("BarcodeDetector");
    }
  });

  it("sends a signed-in student to the portal, and reloads for real when htmx asks", async () => {
    const w = await badgeWorld();
    const student = await browserAs("student", w.ids.S1);
    const res = await student.get("/badges", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/student");
    const boosted = await call("/badges", { headers: { "hx-request": "true", "hx-boosted": "true" } });
    expect(boosted.headers.get("hx-redirect")).toBe("/badges");
  });

  it("warns a parent signed in on this device that a badge login signs them out", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    expect(await pageText(await parent.get("/badges"))).toContain("A parent is signed in on this device. Logging in with a badge signs them out here.");
  });
});

describe("badge login", () => {
  it("logs the student in with the token read from the downloaded image, and audits it", async () => {
    const w = await badgeWorld();
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const device = await studentDevice();
    const res = await scan(device, code);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/student");
    expect(device.session).toBeDefined();
    expect(await studentSessions(w.ids.S1)).toBe(1);
    const [id] = device.session!.split(".");
    const row = await env.DB.prepare("SELECT kind, subject_id FROM sessions WHERE id = ?").bind(id).first();
    expect(row).toEqual({ kind: "student", subject_id: w.ids.S1 });
    const badge = await liveBadgeRow(w.ids.S1);
    expect(await auditRows(w.ids.S1, "badge_login")).toEqual([
      expect.objectContaining({ actor_kind: "student", actor_id: w.ids.S1, target_id: badge!.id, detail: JSON.stringify({ pin: false }) }),
    ]);
    // The bare token (without the QR prefix) works too, in either case.
    const other = await studentDevice();
    expect((await scan(other, code.slice("FPBADGE:".length).toUpperCase())).status).toBe(303);
  });

  it("ends a parent's session on the device when the badge logs the student in", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    const code = await downloadBadge(parent, w.ids.S1);
    const parentToken = parent.session;
    expect((await scan(parent, code)).status).toBe(303);
    expect(parent.session).not.toBe(parentToken);
    expect(await countRows("sessions", "kind = 'parent' AND subject_id = ?", w.parentId)).toBe(0);
  });

  it("refuses a voided badge at once, with the one generic message", async () => {
    const w = await badgeWorld();
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    expect((await api(w.district.token, "DELETE", "/students/S1/badge")).status).toBe(204);
    const device = await studentDevice();
    const res = await scan(device, code);
    expect(res.status).toBe(401);
    const text = await pageText(res);
    expect(text).toContain(FAILED);
    expect(device.session).toBeUndefined();
    expect(await studentSessions(w.ids.S1)).toBe(0);
  });

  it("refuses a regenerated-away badge at once; the new one works", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    const old = await downloadBadge(parent, w.ids.S1);
    expect((await api(w.district.token, "POST", "/students/S1/badge")).status).toBe(201);
    const device = await studentDevice();
    expect((await scan(device, old)).status).toBe(401);
    const fresh = await downloadBadge(parent, w.ids.S1);
    expect((await scan(device, fresh)).status).toBe(303);
  });

  it("refuses the badge of a student whose badges the district turned off", async () => {
    const w = await badgeWorld();
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const off = await api(w.district.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: false });
    expect(off.status).toBeLessThan(300);
    const device = await studentDevice();
    const res = await scan(device, code);
    expect(res.status).toBe(401);
    expect(await pageText(res)).toContain(FAILED);
    expect(await studentSessions(w.ids.S1)).toBe(0);
  });

  it("answers unknown, malformed, empty and over-long codes the same way, writing nothing", async () => {
    await badgeWorld();
    const device = await studentDevice();
    const before = { sessions: await countRows("sessions"), audit: await countRows("audit_log") };
    const cases: [Record<string, string>, number][] = [
      [{ token: "FPBADGE:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }, 401],
      [{ token: "https://evil.example/" }, 401],
      [{ token: "" }, 422],
      [{}, 422],
      [{ token: "x".repeat(500) }, 422],
      [{ token: "FPBADGE:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", pin: "1".repeat(50) }, 422],
    ];
    for (const [fields, status] of cases) {
      const res = await device.post("/badges/login", fields, { follow: false });
      expect(res.status).toBe(status);
      expect(await pageText(res)).toContain(FAILED);
    }
    expect(await countRows("sessions")).toBe(before.sessions);
    expect(await countRows("audit_log")).toBe(before.audit);
  });

  it("refuses a cross-site post", async () => {
    const w = await badgeWorld();
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const res = await call("/badges/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: new URLSearchParams({ token: code }),
    });
    expect(res.status).toBe(403);
    expect(await studentSessions(w.ids.S1)).toBe(0);
  });

  it("allows 10 tries a minute per device: the 11th is a 429, another device is not affected", async () => {
    const w = await badgeWorld();
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const device = await studentDevice();
    for (let i = 0; i < 10; i++) expect((await scan(device, "FPBADGE:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")).status).toBe(401);
    const blocked = await scan(device, code);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await pageText(blocked)).toContain("Too many tries");
    expect(await studentSessions(w.ids.S1)).toBe(0);
    expect((await scan(await studentDevice(), code)).status).toBe(303);
  });

  it("falls back to the client's address when the device has no cookie", async () => {
    const w = await badgeWorld();
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const post = (token: string) =>
      call("/badges/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "sec-fetch-site": "same-origin", "cf-connecting-ip": ip },
        body: new URLSearchParams({ token }),
      });
    for (let i = 0; i < 10; i++) expect((await post("FPBADGE:cccccccccccccccccccccccccccccccc")).status).toBe(401);
    expect((await post(code)).status).toBe(429);
  });

  it("logs a badge of another district into that district's own student only", async () => {
    const a = await badgeWorld();
    const b = await badgeWorld();
    const codeB = await downloadBadge(await browserAs("parent", b.parentId), b.ids.S1);
    const device = await studentDevice();
    expect((await scan(device, codeB)).status).toBe(303);
    const [id] = device.session!.split(".");
    const row = await env.DB.prepare("SELECT subject_id FROM sessions WHERE id = ?").bind(id).first<{ subject_id: string }>();
    expect(row?.subject_id).toBe(b.ids.S1);
    expect(await studentSessions(a.ids.S1)).toBe(0);
    // The audit trail is the badge's own district's.
    const audit = await env.DB.prepare("SELECT district_id FROM audit_log WHERE action = 'badge_login' AND student_id = ?").bind(b.ids.S1).first<{ district_id: string }>();
    expect(audit?.district_id).toBe(b.district.id);
  });
});

describe("badge PIN", () => {
  it("asks for the PIN after the scan; a missing or wrong PIN is refused, the right one logs in", async () => {
    const w = await badgeWorld({ pin: true });
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const badge = await liveBadgeRow(w.ids.S1);
    const pin = badgePin(BADGE_SECRET, badge!.id);
    const wrong = pin === "000000" ? "111111" : "000000";
    const device = await studentDevice();

    const step = await scan(device, code);
    expect(step.status).toBe(200);
    const stepText = await pageText(step);
    expect(stepText).toContain("Type your PIN");
    expect(device.session).toBeUndefined();
    expect(device.cookies.get("fp_badge_pin")).toMatch(/^bdg_[a-z2-7]+\.\d+\.[0-9a-f]{64}$/);

    const empty = await device.post("/badges/login", {}, { follow: false });
    expect(empty.status).toBe(422);
    expect(await pageText(empty)).toContain("Please type the 6-digit PIN.");

    const bad = await device.post("/badges/login", { pin: wrong }, { follow: false });
    expect(bad.status).toBe(422);
    expect(await pageText(bad)).toContain("That PIN didn't match.");
    expect(await studentSessions(w.ids.S1)).toBe(0);

    const good = await device.post("/badges/login", { pin: `${pin.slice(0, 3)} ${pin.slice(3)}` }, { follow: false });
    expect(good.status).toBe(303);
    expect(good.headers.get("location")).toBe("/student");
    expect(await studentSessions(w.ids.S1)).toBe(1);
    expect(device.cookies.has("fp_badge_pin")).toBe(false);
    expect((await auditRows(w.ids.S1, "badge_login"))[0]?.detail).toBe(JSON.stringify({ pin: true }));
  });

  it("takes the token and PIN in one post too", async () => {
    const w = await badgeWorld({ pin: true });
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const pin = badgePin(BADGE_SECRET, (await liveBadgeRow(w.ids.S1))!.id);
    expect((await scan(await studentDevice(), code, pin)).status).toBe(303);
  });

  it("refuses a PIN step without a scan, or with a forged or stale state cookie", async () => {
    const w = await badgeWorld({ pin: true });
    await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const badge = await liveBadgeRow(w.ids.S1);
    const pin = badgePin(BADGE_SECRET, badge!.id);
    const device = await studentDevice();
    expect((await device.post("/badges/login", { pin }, { follow: false })).status).toBe(422);
    device.cookies.set("fp_badge_pin", `${badge!.id}.${Date.now() + 60_000}.${"0".repeat(64)}`);
    const forged = await device.post("/badges/login", { pin }, { follow: false });
    expect(forged.status).toBe(422);
    expect(await pageText(forged)).toContain(FAILED);
    device.cookies.set("fp_badge_pin", pinStepValue(BADGE_SECRET, badge!.id, Date.now() - 6 * 60_000));
    expect((await device.post("/badges/login", { pin }, { follow: false })).status).toBe(422);
    expect(await studentSessions(w.ids.S1)).toBe(0);
    // The state itself: valid for five minutes, signed with the server's key only.
    const value = pinStepValue(BADGE_SECRET, badge!.id, Date.now());
    expect(readPinStep(BADGE_SECRET, value, Date.now())).toBe(badge!.id);
    expect(readPinStep(BADGE_SECRET, value, Date.now() + 5 * 60_000 + 1)).toBeNull();
    expect(readPinStep("another-secret", value, Date.now())).toBeNull();
  });

  it("refuses the PIN step at once when the badge was voided after the scan", async () => {
    const w = await badgeWorld({ pin: true });
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const pin = badgePin(BADGE_SECRET, (await liveBadgeRow(w.ids.S1))!.id);
    const device = await studentDevice();
    expect((await scan(device, code)).status).toBe(200);
    await api(w.district.token, "DELETE", "/students/S1/badge");
    const res = await device.post("/badges/login", { pin }, { follow: false });
    expect(res.status).toBe(401);
    expect(await studentSessions(w.ids.S1)).toBe(0);
  });

  it("locks the badge after five wrong PINs, even for the right PIN, on any device; a new badge starts afresh", async () => {
    const w = await badgeWorld({ pin: true });
    const parent = await browserAs("parent", w.parentId);
    const code = await downloadBadge(parent, w.ids.S1);
    const pin = badgePin(BADGE_SECRET, (await liveBadgeRow(w.ids.S1))!.id);
    const wrong = pin === "000000" ? "111111" : "000000";
    const device = await studentDevice();
    expect((await scan(device, code)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await device.post("/badges/login", { pin: wrong }, { follow: false })).status).toBe(422);
    const fifth = await device.post("/badges/login", { pin: wrong }, { follow: false });
    expect(fifth.status).toBe(401);
    expect(await pageText(fifth)).toContain(FAILED);
    // Locked: the right PIN from a fresh device does not help.
    expect((await scan(await studentDevice(), code, pin)).status).toBe(401);
    expect(await studentSessions(w.ids.S1)).toBe(0);
    // The teacher's (here the district's) new badge works.
    await api(w.district.token, "POST", "/students/S1/badge");
    const fresh = await downloadBadge(parent, w.ids.S1);
    const freshPin = badgePin(BADGE_SECRET, (await liveBadgeRow(w.ids.S1))!.id);
    expect((await scan(await studentDevice(), fresh, freshPin)).status).toBe(303);
  });
});

describe("first badge issue", () => {
  it("never replaces a live badge and audits only the badge it made", async () => {
    const w = await badgeWorld();
    const db = getDb(env.DB);
    const child = (await loadChildBadge(db, w.parentId, w.ids.S1))!;
    await db.batch(issueFirstBadge(db, { secret: BADGE_SECRET, child, userId: w.parentId }) as [never, never]);
    const first = await liveBadgeRow(w.ids.S1);
    await db.batch(issueFirstBadge(db, { secret: BADGE_SECRET, child, userId: w.parentId }) as [never, never]);
    expect((await liveBadgeRow(w.ids.S1))?.id).toBe(first!.id);
    expect(await countRows("badges", "student_id = ?", w.ids.S1)).toBe(1);
    expect(await auditRows(w.ids.S1, "badge.issue")).toEqual([expect.objectContaining({ target_id: first!.id })]);
    expect(badgeToken(BADGE_SECRET, first!.id)).toMatch(/^[a-z2-7]{32}$/);
  });
});
