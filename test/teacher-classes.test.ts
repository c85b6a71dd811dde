import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { countingD1 } from "../src/db/statement-counter";
import { loadTeacherClasses } from "../src/teacher/classes";
import { api, Browser, browserAs, call, contactIdFor, countRows, insertGuardianship, insertParent, inviteTo, ORIGIN, pageText, type TeacherWorld, teacherWorld, uniq } from "./world";

interface Family {
  w: TeacherWorld;
  addr: Record<"rosa" | "tom" | "kim" | "lee" | "sam" | "jo" | "ola", string>;
  contacts: Record<"rosa" | "tom" | "kim" | "lee" | "sam" | "jo" | "ola", string>;
  invitations: Record<"rosa" | "tom" | "kim" | "lee" | "sam" | "ola", string>;
}

/**
 * T1's class SEC1: Maya (S1) with Rosa (pending) and Tom (accepted, connected); Leo (S2) with Kim
 * (expired), Lee (revoked), Sam (disputed) and Jo (on record, never invited). T2's SEC2: Ava (S3)
 * with Ola (pending).
 */
async function family(): Promise<Family> {
  const w = await teacherWorld();
  const addr = {
    rosa: `${uniq("rosa.")}@example.com`,
    tom: `${uniq("tom.")}@example.com`,
    kim: `${uniq("kim.")}@example.com`,
    lee: `${uniq("lee.")}@example.com`,
    sam: `${uniq("sam.")}@example.com`,
    jo: `${uniq("jo.")}@example.com`,
    ola: `${uniq("ola.")}@example.com`,
  };
  const d = w.district;
  const invitations = {
    rosa: (await inviteTo(d, "S1", addr.rosa, { name: "Rosa Johnson", relationship: "mother" })).id,
    tom: (await inviteTo(d, "S1", addr.tom, { name: "Tom Johnson", relationship: "father" })).id,
    kim: (await inviteTo(d, "S2", addr.kim, { name: "Kim Brown", relationship: "parent" })).id,
    lee: (await inviteTo(d, "S2", addr.lee, { name: "Lee Brown", relationship: "parent" })).id,
    sam: (await inviteTo(d, "S2", addr.sam, { name: "Sam Brown", relationship: "parent" })).id,
    ola: (await inviteTo(d, "S3", addr.ola, { name: "Ola Patel", relationship: "parent" })).id,
  };
  const t = Date.now();
  const tom = (await insertParent({ name: "Tom Johnson", email: addr.tom })).id;
  await env.DB.prepare("UPDATE invitations SET status = 'accepted', accepted_at = ?, accepted_by_user_id = ? WHERE id = ?").bind(t, tom, invitations.tom).run();
  await insertGuardianship(d.id, tom, w.ids.S1, { invitationId: invitations.tom });
  await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?").bind(t - 1000, invitations.kim).run();
  expect((await api(d.token, "DELETE", `/invitations/${invitations.lee}`)).status).toBe(200);
  await env.DB.prepare("UPDATE invitations SET status = 'disputed', disputed_at = ? WHERE id = ?").bind(t, invitations.sam).run();
  const jo = uniq("gcn_");
  await env.DB.prepare("INSERT INTO guardian_contacts (id, district_id, student_id, channel, address, name, relationship, created_at, updated_at) VALUES (?, ?, ?, 'email', ?, 'Jo Brown', 'aunt', ?, ?)")
    .bind(jo, d.id, w.ids.S2, addr.jo, t, t)
    .run();
  const contacts = {
    rosa: await contactIdFor(invitations.rosa),
    tom: await contactIdFor(invitations.tom),
    kim: await contactIdFor(invitations.kim),
    lee: await contactIdFor(invitations.lee),
    sam: await contactIdFor(invitations.sam),
    jo,
    ola: await contactIdFor(invitations.ola),
  };
  return { w, addr, contacts, invitations };
}

/** The text of the contact's list item on the page (its name, address, status and button). */
function contactLine(html: string, address: string): string {
  const items = html.split("<li>").map((part) => part.split("</li>")[0] ?? "");
  const item = items.find((i) => i.includes(address));
  if (!item) throw new Error(`no contact ${address} on the page`);
  return item.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ").trim();
}

