// A student session lives only as long as the grant that opened it: the badge (badge login) or
// the parent's guardianship (Instant Login). Ending the grant ends the session at once, both
// eagerly (the row is deleted with the change) and on every request (loadActor checks the grant).
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createSession } from "../src/auth/sessions";
import { getDb } from "../src/db/client";
import { countingD1 } from "../src/db/statement-counter";
import { app } from "../src/index";
import { api, badgeWorld, type BadgeWorld, Browser, browserAs, countRows, downloadBadge, liveBadgeRow, ORIGIN, pageText, parentOf, studentDevice } from "./world";

/** Maya (S1) logged in with her badge on a fresh device. */
async function badgeSession(w: BadgeWorld): Promise<Browser> {
  const code = await downloadBadge(await browserAs("parent", w.parentId), w.ids.S1);
  const device = await studentDevice();
  const res = await device.post("/badges/login", { token: code }, { follow: false });
  expect(res.status).toBe(303);
  expect(await studentPortal(device)).toBe(200);
  return device;
}

/** The parent hands a device to their child with Instant Login. */
async function instantLoginSession(w: BadgeWorld, studentId: string): Promise<Browser> {
  const b = await browserAs("parent", w.parentId);
  const res = await b.post(`/children/${studentId}/instant-login`, {}, { follow: false });
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe("/student");
  expect(await studentPortal(b)).toBe(200);
  return b;
}

async function studentPortal(b: Browser): Promise<number> {
  const res = await b.get("/student", { follow: false });
  await res.text();
  return res.status;
}

const sessionId = (b: Browser) => b.session!.split(".")[0]!;
const sessionRows = (b: Browser) => countRows("sessions", "id = ?", sessionId(b));

/** The device's next request finds it signed out: sent to the badge page, the row gone. */
async function expectSignedOut(b: Browser) {
  const id = sessionId(b);
  const res = await b.get("/student", { follow: false });
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toMatch(/^\/badges/);
  expect(b.session).toBeUndefined();
  expect(await countRows("sessions", "id = ?", id)).toBe(0);
}

describe("a student session remembers the grant that opened it", () => {
  it("badge login: the badge; Instant Login: the parent's guardianship of that child", async () => {
    const w = await badgeWorld();
    const device = await badgeSession(w);
    const badge = await liveBadgeRow(w.ids.S1);
    const row = await env.DB.prepare("SELECT grant_id FROM sessions WHERE id = ?").bind(sessionId(device)).first<{ grant_id: string | null }>();
    expect(row?.grant_id).toBe(badge!.id);

    const handed = await instantLoginSession(w, w.ids.S2);
    const guardianship = await env.DB.prepare("SELECT id FROM guardianships WHERE user_id = ? AND student_id = ?").bind(w.parentId, w.ids.S2).first<{ id: string }>();
    const row2 = await env.DB.prepare("SELECT grant_id FROM sessions WHERE id = ?").bind(sessionId(handed)).first<{ grant_id: string | null }>();
    expect(row2?.grant_id).toBe(guardianship!.id);
  });
});

describe("ending a badge ends the sessions it opened, at once", () => {
  it("the district voids the badge", async () => {
    const w = await badgeWorld();
    const device = await badgeSession(w);
    expect((await api(w.district.token, "DELETE", "/students/S1/badge")).status).toBe(204);
    expect(await sessionRows(device)).toBe(0);
    await expectSignedOut(device);
  });

  it("the district makes a new badge", async () => {
    const w = await badgeWorld();
    const device = await badgeSession(w);
    expect((await api(w.district.token, "POST", "/students/S1/badge")).status).toBe(201);
    expect(await sessionRows(device)).toBe(0);
    await expectSignedOut(device);
  });

  it("the district turns badges off for the student (PUT)", async () => {
    const w = await badgeWorld();
    const device = await badgeSession(w);
    const res = await api(w.district.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: false });
    expect(res.status).toBe(200);
    expect(await sessionRows(device)).toBe(0);
    await expectSignedOut(device);
  });

  it("the district turns badges off in a bulk roster call; a student whose badges stay on keeps hers", async () => {
    const w = await badgeWorld();
    const maya = await badgeSession(w);
    const avaCode = await downloadBadge(await secondParentOf(w, w.ids.S3), w.ids.S3);
    const ava = await studentDevice();
    expect((await ava.post("/badges/login", { token: avaCode }, { follow: false })).status).toBe(303);
    const res = await api(w.district.token, "POST", "/roster", {
      students: [
        { sisId: "S1", firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: false },
        { sisId: "S3", firstName: "Ava", lastName: "Chen", schoolSisId: "SCH1", badgesEnabled: true },
      ],
    });
    expect(res.status).toBe(200);
    expect(await sessionRows(maya)).toBe(0);
    await expectSignedOut(maya);
    expect(await studentPortal(ava)).toBe(200);
  });

  it("the teacher voids the student's badge, or makes new badges for the class", async () => {
    const w = await badgeWorld();
    const teacher = await browserAs("teacher", w.ids.T1);
    const first = await badgeSession(w);
    const voided = await teacher.post(`/teacher/students/${w.ids.S1}/badge/void`, { section: w.ids.SEC1 }, { follow: false });
    expect(voided.headers.get("location")).toContain("notice=voided");
    expect(await sessionRows(first)).toBe(0);
    await expectSignedOut(first);

    await api(w.district.token, "POST", "/students/S1/badge");
    const second = await badgeSession(w);
    const renewed = await teacher.post(`/teacher/sections/${w.ids.SEC1}/badges/regenerate`, {}, { follow: false });
    expect(renewed.headers.get("location")).toContain("notice=class_regenerated");
    expect(await sessionRows(second)).toBe(0);
    await expectSignedOut(second);

    const third = await badgeSession(w);
    const one = await teacher.post(`/teacher/students/${w.ids.S1}/badge/regenerate`, { section: w.ids.SEC1 }, { follow: false });
    expect(one.headers.get("location")).toContain("notice=regenerated");
    await expectSignedOut(third);
  });

  it("an Instant Login session of the same child is not the badge's, and stays through a new badge, a void and badges off", async () => {
    const w = await badgeWorld();
    const handed = await instantLoginSession(w, w.ids.S1);
    await badgeSession(w);
    expect((await api(w.district.token, "POST", "/students/S1/badge")).status).toBe(201);
    expect((await api(w.district.token, "DELETE", "/students/S1/badge")).status).toBe(204);
    const off = await api(w.district.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: false });
    expect(off.status).toBe(200);
    expect(await studentPortal(handed)).toBe(200);
  });
});

