import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Browser, browserAs, countRows, htmx, insertParent, messageWorld, pageText, startThread, storedMessages, teacherWorld, threadRow } from "./world";

const navText = async (res: Response) => ((await res.text()).match(/<nav aria-label="Main">[\s\S]*?<\/nav>/)?.[0] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("a parent's Messages", () => {
  it("the tab appears once a teacher has written; the list shows who, about which child, and unread counts; opening marks read", async () => {
    const { w, users } = await messageWorld();
    const rosa = await browserAs("parent", users.rosa.id);
    expect(await navText(await rosa.get("/"))).not.toContain("Messages");

    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Maya did great on her reading test today.");
    expect(await threadRow(id)).toMatchObject({ last_sender_kind: "teacher", guardian_unread: 1, teacher_unread: 0, guardian_user_id: users.rosa.id, student_id: w.ids.S1 });

    expect(await navText(await rosa.get("/"))).toContain("Messages 1 unread conversation");
    const list = await rosa.get("/messages");
    expect(list.status).toBe(200);
    const listText = await pageText(list);
    expect(listText).toContain("Ana Rivera about Maya");
    expect(listText).toContain("1 new");
    expect(listText).toContain("photos, videos and attachments aren't supported");

    const page = await rosa.get(`/messages/${id}`);
    expect(page.status).toBe(200);
    const text = await pageText(page);
    expect(text).toContain("About Maya Johnson. Only you and Ana Rivera see this conversation.");
    expect(text).toContain("Ana Rivera ·");
    expect(text).toContain("Maya did great on her reading test today.");
    expect(text).toContain("Text only: photos, videos and attachments can't be sent.");
    expect((await threadRow(id))?.guardian_unread).toBe(0);
    expect(await navText(await rosa.get("/"))).toMatch(/Messages Ideas/);
  });

  it("a reply goes back 303 to the thread, is stored once, and shows as unread for the teacher", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    const res = await rosa.post(`/messages/${id}`, { body: "  Thank you!\r\nSee you Friday.  " }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/messages/${id}#reply`);
    expect(await storedMessages(id)).toEqual([
      { seq: 1, sender_kind: "teacher", body: "Hello from school!" },
      { seq: 2, sender_kind: "guardian", body: "Thank you!\nSee you Friday." },
    ]);
    expect(await threadRow(id)).toMatchObject({ last_sender_kind: "guardian", teacher_unread: 1, guardian_unread: 0 });

    const teacherList = await pageText(await t1.get("/teacher/messages"));
    expect(teacherList).toContain("Rosa Johnson about Maya Johnson");
    expect(teacherList).toContain("1 new");
    const teacherPage = await pageText(await t1.get(`/teacher/messages/${id}`));
    expect(teacherPage).toContain("Rosa Johnson ·");
    expect(teacherPage).toContain("See you Friday.");
    expect((await threadRow(id))?.teacher_unread).toBe(0);
  });

  it("a parent cannot post into a thread that does not exist or is not theirs (404, nothing stored), nor start one", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const rosasThread = await startThread(t1, w.ids.S1, users.rosa.id);
    const before = await storedMessages(rosasThread);
    const tom = await browserAs("parent", users.tom.id);
    const threadsBefore = await countRows("threads");

    for (const path of [`/messages/${rosasThread}`, "/messages/thr_aaaaaaaaaaaaaaaa", "/messages/not-a-thread", "/messages/thr_aaaaaaaaaaaaaaaa/"]) {
      const res = await tom.post(path, { body: "Let me in" }, { follow: false });
      expect(res.status, path).toBe(404);
    }
    expect(await storedMessages(rosasThread)).toEqual(before);
    expect(await storedMessages("thr_aaaaaaaaaaaaaaaa")).toEqual([]);

    // No route lets a guardian start a conversation.
    const start = await tom.post("/teacher/messages/new", { student: w.ids.S1, guardian: users.tom.id, body: "Hi teacher" }, { follow: false });
    expect([start.status, start.headers.get("location")]).toEqual([303, "/teacher/sign-in"]);
    // The list only shows (GET): a form sent to it is refused as such (405, issue 14), and stores nothing.
    expect((await tom.post("/messages", { body: "Hi" }, { follow: false })).status).toBe(405);
    expect((await tom.post("/messages/new", { body: "Hi" }, { follow: false })).status).toBe(404);
    expect(await countRows("threads")).toBe(threadsBefore);
    expect(await navText(await tom.get("/"))).not.toContain("Messages");
  });

  it("parent A cannot open parent B's thread, nor poll it; a student session is sent away", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "For Rosa only");
    const tom = await browserAs("parent", users.tom.id);
    const res = await tom.get(`/messages/${id}`);
    expect(res.status).toBe(404);
    expect(await pageText(res)).not.toContain("For Rosa only");
    const poll = await tom.request(`/messages/${id}/since/0`, { headers: htmx });
    expect(poll.status).toBe(404);
    expect(await poll.text()).toBe("");
    expect((await threadRow(id))?.guardian_unread).toBe(1);

    const student = await browserAs("student", w.ids.S1);
    expect((await student.get("/student")).status).toBe(200);
    for (const path of ["/messages", `/messages/${id}`]) {
      const r = await student.get(path, { follow: false });
      expect([r.status, r.headers.get("location")]).toEqual([303, "/student"]);
    }
    const anonymous = new Browser();
    const r = await anonymous.get(`/messages/${id}`, { follow: false });
    expect([r.status, r.headers.get("location")]).toEqual([303, `/sign-in?next=${encodeURIComponent(`/messages/${id}`)}`]);
  });

  it("a guardian the district disconnected from the child no longer sees the thread", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    await env.DB.prepare("DELETE FROM guardianships WHERE user_id = ? AND student_id = ?").bind(users.rosa.id, w.ids.S1).run();
    const rosa = await browserAs("parent", users.rosa.id);
    expect((await rosa.get(`/messages/${id}`)).status).toBe(404);
    expect((await rosa.post(`/messages/${id}`, { body: "still here?" }, { follow: false })).status).toBe(404);
    expect(await pageText(await rosa.get("/messages"))).toContain("No messages yet");
    expect(await pageText(await t1.get(`/teacher/messages/${id}`))).toContain("is no longer connected to Maya");
    const teacherPost = await t1.post(`/teacher/messages/${id}`, { body: "Hello?" });
    expect(teacherPost.status).toBe(422);
    expect((await storedMessages(id)).length).toBe(1);
  });
});

