// A thread is the guardian's only while the guardianship exists, and the teacher's only while they
// teach the child: the district's roster (through the API) decides, on every request.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { MessageThread } from "../src/messaging/thread-object";
import { api, browserAs, countRows, htmx, messageWorld, pageText, startThread, storedMessages, type TeacherWorld, threadRow } from "./world";

/** Each side's read position, straight from the thread object's storage. */
const readSeqs = (id: string) =>
  runInDurableObject(env.MESSAGE_THREAD.getByName(id), (_o, state) =>
    Object.fromEntries(state.storage.sql.exec<{ kind: string; read_seq: number }>("SELECT kind, read_seq FROM participants").toArray().map((r) => [r.kind, r.read_seq])),
  );

/** Disconnects a guardian from a student the way a district does: find the connection, DELETE it. */
async function disconnect(w: TeacherWorld, studentSisId: string, email: string): Promise<void> {
  const list = (await (await api(w.district.token, "GET", `/students/${studentSisId}/guardians`)).json()) as { data: { id: string; email: string }[] };
  const g = list.data.find((r) => r.email === email);
  expect(g).toBeDefined();
  expect((await api(w.district.token, "DELETE", `/students/${studentSisId}/guardians/${g!.id}`)).status).toBe(204);
}

/** SEC1 with these teachers (Maya and Leo stay enrolled). */
const putSec1 = (w: TeacherWorld, teacherSisIds: string[]) =>
  api(w.district.token, "PUT", "/sections/SEC1", { name: "Grade 3 · Room 12", schoolSisId: "SCH1", teacherSisIds, studentSisIds: ["S1", "S2"] });

/** Every call that reaches a thread object from now on (the objects run in this isolate). */
function watchThreadObjects(): () => string[] {
  const spies = (["list", "post", "markRead"] as const).map((name) => [name, vi.spyOn(MessageThread.prototype, name)] as const);
  return () => spies.flatMap(([name, spy]) => spy.mock.calls.map(() => name));
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("a guardian the district disconnects", () => {
  it("loses the thread at once: page, poll and post are 404, nothing is marked read and nothing stored", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Maya's reading report");
    const rosa = await browserAs("parent", users.rosa.id);
    await t1.post(`/teacher/messages/${id}`, { body: "And one more thing" });
    expect((await threadRow(id))?.guardian_unread).toBe(2);
    expect(await readSeqs(id)).toEqual({ teacher: 2, guardian: 0 });

    await disconnect(w, "S1", users.rosa.email);
    const objectCalls = watchThreadObjects();

    const page = await rosa.get(`/messages/${id}`);
    expect(page.status).toBe(404);
    expect(await pageText(page)).not.toContain("reading report");
    const poll = await rosa.request(`/messages/${id}/since/0`, { headers: htmx });
    expect(poll.status).toBe(404);
    expect(poll.headers.get("hx-refresh")).toBe("true");
    expect(await poll.text()).toBe("");
    const post = await rosa.post(`/messages/${id}`, { body: "Still here?" }, { follow: false });
    expect(post.status).toBe(404);
    expect(objectCalls()).toEqual([]);

    expect(await readSeqs(id)).toEqual({ teacher: 2, guardian: 0 });
    expect((await threadRow(id))?.guardian_unread).toBe(2);
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Maya's reading report", "And one more thing"]);
  });

  it("a thread id that is well formed but no thread never reaches (or creates) a thread object", async () => {
    const { users } = await messageWorld();
    const rosa = await browserAs("parent", users.rosa.id);
    const made = "thr_abcdefghijklmnop";
    const objectCalls = watchThreadObjects();
    for (const r of [
      await rosa.get(`/messages/${made}`),
      await rosa.request(`/messages/${made}/since/0`, { headers: htmx }),
      await rosa.post(`/messages/${made}`, { body: "hello?" }, { follow: false }),
    ]) expect(r.status).toBe(404);
    expect(objectCalls()).toEqual([]);
  });
});