/** The table row of a student: guardians and contacts. */
function studentRow(html: string, name: string): string {
  const rows = html.split("<tr>").map((part) => part.split("</tr>")[0] ?? "");
  const row = rows.find((r) => r.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}

const invitePath = (studentId: string, contactId: string) => `/teacher/students/${studentId}/contacts/${contactId}/invite`;

const writes = async () => ({
  invitations: await countRows("invitations"),
  outbox: await countRows("outbox"),
  audit: await countRows("audit_log"),
  contacts: await countRows("guardian_contacts"),
});

async function teacherBrowser(teacherId: string): Promise<Browser> {
  const b = await browserAs("teacher", teacherId);
  await b.get("/teacher"); // picks up the CSRF cookie, as a real visit would
  return b;
}

describe("GET /teacher", () => {
  it("lists the teacher's sections, students, connected guardians and each contact's invitation status", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    const res = await b.get("/teacher");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("My classes");
    expect(text).toContain("Grade 3 · Room 12");
    expect(text).toContain("Lincoln Elementary · 2 students");
    expect(html).toContain(`href="/teacher/sections/${f.w.ids.SEC1}"`);
    // Another teacher's class and student are not there.
    expect(text).not.toContain("Grade 1 · Room 4");
    expect(text).not.toContain("Patel");
    expect(html).not.toContain(f.addr.ola);

    expect(studentRow(html, "Johnson, Maya")).toContain("Tom Johnson");
    expect(studentRow(html, "Brown, Leo")).toContain("None yet");

    expect(contactLine(html, f.addr.rosa)).toMatch(/^Rosa Johnson \(mother\) · \S+ Pending \(link works until \w{3} \d{1,2}, \d{4}\) Send again$/);
    expect(contactLine(html, f.addr.tom)).toMatch(/Tom Johnson \(father\) · \S+ Accepted$/);
    expect(contactLine(html, f.addr.kim)).toMatch(/Kim Brown \(parent\) · \S+ Expired on \w{3} \d{1,2}, \d{4} Send a new invitation$/);
    expect(contactLine(html, f.addr.lee)).toMatch(/Revoked by the district$/);
    expect(contactLine(html, f.addr.sam)).toMatch(/Disputed \("not my child"\)$/);
    expect(contactLine(html, f.addr.jo)).toMatch(/Jo Brown \(aunt\) · \S+ Not invited yet Send invitation$/);
    // Every button posts a real form to the teacher's own student and contact.
    expect(html).toContain(`action="${invitePath(f.w.ids.S1, f.contacts.rosa)}"`);
    expect(html).toContain('aria-label="Send again to Rosa Johnson for Maya Johnson"');
  });

  it("says so when the teacher has no classes", async () => {
    const w = await teacherWorld();
    await api(w.district.token, "PUT", "/sections/SEC1", { name: "Grade 3 · Room 12", schoolSisId: "SCH1", teacherSisIds: [] });
    const b = await teacherBrowser(w.ids.T1);
    expect(await pageText(await b.get("/teacher"))).toContain("You have no classes on the roster yet");
  });

  it("reads a fixed number of statements however many sections and students", async () => {
    const w = await teacherWorld();
    const count = async () => {
      const counter = countingD1(env.DB);
      const sections = await loadTeacherClasses(getDb(counter.db), { id: w.ids.T1, districtId: w.district.id }, Date.now());
      return { statements: counter.count(), students: sections.reduce((n, s) => n + s.students.length, 0), sections: sections.length };
    };
    expect(await count()).toEqual({ statements: 4, students: 2, sections: 1 });

    const sisIds = Array.from({ length: 60 }, (_, i) => `X${i}`);
    const roster = await api(w.district.token, "POST", "/roster", {
      students: sisIds.map((sisId) => ({ sisId, firstName: "Kid", lastName: sisId, schoolSisId: "SCH1" })),
      sections: [
        { sisId: "SEC3", name: "Room 3", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: sisIds.slice(0, 30) },
        { sisId: "SEC4", name: "Room 4", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: sisIds.slice(30) },
      ],
    });
    expect(roster.status).toBe(200);
    const batch = await api(w.district.token, "POST", "/invitations/batch", { invitations: sisIds.map((s) => ({ studentSisId: s, email: `${s.toLowerCase()}.${uniq("p")}@example.com` })) });
    expect(batch.status).toBe(200);
    expect(await count()).toEqual({ statements: 4, students: 62, sections: 3 });
  });
});

