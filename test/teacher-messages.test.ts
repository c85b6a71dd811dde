import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { countingD1 } from "../src/db/statement-counter";
import { ensureThreads, findSectionFamilies } from "../src/messaging/start";
import { api, Browser, browserAs, countRows, insertGuardianship, insertParent, messageWorld, pageText, parentOf, startThread, storedMessages, teacherWorld, threadRow, uniq } from "./world";

const threadIdsIn = (html: string) => [...new Set([...html.matchAll(/\/messages\/(thr_[a-z2-7]{16})/g)].map((m) => m[1]!))];

describe("starting a conversation with one family", () => {
  it("the class page has a Message family link per connected guardian and Message all families per class", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const html = await (await t1.get("/teacher")).text();
    expect(html).toContain(`href="/teacher/messages/new?student=${w.ids.S1}&amp;guardian=${users.rosa.id}" aria-label="Message family: Rosa Johnson about Maya Johnson"`);
    expect(html).toContain(`href="/teacher/messages/new?student=${w.ids.S2}&amp;guardian=${users.kim.id}"`);
    expect(html).toContain(`href="/teacher/messages/broadcast/${w.ids.SEC1}"`);
    expect(html).not.toContain(users.ola.id);
  });

  it("GET shows the form; POST creates the thread and lands on it; GET again goes to the existing thread", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const form = await t1.get(`/teacher/messages/new?student=${w.ids.S1}&guardian=${users.rosa.id}`);
    expect(form.status).toBe(200);
    const text = await pageText(form);
    expect(text).toContain("Message Rosa Johnson");
    expect(text).toContain("About Maya Johnson.");
    expect(text).toContain("photos, videos and attachments can't be sent");

    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Welcome!");
    const again = await t1.get(`/teacher/messages/new?student=${w.ids.S1}&guardian=${users.rosa.id}`, { follow: false });
    expect([again.status, again.headers.get("location")]).toEqual([303, `/teacher/messages/${id}#reply`]);
    // Posting the form again writes into the same thread (one thread per teacher, guardian, child).
    expect(await startThread(t1, w.ids.S1, users.rosa.id, "Second")).toBe(id);
    expect(await countRows("threads", "teacher_id = ? AND guardian_user_id = ?", w.ids.T1, users.rosa.id)).toBe(1);
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Welcome!", "Second"]);
  });

  it("only to a connected guardian of a student the teacher teaches: anything else is 404 with nothing written", async () => {
    const { w, users } = await messageWorld();
    const elsewhere = await teacherWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const other = await browserAs("teacher", elsewhere.ids.T1);
    const stranger = (await insertParent({ name: "Stranger Danger" })).id;
    const before = await countRows("threads");
    const attempts: [Browser, string, string][] = [
      [t1, w.ids.S3, users.ola.id], // Ava is T2's student
      [t1, w.ids.S1, users.kim.id], // Kim is Leo's guardian, not Maya's
      [t1, w.ids.S1, stranger], // no guardianship at all
      [other, w.ids.S1, users.rosa.id], // another district's teacher
      [t1, "stu_nope", users.rosa.id],
      [t1, w.ids.S1, "not an id"],
    ];
    for (const [b, student, guardian] of attempts) {
      expect((await b.get(`/teacher/messages/new?${new URLSearchParams({ student, guardian })}`)).status).toBe(404);
      const res = await b.post("/teacher/messages/new", { student, guardian, body: "Hi" }, { follow: false });
      expect(res.status).toBe(404);
    }
    expect(await countRows("threads")).toBe(before);
  });

  it("with Messages off the teacher cannot start a thread (403, nothing written) and is told how to turn them on", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    await t1.post("/teacher/settings/messages", { messagesEnabled: "off" });
    const page = await pageText(await t1.get(`/teacher/messages/new?student=${w.ids.S1}&guardian=${users.rosa.id}`));
    expect(page).toContain("Your Messages are off, so you can't start new conversations. Turn them on in Settings");
    const before = await countRows("threads");
    const res = await t1.post("/teacher/messages/new", { student: w.ids.S1, guardian: users.rosa.id, body: "Hi" });
    expect(res.status).toBe(403);
    const bc = await t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "Hi all" });
    expect(bc.status).toBe(403);
    expect(await countRows("threads")).toBe(before);
  });
});

