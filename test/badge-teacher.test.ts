// Teachers' badge tools: own students only (404 otherwise), void / regenerate one student or a
// whole section in one batch, the printable 2-inch label sheet, all audited as the teacher.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { countingD1 } from "../src/db/statement-counter";
import { loadSectionBadges } from "../src/badges/class-badges";
import { badgePin, badgeToken } from "../src/badges/token";
import { hashToken } from "../src/lib/random";
import { api, auditRows, BADGE_SECRET, badgeWorld, Browser, browserAs, countRows, createDistrict, idOf, liveBadgeRow, pageText, staticFile, uniq } from "./world";

/** A teacher's form post; the 303 is not followed. */
function press(t: Browser, path: string, fields: Record<string, string> = {}) {
  return t.post(path, fields, { follow: false });
}

describe("a class's badges for its teacher", () => {
  it("lists the class with each student's badge state and the buttons that apply", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await t1.get(`/teacher/sections/${w.ids.SEC1}/badges`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Badges · Grade 3 · Room 12");
    expect(text).toContain("1 of 2 students use badges");
    expect(text).toMatch(/Lopez, Maya In use since/);
    expect(text).toContain("Lopez, Leo Badges off (the district decides)");
    // Void and New badge ask first, on pages of their own (test/confirm-destructive.test.ts).
    expect(html).toContain(`href="/teacher/students/${w.ids.S1}/badge/void?section=${w.ids.SEC1}"`);
    expect(html).toContain(`href="/teacher/students/${w.ids.S1}/badge/regenerate?section=${w.ids.SEC1}"`);
    expect(html).not.toContain(`/teacher/students/${w.ids.S2}/badge/`);
    expect(html).toContain(`href="/teacher/sections/${w.ids.SEC1}/badges/print"`);
    expect(text).not.toContain("PIN");
    expect(text).not.toContain("Ava");
  });

  it("is reached from the class table: 'Void or make new badges' and 'Print badges'", async () => {
    const w = await badgeWorld();
    const html = await (await (await browserAs("teacher", w.ids.T1)).get(`/teacher/sections/${w.ids.SEC1}`)).text();
    expect(html).toContain(`href="/teacher/sections/${w.ids.SEC1}/badges"`);
    expect(html).toContain(`href="/teacher/sections/${w.ids.SEC1}/badges/print"`);
  });

  it("is a 404 for another teacher's section, another district's section or a bad id", async () => {
    const w = await badgeWorld();
    const other = await badgeWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    for (const id of [w.ids.SEC2, other.ids.SEC1, "sec_nope", "x y"]) {
      for (const suffix of ["/badges", "/badges/print"]) {
        const res = await t1.get(`/teacher/sections/${encodeURIComponent(id)}${suffix}`);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain("<svg");
      }
    }
  });

  it("shows each student's PIN when the district asks for PINs", async () => {
    const w = await badgeWorld({ pin: true });
    await api(w.district.token, "POST", "/students/S1/badge");
    const badge = await liveBadgeRow(w.ids.S1);
    const text = await pageText(await (await browserAs("teacher", w.ids.T1)).get(`/teacher/sections/${w.ids.SEC1}/badges`));
    expect(text).toContain(badgePin(BADGE_SECRET, badge!.id));
    expect(text).toContain("PINs are not printed on the labels");
  });

  it("sends parents and students to the teacher sign-in", async () => {
    const w = await badgeWorld();
    for (const b of [await browserAs("parent", w.parentId), await browserAs("student", w.ids.S1)]) {
      const res = await b.get(`/teacher/sections/${w.ids.SEC1}/badges`, { follow: false });
      expect(res.headers.get("location")).toBe("/teacher/sign-in");
      const post = await press(b, `/teacher/students/${w.ids.S1}/badge/regenerate`);
      expect(post.headers.get("location")).toBe("/teacher/sign-in");
    }
    expect(await countRows("badges", "student_id = ?", w.ids.S1)).toBe(0);
  });
});