describe("what a message may contain", () => {
  it("a 10,000-character message is refused with a clear error and nothing stored (parent and teacher)", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    const long = "a".repeat(10_000);
    const res = await rosa.post(`/messages/${id}`, { body: long });
    expect(res.status).toBe(422);
    const text = await pageText(res);
    expect(text).toContain("Messages can be at most 2,000 characters, and this one has 10,000. Please shorten it, or send it in parts.");
    // What was typed is kept in the box, to shorten.
    expect(text).toContain(long);
    const teacherRes = await t1.post(`/teacher/messages/${id}`, { body: long });
    expect(teacherRes.status).toBe(422);
    expect(await pageText(teacherRes)).toContain("Messages can be at most 2,000 characters");
    const threadsBefore = await countRows("threads");
    const first = await t1.post("/teacher/messages/new", { student: w.ids.S2, guardian: users.kim.id, body: long });
    expect(first.status).toBe(422);
    expect(await countRows("threads")).toBe(threadsBefore);
    expect((await storedMessages(id)).length).toBe(1);
    expect((await threadRow(id))?.last_sender_kind).toBe("teacher");

    // 2,000 characters (emoji count as one) is fine; empty is not.
    expect((await rosa.post(`/messages/${id}`, { body: "😀".repeat(2000) }, { follow: false })).status).toBe(303);
    const empty = await rosa.post(`/messages/${id}`, { body: "   \n  " });
    expect(empty.status).toBe(422);
    expect(await pageText(empty)).toContain("Your message is empty.");
    const missing = await rosa.post(`/messages/${id}`, {});
    expect(missing.status).toBe(422);
    const extra = await rosa.post(`/messages/${id}`, { body: "hi", attachment: "x" });
    expect(extra.status).toBe(422);
    expect(await pageText(extra)).toContain("fields we don't know");
    expect((await storedMessages(id)).length).toBe(2);
  });

  it("HTML in a message is shown as text, and only http(s) links become links, safely", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const body = `<script>alert(1)</script> <b>bold</b> <img src=x onerror=alert(2)> javascript:alert(3) see https://school.example.org/path?a=1&b=2. Or http://x.test/"><svg/onload=alert(4)>`;
    const id = await startThread(t1, w.ids.S1, users.rosa.id, body);
    const rosa = await browserAs("parent", users.rosa.id);
    const html = await (await rosa.get(`/messages/${id}`)).text();
    const main = html.slice(html.indexOf('<ol id="messages"'), html.indexOf("</ol>"));
    expect(main).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(main).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(main).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(main).not.toMatch(/<(script|b|img|svg)\b/);
    expect(main).not.toContain('href="javascript');
    expect(main).toContain('<a href="https://school.example.org/path?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">');
    // The link stops before the quote; the rest is text.
    expect(main).toContain('<a href="http://x.test/" rel="noopener noreferrer nofollow" target="_blank">');
    expect(main).toContain("&quot;&gt;&lt;svg/onload=alert(4)&gt;");
    expect([...main.matchAll(/<a /g)].length).toBe(2);
  });
});

