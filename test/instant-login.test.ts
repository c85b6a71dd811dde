import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_LIMITS } from "../src/auth/sessions";
import { getDb } from "../src/db/client";
import { Browser, browserAs, call, countEveryTable, countRows, districtWithSiblings, districtWithStudent, insertGuardianship, insertParent, pageText, parentOf, postSignInForm } from "./world";


/** A parent connected to the given students, signed in (straight through a session). */
async function signedInParentOf(districtId: string, studentIds: string[]) {
  const { id } = await parentOf(districtId, studentIds);
  const b = await browserAs("parent", id);
  return { id, b, token: b.session!, sessionId: b.sessionId! };
}

const path = (studentId: string) => `/children/${studentId}/instant-login`;

describe("Instant Login on the home page", () => {
  it("is a POST form on each child's card, with what will happen said next to it, and never a link", async () => {
    const f = await districtWithSiblings();
    const p = await signedInParentOf(f.district.id, [f.maya.id, f.leo.id]);
    const res = await p.b.get("/");
    const html = await res.text();
    for (const s of [f.maya, f.leo]) {
      const card = html.slice(html.indexOf(`id="child-${s.id}"`));
      expect(card).toMatch(new RegExp(`^[^]*?<form method="post" action="${path(s.id)}"[^>]*>[^]*?<button type="submit"[^>]*>Instant Login`));
    }
    expect(html).not.toContain(`href="${path(f.maya.id)}"`);
    const text = await pageText(new Response(html));
    expect(text).toContain("Your child will be signed in on this device, and you will be signed out of Family Portal, so they can't see your account. To come back, sign in again.");
  });
});

describe("GET /children/:id/instant-login", () => {
  it("explains what will happen, shows the button, and changes nothing", async () => {
    const f = await districtWithSiblings();
    const p = await signedInParentOf(f.district.id, [f.maya.id]);
    const before = await countEveryTable();
    const res = await p.b.get(path(f.maya.id));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<form method="post" action="${path(f.maya.id)}"`);
    const text = await pageText(new Response(html));
    expect(text).toContain("Instant Login for Maya");
    expect(text).toContain("Maple Grove Elementary");
    expect(text).toContain("you will be signed out of Family Portal");
    expect(await countEveryTable()).toEqual(before);
    // Still signed in as the parent.
    expect((await p.b.get("/", { follow: false })).status).toBe(200);
    expect(await pageText(await p.b.get("/"))).toContain("Hello, Jordan Johnson");
  });

  it("is a 404 for a child who is not yours, and sends people who are not signed in to sign in first", async () => {
    const f = await districtWithSiblings();
    const p = await signedInParentOf(f.district.id, [f.maya.id]);
    expect((await p.b.get(path(f.leo.id))).status).toBe(404);
    expect((await p.b.get(path("nonsense!"))).status).toBe(404);
    const res = await new Browser().get(path(f.maya.id), { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(path(f.maya.id))}`);
  });
});