describe("one student's badge", () => {
  it("makes a new badge (the old one dies), audited as the teacher", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const old = await liveBadgeRow(w.ids.S1);
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await press(t1, `/teacher/students/${w.ids.S1}/badge/regenerate`, { section: w.ids.SEC1 });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/teacher/sections/${w.ids.SEC1}/badges?notice=regenerated&student=${w.ids.S1}`);
    const fresh = await liveBadgeRow(w.ids.S1);
    expect(fresh!.id).not.toBe(old!.id);
    expect(fresh!.token_hash).toBe(hashToken(badgeToken(BADGE_SECRET, fresh!.id)));
    expect(await countRows("badges", "id = ? AND voided_at IS NOT NULL", old!.id)).toBe(1);
    expect(await auditRows(w.ids.S1, "badge.regenerate")).toContainEqual(expect.objectContaining({ actor_kind: "teacher", actor_id: w.ids.T1, target_id: fresh!.id }));
    const page = await pageText(await t1.get(res.headers.get("location")!));
    expect(page).toContain("Maya Lopez has a new badge. The old one no longer works");
  });

  it("voids the badge, audited as the teacher; voiding again changes nothing", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const badge = await liveBadgeRow(w.ids.S1);
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await press(t1, `/teacher/students/${w.ids.S1}/badge/void`, { section: w.ids.SEC1 });
    expect(res.headers.get("location")).toBe(`/teacher/sections/${w.ids.SEC1}/badges?notice=voided&student=${w.ids.S1}`);
    expect(await liveBadgeRow(w.ids.S1)).toBeNull();
    expect(await auditRows(w.ids.S1, "badge.void")).toEqual([expect.objectContaining({ actor_kind: "teacher", actor_id: w.ids.T1, target_id: badge!.id })]);
    const audit = await countRows("audit_log");
    const again = await press(t1, `/teacher/students/${w.ids.S1}/badge/void`, { section: w.ids.SEC1 });
    expect(again.headers.get("location")).toContain("notice=no_badge");
    expect(await countRows("audit_log")).toBe(audit);
  });

  it("can void a badge left over after the district turned badges off (so it cannot come back)", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    await api(w.district.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: false });
    const t1 = await browserAs("teacher", w.ids.T1);
    expect(await (await t1.get(`/teacher/sections/${w.ids.SEC1}/badges`)).text()).toContain(`href="/teacher/students/${w.ids.S1}/badge/void?section=${w.ids.SEC1}"`);
    expect(await pageText(await t1.get(`/teacher/students/${w.ids.S1}/badge/void?section=${w.ids.SEC1}`))).toContain("Void Maya Lopez's badge?");
    const res = await press(t1, `/teacher/students/${w.ids.S1}/badge/void`, { section: w.ids.SEC1 });
    expect(res.headers.get("location")).toContain("notice=voided");
    expect(await liveBadgeRow(w.ids.S1)).toBeNull();
  });

  it("makes no badge for a student whose badges are off", async () => {
    const w = await badgeWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await press(t1, `/teacher/students/${w.ids.S2}/badge/regenerate`, { section: w.ids.SEC1 });
    expect(res.headers.get("location")).toContain("notice=badges_off");
    expect(await countRows("badges", "student_id = ?", w.ids.S2)).toBe(0);
    expect(await pageText(await t1.get(res.headers.get("location")!))).toContain("Badges are turned off for Leo Lopez");
  });

  it("is a 404 for another teacher's student or another district's, with nothing written", async () => {
    const w = await badgeWorld();
    const other = await badgeWorld();
    await api(w.district.token, "POST", "/students/S3/badge");
    await api(other.district.token, "POST", "/students/S1/badge");
    const t1 = await browserAs("teacher", w.ids.T1);
    const before = { badges: await countRows("badges"), live: await countRows("badges", "voided_at IS NULL"), audit: await countRows("audit_log") };
    for (const id of [w.ids.S3, other.ids.S1, "stu_nope"]) {
      for (const action of ["regenerate", "void"]) {
        const res = await press(t1, `/teacher/students/${id}/badge/${action}`, { section: w.ids.SEC1 });
        expect(res.status).toBe(404);
      }
    }
    expect((await press(t1, `/teacher/students/${w.ids.S1}/badge/delete`)).status).toBe(404);
    expect(await countRows("badges")).toBe(before.badges);
    expect(await countRows("badges", "voided_at IS NULL")).toBe(before.live);
    expect(await countRows("audit_log")).toBe(before.audit);
  });
});

describe("a whole section", () => {
  it("makes new badges for everyone who uses them, in one batch, audited per student", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const old = await liveBadgeRow(w.ids.S1);
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await press(t1, `/teacher/sections/${w.ids.SEC1}/badges/regenerate`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/teacher/sections/${w.ids.SEC1}/badges?notice=class_regenerated&count=1`);
    const fresh = await liveBadgeRow(w.ids.S1);
    expect(fresh!.id).not.toBe(old!.id);
    expect(await countRows("badges", "student_id = ?", w.ids.S2)).toBe(0);
    expect(await auditRows(w.ids.S1, "badge.regenerate")).toContainEqual(expect.objectContaining({ actor_kind: "teacher", actor_id: w.ids.T1, target_id: fresh!.id }));
    // Another teacher's section: 404, nothing made.
    expect((await press(t1, `/teacher/sections/${w.ids.SEC2}/badges/regenerate`)).status).toBe(404);
    expect(await countRows("badges", "student_id = ?", w.ids.S3)).toBe(0);
  });

  it("handles a class of 120 in a few statements and one query for the sheet", async () => {
    const district = await createDistrict();
    const teacherEmail = `${uniq("big.")}@school.test`;
    const sisIds = Array.from({ length: 120 }, (_, i) => `K${i}`);
    const roster = await api(district.token, "POST", "/roster", {
      schools: [{ sisId: "SCH", name: "Big School" }],
      teachers: [{ sisId: "T", name: "Big Teacher", email: teacherEmail }],
      students: sisIds.map((s, i) => ({ sisId: s, firstName: `Kid${i}`, lastName: "Big", schoolSisId: "SCH", badgesEnabled: i % 10 !== 0 })),
      sections: [{ sisId: "SEC", name: "Assembly", schoolSisId: "SCH", teacherSisIds: ["T"], studentSisIds: sisIds }],
    });
    expect(roster.status).toBe(200);
    const teacherId = await idOf("teachers", district.id, "T");
    const sectionId = await idOf("sections", district.id, "SEC");
    const t = await browserAs("teacher", teacherId);
    expect((await press(t, `/teacher/sections/${sectionId}/badges/regenerate`)).status).toBe(303);
    expect(await countRows("badges", "district_id = ? AND voided_at IS NULL", district.id)).toBe(108);
    // Again: every old badge dies, 108 new ones.
    expect((await press(t, `/teacher/sections/${sectionId}/badges/regenerate`)).status).toBe(303);
    expect(await countRows("badges", "district_id = ? AND voided_at IS NULL", district.id)).toBe(108);
    expect(await countRows("badges", "district_id = ?", district.id)).toBe(216);
    expect(await countRows("audit_log", "district_id = ? AND action = 'badge.regenerate' AND actor_kind = 'teacher'", district.id)).toBe(216);

    const counter = countingD1(env.DB);
    const loaded = await loadSectionBadges(getDb(counter.db), { id: teacherId, districtId: district.id }, sectionId);
    expect(counter.count()).toBeLessThanOrEqual(2);
    expect(loaded!.students).toHaveLength(120);
    expect(loaded!.students.filter((s) => s.badge)).toHaveLength(108);

    const sheet = await t.get(`/teacher/sections/${sectionId}/badges/print`);
    expect(sheet.status).toBe(200);
    const html = await sheet.text();
    expect(html.match(/<li class="badge-label">/g)).toHaveLength(108);
    expect(await countRows("audit_log", "district_id = ? AND action = 'badge.view' AND actor_kind = 'teacher'", district.id)).toBe(108);
  });
});