describe("new messages without a reload", () => {
  it("polling answers 204 with no body when nothing changed, and the new messages (marked read) otherwise", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    const page = await (await rosa.get(`/messages/${id}`)).text();
    expect(page).toContain(`hx-get="/messages/${id}/since/1" hx-trigger="every 5s" hx-target="#messages" hx-swap="beforeend"`);

    const idle = await rosa.request(`/messages/${id}/since/1`, { headers: htmx });
    expect(idle.status).toBe(204);
    expect(await idle.text()).toBe("");

    await t1.post(`/teacher/messages/${id}`, { body: "One more <thing>" });
    expect((await threadRow(id))?.guardian_unread).toBe(1);
    const news = await rosa.request(`/messages/${id}/since/1`, { headers: htmx });
    expect(news.status).toBe(200);
    const fragment = await news.text();
    expect(fragment).toMatch(/^<li class="msg theirs" id="m-2">/);
    expect(fragment).toContain("One more &lt;thing&gt;");
    expect(fragment).toContain(`<div id="thread-poll" hx-get="/messages/${id}/since/2" hx-trigger="every 5s" hx-target="#messages" hx-swap="beforeend" hx-swap-oob="true"></div>`);
    expect(fragment).not.toContain("<html");
    expect((await threadRow(id))?.guardian_unread).toBe(0);

    // The teacher's page sees the reply the same way.
    await rosa.post(`/messages/${id}`, { body: "Got it" });
    const teacherNews = await t1.request(`/teacher/messages/${id}/since/2`, { headers: htmx });
    expect(teacherNews.status).toBe(200);
    expect(await teacherNews.text()).toContain("Got it");
    expect((await t1.request(`/teacher/messages/${id}/since/3`, { headers: htmx })).status).toBe(204);

    // A signed-out poll asks htmx to reload the page (which then asks to sign in).
    const gone = await new Browser().request(`/messages/${id}/since/1`, { headers: htmx });
    expect(gone.status).toBe(401);
    expect(gone.headers.get("hx-refresh")).toBe("true");
    expect((await rosa.request(`/messages/${id}/since/abc`, { headers: htmx })).status).toBe(404);
  });
});

