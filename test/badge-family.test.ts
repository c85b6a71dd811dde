// The parent's badge pages: only for their own children, only when the district enabled badges;
// the first look issues the badge; every look is audited; download and print.
import { describe, expect, it } from "vitest";
import { badgePin, badgeToken } from "../src/badges/token";
import { hashToken } from "../src/lib/random";
import { api, auditRows, BADGE_SECRET, badgeWorld, Browser, browserAs, countRows, downloadBadge, insertGuardianship, insertParent, liveBadgeRow, pageText } from "./world";

describe("a child's badge for the parent", () => {
  it("shows the code, name, school and the three steps, issuing the badge on the first look (audited)", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    expect(await liveBadgeRow(w.ids.S1)).toBeNull();

    const res = await parent.get(`/children/${w.ids.S1}/badge`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="Badge for Maya Lopez"/);
    const text = await pageText(new Response(html));
    expect(text).toContain("Maya's badge");
    expect(text).toContain("Maya Lopez");
    expect(text).toContain("Oak Hill Elementary");
    expect(text).toContain("Open the badge on your phone");
    expect(text).toContain("go to 127.0.0.1:8787/badges");
    expect(text).toContain("Hold your phone up to the webcam");
    expect(html).toContain(`href="/children/${w.ids.S1}/badge.png"`);
    expect(html).toContain(`href="/children/${w.ids.S1}/badge/print"`);
    expect(text).not.toContain("PIN");
    // The page itself has no script but htmx.
    expect(html.match(/<script /g)).toHaveLength(1);

    const badge = await liveBadgeRow(w.ids.S1);
    expect(badge).not.toBeNull();
    expect(badge!.token_hash).toBe(hashToken(badgeToken(BADGE_SECRET, badge!.id)));
    expect(await auditRows(w.ids.S1, "badge.issue")).toEqual([
      expect.objectContaining({ actor_kind: "parent", actor_id: w.parentId, target_id: badge!.id }),
    ]);
    expect(await auditRows(w.ids.S1, "badge.view")).toEqual([
      expect.objectContaining({ actor_kind: "parent", actor_id: w.parentId, target_id: badge!.id, detail: JSON.stringify({ as: "page" }) }),
    ]);

    // A second look shows the same badge and is audited again.
    const again = await parent.get(`/children/${w.ids.S1}/badge`);
    expect(again.status).toBe(200);
    expect(await pageText(again)).not.toContain("first badge");
    expect(await countRows("badges", "student_id = ?", w.ids.S1)).toBe(1);
    expect(await auditRows(w.ids.S1, "badge.view")).toHaveLength(2);
  });

  it("issues one badge when two first looks race, so no saved badge dies", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    const [a, b] = await Promise.all([parent.get(`/children/${w.ids.S1}/badge.png`), parent.get(`/children/${w.ids.S1}/badge.png`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
    expect(await countRows("badges", "student_id = ?", w.ids.S1)).toBe(1);
    expect(await auditRows(w.ids.S1, "badge.issue")).toHaveLength(1);
  });

  it("shows the badge the district made, and the district's new badge after a regeneration", async () => {
    const w = await badgeWorld();
    const made = await api(w.district.token, "POST", "/students/S1/badge");
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const parent = await browserAs("parent", w.parentId);
    const first = await downloadBadge(parent, w.ids.S1);
    expect(first).toBe(`FPBADGE:${badgeToken(BADGE_SECRET, id)}`);
    expect(await auditRows(w.ids.S1, "badge.issue")).toHaveLength(0);

    await api(w.district.token, "POST", "/students/S1/badge");
    const second = await downloadBadge(parent, w.ids.S1);
    expect(second).not.toBe(first);
  });

  it("never replaces a badge the school voided (it says to ask the school); the school's new badge shows", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    await downloadBadge(parent, w.ids.S1);
    expect((await api(w.district.token, "DELETE", "/students/S1/badge")).status).toBe(204);
    for (const path of [`/children/${w.ids.S1}/badge`, `/children/${w.ids.S1}/badge.png`]) {
      const res = await parent.get(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain("<svg");
      expect(await pageText(new Response(html))).toContain("Maya's badge was turned off by the school");
    }
    expect(await liveBadgeRow(w.ids.S1)).toBeNull();
    expect(await countRows("badges", "student_id = ?", w.ids.S1)).toBe(1);
    expect((await api(w.district.token, "POST", "/students/S1/badge")).status).toBe(201);
    expect((await parent.get(`/children/${w.ids.S1}/badge`)).status).toBe(200);
    expect(await pageText(await parent.get(`/children/${w.ids.S1}/badge`))).toContain("Maya's badge");
    expect(await countRows("badges", "student_id = ?", w.ids.S1)).toBe(2);
  });

  it("downloads the badge as a PNG named after the child, never cached, audited", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    const res = await parent.get(`/children/${w.ids.S1}/badge.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="badge-maya.png"');
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    await res.arrayBuffer();
    const badge = await liveBadgeRow(w.ids.S1);
    expect(await downloadBadge(parent, w.ids.S1)).toBe(`FPBADGE:${badgeToken(BADGE_SECRET, badge!.id)}`);
    expect((await auditRows(w.ids.S1, "badge.view")).map((r) => r.detail)).toEqual([JSON.stringify({ as: "png" }), JSON.stringify({ as: "png" })]);
  });

  it("has a print page with the badge and the browser's print, no script", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    const res = await parent.get(`/children/${w.ids.S1}/badge/print`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<svg ");
    expect(html).toContain("badge-printable");
    const text = await pageText(new Response(html));
    expect(text).toContain("Print Maya's badge");
    expect(text).toContain("Show to the webcam at 127.0.0.1:8787/badges");
    expect(html.match(/<script /g)).toHaveLength(1);
    expect((await auditRows(w.ids.S1, "badge.view")).map((r) => r.detail)).toEqual([JSON.stringify({ as: "print" })]);
  });

  it("shows the 6-digit PIN beside the badge when the district asks for one (not on the print)", async () => {
    const w = await badgeWorld({ pin: true });
    const parent = await browserAs("parent", w.parentId);
    const text = await pageText(await parent.get(`/children/${w.ids.S1}/badge`));
    const badge = await liveBadgeRow(w.ids.S1);
    expect(badge!.pin_hash).not.toBeNull();
    const pin = badgePin(BADGE_SECRET, badge!.id);
    expect(text).toContain(`${pin.slice(0, 3)} ${pin.slice(3)}`);
    expect(text).toContain("Your child types this after showing the badge");
    const print = await pageText(await parent.get(`/children/${w.ids.S1}/badge/print`));
    expect(print).not.toContain(`${pin.slice(0, 3)} ${pin.slice(3)}`);
  });

  it("says badges are not used when the district has them off for the child, and makes none", async () => {
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    for (const path of [`/children/${w.ids.S2}/badge`, `/children/${w.ids.S2}/badge.png`, `/children/${w.ids.S2}/badge/print`]) {
      const res = await parent.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      const html = await res.text();
      expect(html).not.toContain("<svg");
      expect(await pageText(new Response(html))).toContain("Badges are not used for Leo at this school.");
    }
    expect(await countRows("badges", "student_id = ?", w.ids.S2)).toBe(0);
  });

  it("is a 404 for another family's child or another district's student, with nothing made or logged", async () => {
    const w = await badgeWorld();
    const other = await badgeWorld();
    const stranger = (await insertParent({ name: "Sam Stranger" })).id;
    await insertGuardianship(w.district.id, stranger, w.ids.S3); // Ava's parent, not Maya's
    const b = await browserAs("parent", stranger);
    const before = { badges: await countRows("badges"), audit: await countRows("audit_log") };
    for (const id of [w.ids.S1, other.ids.S1, "stu_nope", "../../x"]) {
      for (const suffix of ["/badge", "/badge.png", "/badge/print"]) {
        const res = await b.get(`/children/${encodeURIComponent(id)}${suffix}`);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain("<svg");
      }
    }
    expect(await countRows("badges")).toBe(before.badges);
    expect(await countRows("audit_log")).toBe(before.audit);
    // Their own child works.
    expect((await b.get(`/children/${w.ids.S3}/badge`)).status).toBe(200);
  });

  it("sends people who are not signed in to sign in, and teachers and students home", async () => {
    const w = await badgeWorld();
    const anon = await new Browser().get(`/children/${w.ids.S1}/badge`, { follow: false });
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(`/children/${w.ids.S1}/badge`)}`);
    const teacher = await (await browserAs("teacher", w.ids.T1)).get(`/children/${w.ids.S1}/badge.png`, { follow: false });
    expect(teacher.headers.get("location")).toBe("/teacher");
    const student = await (await browserAs("student", w.ids.S1)).get(`/children/${w.ids.S1}/badge`, { follow: false });
    expect(student.headers.get("location")).toBe("/student");
    expect(await countRows("badges", "student_id = ?", w.ids.S1)).toBe(0);
  });
});