describe("POST /children/:id/instant-login", () => {
  it("ends the parent's session on this device, starts the child's, audits it and lands on the student portal", async () => {
    const f = await districtWithSiblings();
    const p = await signedInParentOf(f.district.id, [f.maya.id, f.leo.id]);
    const other = await createSession(getDb(env.DB), "parent", p.id, "the parent's laptop");
    const before = Date.now();
    const res = await p.b.post(path(f.maya.id), {}, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/student");
    expect(res.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect(p.b.session).toBeDefined();
    expect(p.b.session).not.toBe(p.token);

    // This device's parent session is gone; the parent's other device keeps its own.
    expect(await countRows("sessions", "id = ?", p.sessionId)).toBe(0);
    expect(await countRows("sessions", "id = ?", other.session.id)).toBe(1);
    const student = await env.DB.prepare("SELECT * FROM sessions WHERE kind = 'student' AND subject_id = ?").bind(f.maya.id).all<{ id: string; created_at: number; expires_at: number }>();
    expect(student.results).toHaveLength(1);
    const row = student.results[0]!;
    expect(p.b.session!.startsWith(`${row.id}.`)).toBe(true);
    expect(row.expires_at - row.created_at).toBe(SESSION_LIMITS.student.absolute);
    const audit = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'instant_login' AND student_id = ?").bind(f.maya.id).all<Record<string, unknown>>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]).toMatchObject({ actor_kind: "parent", actor_id: p.id, district_id: f.district.id, student_id: f.maya.id });
    expect(Number(audit.results[0]!.at)).toBeGreaterThanOrEqual(before);

    // The student portal shows the child, not the parent.
    const portal = await p.b.get("/student");
    expect(portal.status).toBe(200);
    const text = await pageText(portal);
    expect(text).toContain("Maya");
    expect(text).toContain("Maple Grove Elementary");
    expect(text).not.toContain("Jordan");
    expect(text).not.toContain("Leo");

    // The parent's old cookie opens nothing any more.
    const old = new Browser();
    old.cookies.set("fp_session", p.token);
    const home = await old.get("/", { follow: false });
    expect(home.status).toBe(200);
    expect(await pageText(home)).not.toContain("Hello, Jordan");
    const account = await old.get("/account", { follow: false });
    expect(account.status).toBe(303);
    expect(account.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("for a child who is not yours (another family, another district, no such id): 404, no session, nothing written", async () => {
    const f = await districtWithSiblings();
    const elsewhere = await districtWithStudent();
    const p = await signedInParentOf(f.district.id, [f.maya.id]);
    await parentOf(f.district.id, [f.leo.id]); // Leo has a guardian, just not this one.
    for (const id of [f.leo.id, elsewhere.student.id, "stu_doesnotexist", "x".repeat(300), "not an id"]) {
      const before = await countEveryTable();
      const res = await p.b.post(path(encodeURIComponent(id)), {}, { follow: false });
      expect(res.status, id).toBe(404);
      expect(await pageText(res)).toContain("This child is not connected to your account");
      expect(await countEveryTable(), id).toEqual(before);
      expect(await countRows("sessions", "kind = 'student' AND subject_id = ?", id)).toBe(0);
    }
    // The parent is still signed in.
    expect(await pageText(await p.b.get("/"))).toContain("Hello, Jordan Johnson");
  });

  it("refuses a cross-site post (403) and changes nothing", async () => {
    const f = await districtWithSiblings();
    const p = await signedInParentOf(f.district.id, [f.maya.id]);
    const before = await countEveryTable();
    const attempts: Record<string, string>[] = [{ "sec-fetch-site": "cross-site", origin: "https://evil.example" }, { origin: "https://evil.example" }, {}];
    for (const headers of attempts) {
      const res = await call(path(f.maya.id), {
        method: "POST",
        headers: { cookie: `fp_session=${p.token}`, "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "",
      });
      expect(res.status).toBe(403);
    }
    expect(await countEveryTable()).toEqual(before);
    expect(await countRows("sessions", "id = ?", p.sessionId)).toBe(1);
  });

  it("sends someone not signed in to sign in, and a student home, without starting a session", async () => {
    const f = await districtWithSiblings();
    const before = await countRows("sessions");
    const anonymous = await new Browser().post(path(f.maya.id), {}, { follow: false });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/sign-in");
    const student = await browserAs("student", f.leo.id);
    const res = await student.post(path(f.maya.id), {}, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/student");
    expect(await countRows("sessions")).toBe(before + 1);
    expect(await countRows("sessions", "kind = 'student' AND subject_id = ?", f.maya.id)).toBe(0);
  });

  it("works after a real sign-in with a password, as a parent would do it", async () => {
    const f = await districtWithSiblings();
    const user = await insertParent({ name: "Sam Rivera" });
    await insertGuardianship(f.district.id, user.id, f.ethan.id);
    const b = new Browser();
    await postSignInForm(b, user.email, user.password);
    const parentCookie = b.session!;
    expect(await pageText(await b.get("/"))).toContain("Hello, Sam Rivera");
    const landed = await b.post(path(f.ethan.id));
    expect(landed.status).toBe(200);
    const text = await pageText(landed);
    expect(text).toContain("Ethan");
    expect(text).toContain("Riverside Middle School");
    expect(b.session).not.toBe(parentCookie);
    const old = await call("/account", { headers: { cookie: `fp_session=${parentCookie}` }, redirect: "manual" });
    expect(old.status).toBe(303);
    expect(old.headers.get("location")).toMatch(/^\/sign-in/);
  });
});