describe("a long backlog", () => {
  it("a poll returns at most 100 new messages and continues from the last one it showed; only those count as read", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "first");
    const row = (await threadRow(id))!;
    const meta = { id, districtId: w.district.id, teacherId: w.ids.T1, guardianUserId: users.rosa.id, studentId: w.ids.S1 };
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    const stub = env.MESSAGE_THREAD.getByName(id);
    for (let i = 0; i < 130; i++) expect((await stub.post(meta, { kind: "teacher", id: row.teacher_id }, "Ana Rivera", `note ${i}`)).ok).toBe(true);
    const first = await (await rosa.request(`/messages/${id}/since/1`, { headers: htmx })).text();
    expect([...first.matchAll(/<li class="msg/g)].length).toBe(100);
    expect(first).toContain(`hx-get="/messages/${id}/since/101"`);
    expect((await threadRow(id))?.guardian_unread).toBe(30);
    const rest = await (await rosa.request(`/messages/${id}/since/101`, { headers: htmx })).text();
    expect([...rest.matchAll(/<li class="msg/g)].length).toBe(30);
    expect(rest).toContain("note 129");
    expect(rest).toContain(`hx-get="/messages/${id}/since/131"`);
    expect((await threadRow(id))?.guardian_unread).toBe(0);
    // The page shows the newest 50, with a way to earlier ones (which changes nothing).
    const page = await (await rosa.get(`/messages/${id}`)).text();
    expect([...page.matchAll(/<li class="msg/g)].length).toBe(50);
    expect(page).toContain(`href="/messages/${id}?before=82"`);
    const older = await (await rosa.get(`/messages/${id}?before=82`)).text();
    expect([...older.matchAll(/<li class="msg/g)].length).toBe(50);
    expect(older).not.toContain("thread-poll");
    expect(older).toContain(`href="/messages/${id}?before=32"`);
  });
});

describe("a teacher's threads", () => {
  it("another teacher (same district or another) cannot read the thread or poll it: 404", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Private note about Maya");
    const t2 = await browserAs("teacher", w.ids.T2);
    const elsewhere = await teacherWorld();
    const other = await browserAs("teacher", elsewhere.ids.T1);
    for (const b of [t2, other]) {
      const res = await b.get(`/teacher/messages/${id}`);
      expect(res.status).toBe(404);
      expect(await pageText(res)).not.toContain("Private note");
      expect((await b.request(`/teacher/messages/${id}/since/0`, { headers: htmx })).status).toBe(404);
      expect((await b.post(`/teacher/messages/${id}`, { body: "hi" }, { follow: false })).status).toBe(404);
      expect(await pageText(await b.get("/teacher/messages"))).not.toContain("Rosa Johnson");
    }
    expect((await storedMessages(id)).length).toBe(1);
    // A parent opening a teacher thread page goes to the teacher sign-in.
    const rosa = await browserAs("parent", users.rosa.id);
    const r = await rosa.get(`/teacher/messages/${id}`, { follow: false });
    expect([r.status, r.headers.get("location")]).toEqual([303, "/teacher/sign-in"]);
  });

  it("when the teacher turns Messages off, the family can read but not reply (and is told so)", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    await t1.post("/teacher/settings/messages", { messagesEnabled: "off" });
    const rosa = await browserAs("parent", users.rosa.id);
    const page = await rosa.get(`/messages/${id}`);
    const text = await pageText(page);
    expect(text).toContain("Ana Rivera has turned off Messages for now, so you can't reply here.");
    expect(text).not.toContain("Reply to Ana Rivera");
    const res = await rosa.post(`/messages/${id}`, { body: "Hello?" });
    expect(res.status).toBe(403);
    expect(await pageText(res)).toContain("has turned off Messages");
    expect((await storedMessages(id)).length).toBe(1);
    expect((await threadRow(id))?.last_sender_kind).toBe("teacher");
  });

  it("lists threads newest first, with the name families see", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    await t1.post("/teacher/settings/name", { displayName: "Ms. Rivera" });
    const a = await startThread(t1, w.ids.S1, users.rosa.id, "first");
    const b = await startThread(t1, w.ids.S2, users.kim.id, "second");
    const html = await (await t1.get("/teacher/messages")).text();
    expect(html.indexOf(b)).toBeGreaterThan(-1);
    expect(html.indexOf(b)).toBeLessThan(html.indexOf(a));
    const rosa = await browserAs("parent", users.rosa.id);
    expect(await pageText(await rosa.get("/messages"))).toContain("Ms. Rivera about Maya");
    const kim = (await insertParent({ name: "Nobody" })).id;
    const stranger = await browserAs("parent", kim);
    expect(await pageText(await stranger.get("/messages"))).toContain("No messages yet");
  });
});
