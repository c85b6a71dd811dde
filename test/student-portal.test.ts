import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { countingD1 } from "../src/db/statement-counter";
import { loadStudentPortal } from "../src/student/portal";
import { api, Browser, browserAs, countEveryTable, countRows, districtWithSiblings, districtWithStudent, insertTeacher, pageText, parentOf } from "./world";

async function putLink(token: string, key: string, audience: "families" | "students" | "both", description?: string) {
  const res = await api(token, "PUT", `/links/${key}`, { title: `Link ${key}`, url: `https://${key}.example.org/start`, audience, description });
  expect(res.status).toBeLessThan(300);
}

describe("GET /student", () => {
  it("shows the student's first name, school and the district's links for students, big and opening the district's sites", async () => {
    const f = await districtWithSiblings();
    await putLink(f.district.token, "reading", "students", "Books for every grade");
    await putLink(f.district.token, "lunch", "both");
    await putLink(f.district.token, "pta", "families");
    const elsewhere = await districtWithStudent();
    await putLink(elsewhere.district.token, "other-students", "students");
    await putLink(elsewhere.district.token, "other-both", "both");

    const b = await browserAs("student", f.maya.id);
    const res = await b.get("/student");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Hi, Maya!");
    expect(text).toContain("Maple Grove Elementary");
    expect(text).toContain("Link reading");
    expect(text).toContain("Books for every grade");
    expect(text).toContain("Link lunch");
    expect(html).toContain('<a href="https://reading.example.org/start" target="_blank" rel="noopener">');
    // Families-only links and another district's links never show.
    expect(text).not.toContain("Link pta");
    expect(html).not.toContain("other-students");
    expect(html).not.toContain("other-both");
    // Sign out is a POST; no family navigation on a shared device.
    expect(html).toMatch(/<form method="post" action="\/sign-out"[^>]*>[^]*?<button type="submit">Sign out<\/button>/);
    for (const href of ["/ideas", "/account", "/help", "/messages"]) expect(html).not.toContain(`href="${href}"`);
    expect(text).not.toContain("Johnson");
  });

  it("says so when the school has no links for students", async () => {
    const f = await districtWithSiblings();
    await putLink(f.district.token, "families-only", "families");
    const b = await browserAs("student", f.ethan.id);
    const text = await pageText(await b.get("/student"));
    expect(text).toContain("Riverside Middle School");
    expect(text).toContain("Your school has not added any links here yet.");
    expect(text).not.toContain("Link families-only");
  });

  it("reads the school and the links in one round trip of two statements", async () => {
    const f = await districtWithSiblings();
    for (const k of ["a", "b", "c"]) await putLink(f.district.token, k, "students");
    const counter = countingD1(env.DB);
    const portal = await loadStudentPortal(getDb(counter.db), f.leo.id);
    expect(portal.links.map((l) => l.title)).toEqual(["Link a", "Link b", "Link c"]);
    expect(portal.schoolName).toBe("Maple Grove Elementary");
    expect(counter.count()).toBe(2);
  });

  it("sends everyone else to their own home, or to /badges to sign in", async () => {
    const f = await districtWithSiblings();
    const anonymous = await new Browser().get("/student", { follow: false });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/badges?next=%2Fstudent");
    const parent = await browserAs("parent", (await parentOf(f.district.id, [f.maya.id])).id);
    const teacher = await browserAs("teacher", await insertTeacher(f.district.id));
    for (const [who, to] of [[parent, "/"], [teacher, "/teacher"]] as const) {
      const res = await who.get("/student", { follow: false });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(to);
    }
  });

  it("Sign out ends the student session and goes to the badge sign-in page", async () => {
    const f = await districtWithSiblings();
    const b = await browserAs("student", f.maya.id);
    const sessionId = b.sessionId;
    const res = await b.post("/sign-out", {}, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/badges?signed-out=1");
    expect(await countRows("sessions", "id = ?", sessionId)).toBe(0);
    const after = await b.get("/student", { follow: false });
    expect(after.headers.get("location")).toMatch(/^\/badges/);
  });

  it("ends after eight hours however active the student is", async () => {
    const f = await districtWithSiblings();
    const b = await browserAs("student", f.maya.id);
    const sessionId = b.sessionId;
    await env.DB.prepare("UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE id = ?").bind(Date.now() - 1, Date.now(), sessionId).run();
    const res = await b.get("/student", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/badges/);
  });
});

describe("a student session reaches nothing of the family portal", () => {
  it("every parent and teacher page redirects the student away or is not found", async () => {
    const f = await districtWithSiblings();
    const b = await browserAs("student", f.maya.id);
    const pages = ["/", "/account", "/ideas", "/ideas?topic=reading", `/children/${f.maya.id}/instant-login`, "/teacher"];
    // Pages other parts of the portal add (a 404 until they exist).
    const maybeMissing = ["/messages", "/teacher/messages", `/children/${f.maya.id}/badge`, `/children/${f.maya.id}/badge.png`];
    for (const page of [...pages, ...maybeMissing]) {
      const res = await b.get(page, { follow: false });
      if (res.status === 404 && maybeMissing.includes(page)) continue;
      expect(res.status, page).toBe(303);
      // Home for a student is the student portal; teacher pages send to the teacher sign-in.
      expect(["/student", "/teacher/sign-in"], page).toContain(res.headers.get("location"));
    }
  });

  it("posts to parent pages are refused and change nothing", async () => {
    const f = await districtWithSiblings();
    const parentId = (await parentOf(f.district.id, [f.maya.id])).id;
    const parent = await browserAs("parent", parentId);
    const b = await browserAs("student", f.maya.id);
    const before = await countEveryTable();
    const suggestions = await countRows("idea_suggestions");
    const posts: [string, Record<string, string>][] = [
      ["/account/name", { name: "Hacked" }],
      ["/account/notifications", {}],
      ["/account/sessions/end-others", {}],
      [`/account/sessions/${parent.sessionId}/end`, {}],
      ["/ideas/suggest", { text: "A student wrote this", topic: "reading" }],
      [`/children/${f.maya.id}/instant-login`, {}],
      [`/children/${f.leo.id}/instant-login`, {}],
      ["/messages", { body: "hello" }],
    ];
    for (const [page, fields] of posts) {
      const res = await b.post(page, fields, { follow: false });
      expect([303, 404], page).toContain(res.status);
      if (res.status === 303) expect(res.headers.get("location"), page).toBe("/student");
    }
    expect(await countEveryTable()).toEqual(before);
    expect(await countRows("idea_suggestions")).toBe(suggestions);
    expect(await countRows("users", "id = ? AND name = 'Jordan Johnson'", parentId)).toBe(1);
    expect(await countRows("sessions", "id = ?", parent.sessionId)).toBe(1);
    // And the student is still a student.
    expect((await b.get("/student")).status).toBe(200);
  });
});