describe("a teacher the district takes out of the section", () => {
  it("loses the threads about its students (page, poll, post, starting one, broadcasting), and gets them back when put back", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Welcome to Room 12");
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    expect((await rosa.post(`/messages/${id}`, { body: "Private reply about Maya" }, { follow: false })).status).toBe(303);
    expect(await readSeqs(id)).toEqual({ teacher: 1, guardian: 2 });

    expect((await putSec1(w, [])).status).toBe(200);
    const objectCalls = watchThreadObjects();

    const page = await t1.get(`/teacher/messages/${id}`);
    expect(page.status).toBe(404);
    expect(await pageText(page)).not.toContain("Private reply");
    const poll = await t1.request(`/teacher/messages/${id}/since/0`, { headers: htmx });
    expect([poll.status, poll.headers.get("hx-refresh"), await poll.text()]).toEqual([404, "true", ""]);
    expect((await t1.post(`/teacher/messages/${id}`, { body: "Still your teacher?" }, { follow: false })).status).toBe(404);
    expect(objectCalls()).toEqual([]);
    expect(await readSeqs(id)).toEqual({ teacher: 1, guardian: 2 });
    expect((await threadRow(id))?.teacher_unread).toBe(1);
    expect((await storedMessages(id)).length).toBe(2);

    // The list no longer offers it.
    const list = await t1.get("/teacher/messages");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).not.toContain(id);
    expect(listHtml).not.toContain("Rosa Johnson");

    // Nor can the teacher start a conversation about Maya or Leo, or write to the whole section.
    const threadsBefore = await countRows("threads");
    expect((await t1.get(`/teacher/messages/new?student=${w.ids.S1}&guardian=${users.rosa.id}`, { follow: false })).status).toBe(404);
    expect((await t1.post("/teacher/messages/new", { student: w.ids.S2, guardian: users.kim.id, body: "Hi Kim" }, { follow: false })).status).toBe(404);
    expect((await t1.get(`/teacher/messages/broadcast/${w.ids.SEC1}`)).status).toBe(404);
    expect((await t1.post(`/teacher/messages/broadcast/${w.ids.SEC1}`, { body: "Hi all" }, { follow: false })).status).toBe(404);
    expect(await countRows("threads")).toBe(threadsBefore);
    expect((await storedMessages(id)).length).toBe(2);

    // Put back: everything works again.
    expect((await putSec1(w, ["T1"])).status).toBe(200);
    const again = await t1.get(`/teacher/messages/${id}`);
    expect(again.status).toBe(200);
    expect(await pageText(again)).toContain("Private reply about Maya");
    expect((await t1.post(`/teacher/messages/${id}`, { body: "Back again" }, { follow: false })).status).toBe(303);
    expect(await pageText(await t1.get("/teacher/messages"))).toContain("Rosa Johnson");
    expect((await t1.get(`/teacher/messages/broadcast/${w.ids.SEC1}`)).status).toBe(200);
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Welcome to Room 12", "Private reply about Maya", "Back again"]);
  });

  it("a teacher who no longer teaches the child gets no unread-message email about it", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    const rosa = await browserAs("parent", users.rosa.id);
    // The parent writes while T1 still teaches Maya; then the roster takes T1 out before the email is due.
    expect((await rosa.post(`/messages/${id}`, { body: "Are you there?" }, { follow: false })).status).toBe(303);
    expect((await putSec1(w, [])).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + config(env).unreadNotifyAfterMs + 1_000);
    expect(await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(id))).toBe(true);
    expect(await countRows("outbox", "to_address = ? AND kind = 'unread_message'", w.emails.t1)).toBe(0);
  });
});

describe("a teacher who no longer teaches the child, seen from the family's side", () => {
  it("the parent still reads the conversation, is told the teacher no longer teaches the child, and a reply is refused (403, draft kept, nothing stored)", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Maya's reading report");
    const rosa = await browserAs("parent", users.rosa.id);
    expect((await putSec1(w, ["T2"])).status).toBeLessThan(300);

    const page = await pageText(await rosa.get(`/messages/${id}`));
    expect(page).toContain("reading report");
    expect(page).toContain("no longer teaches Maya");
    const reply = await rosa.post(`/messages/${id}`, { body: "Into the void?" });
    expect(reply.status).toBe(403);
    expect(await pageText(reply)).toContain("Into the void?");
    expect(await storedMessages(id)).toHaveLength(1);
  });
});