describe("GET /teacher/sections/:id", () => {
  it("shows one of the teacher's own sections", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    const res = await b.get(`/teacher/sections/${f.w.ids.SEC1}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Grade 3 · Room 12</h1>");
    expect(contactLine(html, f.addr.rosa)).toContain("Pending");
    // Its forms come back to this page.
    expect(html).toContain(`name="back" value="/teacher/sections/${f.w.ids.SEC1}"`);
  });

  it("another teacher's section, another district's, or a made-up id is a 404", async () => {
    const f = await family();
    const elsewhere = await teacherWorld();
    const b = await teacherBrowser(f.w.ids.T1);
    for (const id of [f.w.ids.SEC2, elsewhere.ids.SEC1, "sec_doesnotexist", "../../etc", "x".repeat(100)]) {
      const res = await b.get(`/teacher/sections/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
      const text = await pageText(res);
      expect(text).toContain("Class not found");
      expect(text).not.toContain("Patel");
    }
  });
});

describe("POST /teacher/students/:studentId/contacts/:contactId/invite", () => {
  it("resends a pending invitation: a new link, exactly one email, audited as the teacher", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    const before = await writes();
    const oldHash = await env.DB.prepare("SELECT token_hash FROM invitations WHERE id = ?").bind(f.invitations.rosa).first<string>("token_hash");

    const res = await b.post(invitePath(f.w.ids.S1, f.contacts.rosa), { back: "/teacher" }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/teacher?notice=resent&contact=${f.contacts.rosa}`);
    expect(await writes()).toEqual({ ...before, outbox: before.outbox + 1, audit: before.audit + 1 });
    expect(await countRows("outbox", "to_address = ? AND kind = 'invitation'", f.addr.rosa)).toBe(2);
    const inv = await env.DB.prepare("SELECT token_hash, send_count FROM invitations WHERE id = ?").bind(f.invitations.rosa).first<{ token_hash: string; send_count: number }>();
    expect(inv?.token_hash).not.toBe(oldHash);
    expect(inv?.send_count).toBe(2);
    expect(await countRows("audit_log", "action = 'invitation.resend' AND actor_kind = 'teacher' AND actor_id = ? AND target_id = ?", f.w.ids.T1, f.invitations.rosa)).toBe(1);

    const page = await pageText(await b.get(res.headers.get("location")!));
    expect(page).toContain("A new invitation is on its way to Rosa Johnson for Maya Johnson");
  });

  it("sends a fresh link for an expired invitation, which is pending again", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    const before = await writes();
    const res = await b.post(invitePath(f.w.ids.S2, f.contacts.kim), { back: `/teacher/sections/${f.w.ids.SEC1}` }, { follow: false });
    expect(res.headers.get("location")).toBe(`/teacher/sections/${f.w.ids.SEC1}?notice=resent&contact=${f.contacts.kim}`);
    expect(await writes()).toEqual({ ...before, outbox: before.outbox + 1, audit: before.audit + 1 });
    const html = await (await b.get(res.headers.get("location")!)).text();
    expect(contactLine(html, f.addr.kim)).toContain("Pending");
  });

  it("creates the first invitation for a contact on record that never had one (audited as the teacher, not the district)", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    const before = await writes();
    const res = await b.post(invitePath(f.w.ids.S2, f.contacts.jo), { back: "/teacher" }, { follow: false });
    expect(res.headers.get("location")).toBe(`/teacher?notice=created&contact=${f.contacts.jo}`);
    expect(await writes()).toEqual({ ...before, invitations: before.invitations + 1, outbox: before.outbox + 1, audit: before.audit + 1 });
    const created = await env.DB.prepare("SELECT id, contact_id, status FROM invitations WHERE address = ?").bind(f.addr.jo).first<{ id: string; contact_id: string; status: string }>();
    expect(created).toMatchObject({ contact_id: f.contacts.jo, status: "pending" });
    expect(await countRows("audit_log", "action = 'invitation.create' AND actor_kind = 'teacher' AND actor_id = ? AND target_id = ?", f.w.ids.T1, created!.id)).toBe(1);
    expect(await countRows("audit_log", "actor_kind = 'district' AND target_id = ?", created!.id)).toBe(0);
    // The contact's name was kept.
    expect(await countRows("guardian_contacts", "id = ? AND name = 'Jo Brown' AND relationship = 'aunt'", f.contacts.jo)).toBe(1);
    const page = await b.get(res.headers.get("location")!);
    const html = await page.text();
    expect(html).toContain("An invitation is on its way to Jo Brown for Leo Brown");
    expect(contactLine(html, f.addr.jo)).toContain("Pending");
  });

  it("accepted: nothing to do; revoked or disputed: refused with the reason; nothing written", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    const before = await writes();
    const cases = [
      { student: f.w.ids.S1, contact: f.contacts.tom, notice: "accepted", says: "Tom Johnson has already accepted the invitation for Maya Johnson: nothing to send" },
      { student: f.w.ids.S2, contact: f.contacts.lee, notice: "revoked", says: "The district withdrew the invitation to Lee Brown for Leo Brown" },
      { student: f.w.ids.S2, contact: f.contacts.sam, notice: "disputed", says: "Sam Brown said Leo Brown is not their child, so nothing was sent" },
    ];
    for (const c of cases) {
      const res = await b.post(invitePath(c.student, c.contact), { back: "/teacher" }, { follow: false });
      expect(res.headers.get("location")).toBe(`/teacher?notice=${c.notice}&contact=${c.contact}`);
      expect(await pageText(await b.get(res.headers.get("location")!))).toContain(c.says);
    }
    expect(await writes()).toEqual(before);
  });

  it("only for the teacher's own students: another teacher, another student's contact, made-up ids are 404 with nothing written", async () => {
    const f = await family();
    const elsewhere = await teacherWorld();
    const before = await writes();
    const t1 = await teacherBrowser(f.w.ids.T1);
    const t2 = await teacherBrowser(f.w.ids.T2);
    const other = await teacherBrowser(elsewhere.ids.T1);
    const attempts: [Browser, string][] = [
      [t2, invitePath(f.w.ids.S1, f.contacts.rosa)], // T2 does not teach Maya
      [t1, invitePath(f.w.ids.S3, f.contacts.ola)], // T1 does not teach Ava
      [t1, invitePath(f.w.ids.S2, f.contacts.rosa)], // Rosa is Maya's contact, not Leo's
      [t1, invitePath(f.w.ids.S1, f.contacts.ola)],
      [other, invitePath(f.w.ids.S1, f.contacts.rosa)], // another district's teacher
      [t1, invitePath("stu_nope", f.contacts.rosa)],
      [t1, invitePath(f.w.ids.S1, "not an id")],
    ];
    for (const [b, path] of attempts) {
      const res = await b.post(path, { back: "/teacher" }, { follow: false });
      expect(res.status).toBe(404);
    }
    expect(await writes()).toEqual(before);
  });

  it("sends people without a teacher session to the teacher sign-in, and refuses cross-site posts", async () => {
    const f = await family();
    const before = await writes();
    const parent = await browserAs("parent", (await insertParent({ name: "Pat Parent" })).id);
    await parent.get("/teacher/sign-in");
    const asParent = await parent.post(invitePath(f.w.ids.S1, f.contacts.rosa), {}, { follow: false });
    expect([asParent.status, asParent.headers.get("location")]).toEqual([303, "/teacher/sign-in"]);
    const anonymous = new Browser();
    await anonymous.get("/teacher/sign-in");
    const asNobody = await anonymous.post(invitePath(f.w.ids.S1, f.contacts.rosa), {}, { follow: false });
    expect([asNobody.status, asNobody.headers.get("location")]).toEqual([303, "/teacher/sign-in"]);

    const t1 = await teacherBrowser(f.w.ids.T1);
    const crossSite = await call(invitePath(f.w.ids.S1, f.contacts.rosa), {
      method: "POST",
      headers: { cookie: `fp_session=${t1.session}`, "content-type": "application/x-www-form-urlencoded", origin: "https://evil.test", "sec-fetch-site": "cross-site" },
      body: "back=%2Fteacher",
    });
    expect(crossSite.status).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it("goes back only to a teacher page", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    for (const back of ["https://evil.test/", "//evil.test", "/teacher/../admin", "/teacher/sections/x/y"]) {
      const res = await b.post(invitePath(f.w.ids.S1, f.contacts.tom), { back }, { follow: false });
      expect(new URL(res.headers.get("location")!, ORIGIN).pathname).toBe("/teacher");
    }
  });

  it("limits sends to one contact (three an hour), whoever presses the button", async () => {
    const f = await family();
    const b = await teacherBrowser(f.w.ids.T1);
    for (let i = 0; i < 3; i++) {
      expect((await b.post(invitePath(f.w.ids.S1, f.contacts.rosa), { back: "/teacher" }, { follow: false })).headers.get("location")).toContain("notice=resent");
    }
    const before = await writes();
    const fourth = await b.post(invitePath(f.w.ids.S1, f.contacts.rosa), { back: "/teacher" }, { follow: false });
    expect(fourth.headers.get("location")).toBe(`/teacher?notice=rate_limited&contact=${f.contacts.rosa}`);
    expect(await pageText(await b.get(fourth.headers.get("location")!))).toContain("this one was not sent");
    expect(await writes()).toEqual(before);
    expect(await countRows("outbox", "to_address = ?", f.addr.rosa)).toBe(4);
  });
});