describe("a message to all families of a section", () => {
  it("creates one thread per guardian and child; each family sees only their own", async () => {
    const { w, users } = await messageWorld();
    // Tom also has Leo: one thread per child, so Tom gets two.
    await insertGuardianship(w.district.id, users.tom.id, w.ids.S2);
    const t1 = await browserAs("teacher", w.ids.T1);
    const form = await pageText(await t1.get(`/teacher/messages/broadcast/${w.ids.SEC1}`));
    expect(form).toContain("Message all families of Grade 3 · Room 12");
    expect(form).toContain("This goes to 4 guardians of 2 students.");
    expect(form).toContain("no family sees another family's messages or replies");

    const res = await t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "Field trip on Friday! https://school.example.org/trip" }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/teacher/messages?sent=4&failed=0");
    const listPage = await t1.get(res.headers.get("location")!);
    expect(await pageText(listPage.clone())).toContain("Sent to 4 families.");
    const ids = threadIdsIn(await listPage.text());
    expect(ids.length).toBe(4);
    const rows = await Promise.all(ids.map(threadRow));
    expect(rows.map((r) => `${r!.guardian_user_id}:${r!.student_id}`).sort()).toEqual(
      [`${users.rosa.id}:${w.ids.S1}`, `${users.tom.id}:${w.ids.S1}`, `${users.tom.id}:${w.ids.S2}`, `${users.kim.id}:${w.ids.S2}`].sort(),
    );
    for (const r of rows) expect(r).toMatchObject({ teacher_id: w.ids.T1, last_sender_kind: "teacher", guardian_unread: 1 });
    for (const id of ids) expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Field trip on Friday! https://school.example.org/trip"]);

    // Nobody sees another family's thread.
    const own = new Map(rows.map((r) => [r!.id, r!.guardian_user_id]));
    for (const [name, user] of Object.entries(users)) {
      const b = await browserAs("parent", user.id);
      const mine = threadIdsIn(await (await b.get("/messages")).text()).sort();
      expect(mine, name).toEqual(ids.filter((id) => own.get(id) === user.id).sort());
      for (const id of ids.filter((i) => own.get(i) !== user.id)) expect((await b.get(`/messages/${id}`)).status, name).toBe(404);
    }
    // Ola (another class) got nothing.
    expect(await countRows("threads", "guardian_user_id = ?", users.ola.id)).toBe(0);
  });

  it("another teacher's section, another district's, or a made-up id: 404 with nothing written; a class without connected families says so", async () => {
    const { w } = await messageWorld();
    const elsewhere = await teacherWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const before = await countRows("threads");
    for (const id of [w.ids.SEC2, elsewhere.ids.SEC1, "sec_nope", "x".repeat(80)]) {
      expect((await t1.get(`/teacher/messages/broadcast/${id}`)).status).toBe(404);
      expect((await t1.post(`/teacher/messages/broadcast/${id}`, { body: "hi" }, { follow: false })).status).toBe(404);
    }
    const lonely = await browserAs("teacher", elsewhere.ids.T1);
    expect(await pageText(await lonely.get(`/teacher/messages/broadcast/${elsewhere.ids.SEC1}`))).toContain("No families of this class are connected");
    expect((await lonely.post(`/teacher/messages/broadcast/${elsewhere.ids.SEC1}`, { body: "hi" })).status).toBe(422);
    expect((await t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "x".repeat(10_000) })).status).toBe(422);
    expect(await countRows("threads")).toBe(before);
  });

  it("thread rows for a 30-family class are made in ONE D1 batch (a few statements), and a repeat reuses them", async () => {
    const w = await teacherWorld();
    const sisIds = Array.from({ length: 30 }, (_, i) => `K${i}`);
    const roster = await api(w.district.token, "POST", "/roster", {
      students: sisIds.map((sisId) => ({ sisId, firstName: "Kid", lastName: sisId, schoolSisId: "SCH1" })),
      sections: [{ sisId: "BIG", name: "Room 30", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: sisIds }],
    });
    expect(roster.status).toBe(200);
    const sectionId = (await env.DB.prepare("SELECT id FROM sections WHERE district_id = ? AND sis_id = 'BIG'").bind(w.district.id).first<{ id: string }>())!.id;
    for (const sisId of sisIds) {
      const student = (await env.DB.prepare("SELECT id FROM students WHERE district_id = ? AND sis_id = ?").bind(w.district.id, sisId).first<{ id: string }>())!.id;
      await parentOf(w.district.id, [student], { name: `Parent ${sisId}`, email: `${uniq(sisId.toLowerCase())}@example.com` });
    }
    const teacher = { id: w.ids.T1, districtId: w.district.id };
    const data = await findSectionFamilies(getDb(env.DB), teacher, sectionId);
    expect(data?.families.length).toBe(30);
    const counter = countingD1(env.DB);
    let batches = 0;
    const db = getDb(new Proxy(counter.db, { get: (t, p) => (p === "batch" ? (s: D1PreparedStatement[]) => (batches++, t.batch(s)) : Reflect.get(t, p)) }));
    const metas = await ensureThreads(db, teacher, data!.families, Date.now());
    expect(metas.length).toBe(30);
    expect(batches).toBe(1);
    expect(counter.count()).toBeLessThanOrEqual(5);
    const again = await ensureThreads(getDb(env.DB), teacher, data!.families, Date.now());
    expect(again.map((m) => m.id).sort()).toEqual(metas.map((m) => m.id).sort());
    expect(await countRows("threads", "teacher_id = ?", w.ids.T1)).toBe(30);
  });
});