describe("the printable label sheet", () => {
  it("lists the class as 2-inch labels with code, name and school; students without a badge as 'no badge'", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const badge = await liveBadgeRow(w.ids.S1);
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await t1.get(`/teacher/sections/${w.ids.SEC1}/badges/print`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html.match(/<li class="badge-label">/g)).toHaveLength(1);
    expect(html).toMatch(/<li class="badge-label"><div class="badge-qr"><svg [^>]*aria-label="Badge for Maya Lopez"/);
    const text = await pageText(new Response(html));
    expect(text).toContain("Badge labels · Grade 3 · Room 12");
    expect(text).toContain("Maya Lopez Oak Hill Elementary");
    expect(text).toContain("Leo Lopez: no badge (badges are off for this student)");
    expect(text).toContain("2-inch square label");
    expect(html.match(/<script /g)).toHaveLength(1);
    expect(await auditRows(w.ids.S1, "badge.view")).toEqual([
      expect.objectContaining({ actor_kind: "teacher", actor_id: w.ids.T1, target_id: badge!.id, detail: JSON.stringify({ as: "print", section: w.ids.SEC1 }) }),
    ]);
    // The labels print at two inches (the stylesheet's print rules).
    const css = await (await staticFile(html.match(/href="(\/static\/app\.[^"]+\.css)"/)![1]!)).text();
    expect(css).toContain(".badge-label{width:2in;height:2in");
    expect(css).toContain("@media print{");
  });

  it("lists a student enabled but without a badge as 'no badge'", async () => {
    const w = await badgeWorld();
    const text = await pageText(await (await browserAs("teacher", w.ids.T1)).get(`/teacher/sections/${w.ids.SEC1}/badges/print`));
    expect(text).toContain("No student in this class has a badge in use.");
    expect(text).toContain("Maya Lopez: no badge");
    expect(text).not.toContain("Maya Lopez: no badge (");
  });
});
