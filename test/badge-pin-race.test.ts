// Guessing a badge's PIN: the count of wrong PINs lives in the badge's own row and is taken in
// the same step that allows a check, so parallel guesses cannot slip past it; and the badge-login
// limit holds per badge as well as per device, since the device cookie is the client's to choose.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { badgePin, badgeToken } from "../src/badges/token";
import { pinStepValue } from "../src/badges/login";
import { newSecret } from "../src/lib/random";
import { MINUTE } from "../src/lib/time";
import { api, BADGE_SECRET, badgeWorld, Browser, browserAs, countRows, downloadBadge, liveBadgeRow, pageText } from "./world";

const FAILED = "That badge didn't work. Ask your teacher for a new one.";

/** A device nobody has seen before: its own device cookie, and whatever else it is given. */
function freshDevice(cookies: Record<string, string> = {}): Browser {
  const b = new Browser("school-chromebook");
  b.cookies.set("fp_device", newSecret());
  for (const [k, v] of Object.entries(cookies)) b.cookies.set(k, v);
  return b;
}

async function pinState(badgeId: string) {
  return env.DB.prepare("SELECT pin_failures, pin_failures_since FROM badges WHERE id = ?").bind(badgeId).first<{ pin_failures: number; pin_failures_since: number | null }>();
}

/** Lets the one-minute per-badge limit pass, as waiting a minute would. */
async function aMinuteLater(badgeId: string) {
  await env.RATE_LIMITER.getByName(`badge-login:badge:${badgeId}`).reset();
}

describe("badge PIN under concurrency", () => {
  it("forty parallel wrong PINs from forty devices: five are counted, no more; the right PIN waits out the lock, then works", async () => {
    const w = await badgeWorld({ pin: true });
    await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const badge = (await liveBadgeRow(w.ids.S1))!;
    const pin = badgePin(BADGE_SECRET, badge.id);
    const wrong = pin === "000000" ? "111111" : "000000";
    // What a scan leaves in the browser; an attacker copies it to every device they make up.
    const step = { fp_badge_pin: pinStepValue(BADGE_SECRET, badge.id, Date.now()) };

    const answers = await Promise.all(Array.from({ length: 40 }, () => freshDevice(step).post("/badges/login", { pin: wrong }, { follow: false })));
    const statuses = answers.map((r) => r.status);
    const texts = await Promise.all(answers.map((r) => pageText(r)));
    expect(statuses.every((s) => s === 401 || s === 422 || s === 429)).toBe(true);
    // "Didn't match" means a PIN was checked and the badge was not yet locked: at most four times.
    expect(texts.filter((t) => t.includes("That PIN didn't match.")).length).toBeLessThanOrEqual(4);
    expect((await pinState(badge.id))?.pin_failures).toBe(5);
    expect(await countRows("sessions", "kind = 'student' AND subject_id = ?", w.ids.S1)).toBe(0);

    // Locked: the right PIN is refused like any other failure.
    await aMinuteLater(badge.id);
    const locked = await freshDevice(step).post("/badges/login", { pin }, { follow: false });
    expect(locked.status).toBe(401);
    expect(await pageText(locked)).toContain(FAILED);
    expect((await pinState(badge.id))?.pin_failures).toBe(5);

    // Fifteen minutes after the first wrong PIN the lock is over, and the right PIN clears the count.
    await env.DB.prepare("UPDATE badges SET pin_failures_since = pin_failures_since - ? WHERE id = ?").bind(15 * MINUTE, badge.id).run();
    const open = await freshDevice(step).post("/badges/login", { pin }, { follow: false });
    expect(open.status).toBe(303);
    expect(open.headers.get("location")).toBe("/student");
    expect(await pinState(badge.id)).toEqual({ pin_failures: 0, pin_failures_since: null });
  }, 60_000); // forty requests at once, each decoding a PNG badge: on a loaded 2-core CI machine this took over 10 s

  it("a right PIN clears the wrong ones before it, so a child who mistyped is not locked out later", async () => {
    const w = await badgeWorld({ pin: true });
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const badge = (await liveBadgeRow(w.ids.S1))!;
    const pin = badgePin(BADGE_SECRET, badge.id);
    const wrong = pin === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) expect((await freshDevice().post("/badges/login", { token: code, pin: wrong }, { follow: false })).status).toBe(422);
    expect((await pinState(badge.id))?.pin_failures).toBe(3);
    expect((await freshDevice().post("/badges/login", { token: code, pin }, { follow: false })).status).toBe(303);
    expect((await pinState(badge.id))?.pin_failures).toBe(0);
    // A locked badge fails at the scan already, before any PIN is asked for.
    await env.DB.prepare("UPDATE badges SET pin_failures = 5, pin_failures_since = ? WHERE id = ?").bind(Date.now(), badge.id).run();
    const scan = await freshDevice().post("/badges/login", { token: code }, { follow: false });
    expect(scan.status).toBe(401);
    expect(await pageText(scan)).toContain(FAILED);
  });
});

describe("the badge-login limit holds per badge", () => {
  it("new device cookies for every try do not help: the eleventh try of one badge in a minute is a 429; another badge is not affected", async () => {
    const w = await badgeWorld();
    const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    for (let i = 0; i < 10; i++) expect((await freshDevice().post("/badges/login", { token: code }, { follow: false })).status).toBe(303);
    const blocked = await freshDevice().post("/badges/login", { token: code }, { follow: false });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await pageText(blocked)).toContain("Too many tries");
    expect(blocked.headers.get("set-cookie") ?? "").not.toContain("fp_session=");

    expect((await api(w.district.token, "POST", "/students/S3/badge")).status).toBe(201);
    const avaCode = badgeToken(BADGE_SECRET, (await liveBadgeRow(w.ids.S3))!.id);
    expect((await freshDevice().post("/badges/login", { token: avaCode }, { follow: false })).status).toBe(303);
  });

  it("counts the PIN step too, where the badge comes from the signed cookie", async () => {
    const w = await badgeWorld({ pin: true });
    await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
    const badge = (await liveBadgeRow(w.ids.S1))!;
    const step = { fp_badge_pin: pinStepValue(BADGE_SECRET, badge.id, Date.now()) };
    // Without a PIN nothing is checked or counted against the lock, but every try counts against the limit.
    for (let i = 0; i < 10; i++) expect((await freshDevice(step).post("/badges/login", {}, { follow: false })).status).toBe(422);
    expect((await freshDevice(step).post("/badges/login", {}, { follow: false })).status).toBe(429);
    expect((await pinState(badge.id))?.pin_failures).toBe(0);
  });
});