describe("teacher settings", () => {
  it("Messages on/off, the name families see, unread-message emails: saved and said", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const page = await pageText(await t1.get("/teacher/settings"));
    expect(page).toContain("Messages are on");
    expect(page).toContain("Turn Messages off");
    expect(page).toContain("Turn unread-message emails off");
    expect(page).toContain("Leave it empty to use your name on the roster: Ana Rivera.");

    const off = await t1.post("/teacher/settings/messages", { messagesEnabled: "off" }, { follow: false });
    expect([off.status, off.headers.get("location")]).toEqual([303, "/teacher/settings?done=messages-off"]);
    const after = await pageText(await t1.get("/teacher/settings?done=messages-off"));
    expect(after).toContain("Messages are off. Families can't reply");
    expect(after).toContain("Turn Messages on");
    await t1.post("/teacher/settings/messages", { messagesEnabled: "on" });
    await t1.post("/teacher/settings/notifications", { notifyUnread: "off" });
    expect(await pageText(await t1.get("/teacher/settings"))).toContain("Turn unread-message emails on");
    const row = await env.DB.prepare("SELECT messages_enabled, notify_unread, display_name FROM teachers WHERE id = ?").bind(w.ids.T1).first();
    expect(row).toEqual({ messages_enabled: 1, notify_unread: 0, display_name: null });

    await t1.post("/teacher/settings/name", { displayName: "  Ms. Rivera  " });
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    expect(await pageText(await rosa.get(`/messages/${id}`))).toContain("Ms. Rivera ·");
    await t1.post("/teacher/settings/name", { displayName: "" });
    expect((await env.DB.prepare("SELECT display_name FROM teachers WHERE id = ?").bind(w.ids.T1).first())?.display_name).toBeNull();
  });

  it("bad input is a 422 with nothing changed; other people are sent to the teacher sign-in", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const snapshot = () => env.DB.prepare("SELECT messages_enabled, notify_unread, display_name, updated_at FROM teachers WHERE id = ?").bind(w.ids.T1).first();
    const before = await snapshot();
    const cases: [string, Record<string, string>, string][] = [
      ["/teacher/settings/messages", { messagesEnabled: "maybe" }, "Choose whether Messages are on or off."],
      ["/teacher/settings/messages", {}, "Choose whether Messages are on or off."],
      ["/teacher/settings/notifications", { notifyUnread: "on", extra: "1" }, "fields we don't know"],
      ["/teacher/settings/name", { displayName: "x".repeat(201) }, "Use at most 200 characters."],
    ];
    for (const [path, fields, says] of cases) {
      const res = await t1.post(path, fields);
      expect(res.status, path).toBe(422);
      expect(await pageText(res)).toContain(says);
    }
    expect(await snapshot()).toEqual(before);

    const parent = await browserAs("parent", users.rosa.id);
    await parent.get("/");
    for (const path of ["/teacher/settings", "/teacher/messages"]) {
      const r = await parent.get(path, { follow: false });
      expect([r.status, r.headers.get("location")]).toEqual([303, "/teacher/sign-in"]);
    }
    const r = await parent.post("/teacher/settings/messages", { messagesEnabled: "off" }, { follow: false });
    expect([r.status, r.headers.get("location")]).toEqual([303, "/teacher/sign-in"]);
    const nobody = await new Browser().get("/teacher/settings", { follow: false });
    expect(nobody.headers.get("location")).toBe(`/teacher/sign-in?next=${encodeURIComponent("/teacher/settings")}`);
    expect(await snapshot()).toEqual(before);
  });
});