describe("disconnecting a guardian ends the Instant Login sessions they started", () => {
  it("through the API: the child's session ends at once; a badge session of the child stays", async () => {
    const w = await badgeWorld();
    const handed = await instantLoginSession(w, w.ids.S1);
    const badged = await badgeSession(w);
    const guardianship = await env.DB.prepare("SELECT id FROM guardianships WHERE user_id = ? AND student_id = ?").bind(w.parentId, w.ids.S1).first<{ id: string }>();
    expect((await api(w.district.token, "DELETE", `/students/S1/guardians/${guardianship!.id}`)).status).toBe(204);
    expect(await sessionRows(handed)).toBe(0);
    await expectSignedOut(handed);
    expect(await studentPortal(badged)).toBe(200);
  });

  it("when the parent deletes their account", async () => {
    const w = await badgeWorld();
    const handed = await instantLoginSession(w, w.ids.S2);
    const parent = await browserAs("parent", w.parentId);
    const form = await parent.get("/account/delete");
    expect(form.status).toBe(200);
    await form.text();
    const user = await env.DB.prepare("SELECT email FROM users WHERE id = ?").bind(w.parentId).first<{ email: string }>();
    const res = await parent.post("/account/delete", { email: user!.email }, { follow: false });
    expect(res.status).toBe(303);
    expect(await countRows("guardianships", "user_id = ?", w.parentId)).toBe(0);
    expect(await sessionRows(handed)).toBe(0);
    await expectSignedOut(handed);
  });
});

describe("every request checks the grant, not only the eager deletes", () => {
  it("a badge voided, or badges turned off, behind the session's back: refused and removed", async () => {
    const w = await badgeWorld();
    const device = await badgeSession(w);
    const badge = await liveBadgeRow(w.ids.S1);
    await env.DB.prepare("UPDATE badges SET voided_at = ? WHERE id = ?").bind(Date.now(), badge!.id).run();
    expect(await sessionRows(device)).toBe(1);
    await expectSignedOut(device);

    await api(w.district.token, "POST", "/students/S1/badge");
    const again = await badgeSession(w);
    await env.DB.prepare("UPDATE students SET badges_enabled = 0 WHERE id = ?").bind(w.ids.S1).run();
    expect(await sessionRows(again)).toBe(1);
    await expectSignedOut(again);
  });

  it("a guardianship gone behind an Instant Login session's back: refused and removed", async () => {
    const w = await badgeWorld();
    const handed = await instantLoginSession(w, w.ids.S2);
    await env.DB.prepare("DELETE FROM guardianships WHERE user_id = ? AND student_id = ?").bind(w.parentId, w.ids.S2).run();
    expect(await sessionRows(handed)).toBe(1);
    await expectSignedOut(handed);
  });

  it("a student session with no grant (made before grants were recorded), or another student's grant, is refused", async () => {
    const w = await badgeWorld();
    const none = new Browser();
    none.cookies.set("fp_session", (await createSession(getDb(env.DB), "student", w.ids.S1)).token);
    await expectSignedOut(none);

    // Ava's live badge cannot carry a session of Maya's; the parent's guardianship of Leo cannot carry Maya's either.
    await api(w.district.token, "POST", "/students/S3/badge");
    const avaBadge = await liveBadgeRow(w.ids.S3);
    const leo = await env.DB.prepare("SELECT id FROM guardianships WHERE user_id = ? AND student_id = ?").bind(w.parentId, w.ids.S2).first<{ id: string }>();
    for (const grant of [avaBadge!.id, leo!.id]) {
      const b = new Browser();
      b.cookies.set("fp_session", (await createSession(getDb(env.DB), "student", w.ids.S1, null, grant)).token);
      await expectSignedOut(b);
    }
  });

  it("costs no extra D1 round trip: the session, the student with their grant, and the portal in one batch", async () => {
    const w = await badgeWorld();
    const device = await badgeSession(w);
    const counter = countingD1(env.DB);
    const ctx = createExecutionContext();
    const res = await app.request(`${ORIGIN}/student`, { headers: { cookie: `fp_session=${device.session}` }, redirect: "manual" }, { ...env, DB: counter.db }, ctx);
    expect(res.status).toBe(200);
    expect(await pageText(res)).toContain("Hi, Maya!");
    await waitOnExecutionContext(ctx);
    // One batch: the session, the student with the grant (the id's mark says it is a student's), and the portal's own two.
    expect(counter.roundTrips()).toBe(1);
    expect(counter.count()).toBe(4);
  });
});

/** A second parent, connected to `studentId`, whose browser can download that child's badge. */
async function secondParentOf(w: BadgeWorld, studentId: string): Promise<Browser> {
  return browserAs("parent", (await parentOf(w.district.id, [studentId], { name: "Mei Chen" })).id);
}
