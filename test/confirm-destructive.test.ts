// Issue 14, item 10: nothing destructive in one tap. Voiding a badge, a student's new badge (the
// old one dies), new badges for a whole class, and signing out another device each ask on a page
// of their own (a plain form: works without JavaScript) that says exactly what will stop working.
// Until the confirmation is pressed nothing changes.
import { describe, expect, it } from "vitest";
import { api, badgeWorld, browserAs, countRows, insertParent, liveBadgeRow, pageText } from "./world";

const formsIn = (html: string) => [...html.matchAll(/<form [^>]*action="([^"]+)"/g)].map((m) => m[1]!);

describe("the class's badge page", () => {
  it("offers Void, New badge and new badges for the class as links to their confirmation pages, not as buttons that act", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const t1 = await browserAs("teacher", w.ids.T1);
    const html = await (await t1.get(`/teacher/sections/${w.ids.SEC1}/badges`)).text();
    expect(formsIn(html).filter((a) => a.startsWith("/teacher/"))).toEqual([]);
    expect(html).toContain(`href="/teacher/students/${w.ids.S1}/badge/void?section=${w.ids.SEC1}"`);
    expect(html).toContain(`href="/teacher/students/${w.ids.S1}/badge/regenerate?section=${w.ids.SEC1}"`);
    expect(html).toContain(`href="/teacher/sections/${w.ids.SEC1}/badges/regenerate"`);
  });
});

describe("voiding a badge", () => {
  it("asks first, saying what stops working; nothing changes until the teacher confirms", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const before = await liveBadgeRow(w.ids.S1);
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await t1.get(`/teacher/students/${w.ids.S1}/badge/void?section=${w.ids.SEC1}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Void Maya Lopez's badge?");
    expect(text).toContain("Maya's badge stops working at once: the printed badge and the badge picture on the family's phone no longer log in");
    expect(text).toContain("Anyone logged in with it on a school device is signed out.");
    expect(formsIn(html)).toContain(`/teacher/students/${w.ids.S1}/badge/void`);
    expect(html).toContain(`<input type="hidden" name="section" value="${w.ids.SEC1}"`);
    expect(html).toContain(`href="/teacher/sections/${w.ids.SEC1}/badges">Cancel</a>`);
    expect(await liveBadgeRow(w.ids.S1)).toEqual(before);

    const done = await t1.post(`/teacher/students/${w.ids.S1}/badge/void`, { section: w.ids.SEC1 });
    expect(await pageText(done)).toContain("Maya Lopez's badge no longer works.");
    expect(await liveBadgeRow(w.ids.S1)).toBeNull();
  });

  it("says there is nothing to void when there is no badge, and is a 404 for a student the teacher does not teach", async () => {
    const w = await badgeWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const none = await t1.get(`/teacher/students/${w.ids.S1}/badge/void?section=${w.ids.SEC1}`, { follow: false });
    expect(none.status).toBe(303);
    expect(none.headers.get("location")).toBe(`/teacher/sections/${w.ids.SEC1}/badges?notice=no_badge&student=${w.ids.S1}`);
    for (const id of [w.ids.S3, "stu_nope"]) {
      expect((await t1.get(`/teacher/students/${id}/badge/void`)).status).toBe(404);
      expect((await t1.get(`/teacher/students/${id}/badge/regenerate`)).status).toBe(404);
    }
  });
});

describe("a student's new badge", () => {
  it("asks first when it replaces a badge in use; a first badge is made from the page without asking", async () => {
    const w = await badgeWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    // No badge yet: the page's Make a badge is a button (nothing to lose).
    const first = await (await t1.get(`/teacher/sections/${w.ids.SEC1}/badges`)).text();
    expect(formsIn(first)).toContain(`/teacher/students/${w.ids.S1}/badge/regenerate`);
    await api(w.district.token, "POST", "/students/S1/badge");
    const before = await liveBadgeRow(w.ids.S1);
    const res = await t1.get(`/teacher/students/${w.ids.S1}/badge/regenerate?section=${w.ids.SEC1}`);
    expect(res.status).toBe(200);
    const text = await pageText(res);
    expect(text).toContain("Make a new badge for Maya Lopez?");
    expect(text).toContain("Maya's badge in use now stops working at once");
    expect(await liveBadgeRow(w.ids.S1)).toEqual(before);
  });
});

describe("new badges for the whole class", () => {
  it("asks first, naming how many badges stop working; the page's own form makes them", async () => {
    const w = await badgeWorld();
    await api(w.district.token, "POST", "/students/S1/badge");
    const before = await liveBadgeRow(w.ids.S1);
    const t1 = await browserAs("teacher", w.ids.T1);
    const res = await t1.get(`/teacher/sections/${w.ids.SEC1}/badges/regenerate`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Make new badges for Grade 3 · Room 12?");
    expect(text).toContain("The 1 badge in use in this class stops working at once");
    expect(formsIn(html)).toContain(`/teacher/sections/${w.ids.SEC1}/badges/regenerate`);
    expect(await liveBadgeRow(w.ids.S1)).toEqual(before);
    expect((await t1.get(`/teacher/sections/${w.ids.SEC2}/badges/regenerate`)).status).toBe(404);
  });
});

describe("signing out another device", () => {
  it("asks first, naming the device; nothing ends until the parent confirms", async () => {
    const parent = await insertParent();
    const other = { id: (await browserAs("parent", parent.id, "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36")).sessionId! };
    const me = await browserAs("parent", parent.id);
    const account = await (await me.get("/account")).text();
    expect(formsIn(account).filter((a) => a.startsWith("/account/sessions"))).toEqual([]);
    expect(account).toContain(`href="/account/sessions/${other.id}/end"`);
    expect(account).toContain(`href="/account/sessions/end-others"`);

    const res = await me.get(`/account/sessions/${other.id}/end`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toMatch(/Sign out Chrome on Android\?/);
    expect(text).toContain("Family Portal on that device is signed out at once");
    expect(formsIn(html)).toContain(`/account/sessions/${other.id}/end`);
    expect(await countRows("sessions", "id = ?", other.id)).toBe(1);
    expect(await pageText(await me.post(`/account/sessions/${other.id}/end`))).toContain("signed out");
    expect(await countRows("sessions", "id = ?", other.id)).toBe(0);
    // Another account's session, or a made-up one: not found.
    expect((await me.get(`/account/sessions/${other.id}/end`)).status).toBe(404);
  });

  it("asks before signing out every other device", async () => {
    const parent = await insertParent();
    await browserAs("parent", parent.id, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1");
    const me = await browserAs("parent", parent.id);
    const res = await me.get("/account/sessions/end-others");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await pageText(new Response(html))).toContain("Sign out your 1 other device?");
    expect(formsIn(html)).toContain("/account/sessions/end-others");
    expect(await countRows("sessions", "kind = 'parent' AND subject_id = ?", parent.id)).toBe(2);
  });
});
