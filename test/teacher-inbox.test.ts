// Issue 14, item 9: the teacher's inbox shows what is new — the unread count in the navigation,
// a one-line preview with the family, the child and the time in the list, and a mark on the
// class page beside families with unread replies. Everything comes from the D1 threads row.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { deleteParentAccount } from "../src/stewardship/parent-account";
import { api, browserAs, indexSettled, messageWorld, pageText, rowsNaming, startThread, threadRow } from "./world";
import type { Browser } from "./world";

const navText = async (res: Response) => ((await res.text()).match(/<nav aria-label="Main">[\s\S]*?<\/nav>/)?.[0] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

// The thread's object writes the D1 row from its alarm (at once when quiet, once per window when
// busy): each step here waits for that write, as a person's next click would.
async function reply(parent: Browser, threadId: string, body: string) {
  await parent.get(`/messages/${threadId}`);
  expect((await parent.post(`/messages/${threadId}`, { body }, { follow: false })).status).toBe(303);
  await indexSettled(threadId);
}

async function read(teacher: Browser, threadId: string) {
  await (await teacher.get(`/teacher/messages/${threadId}`)).text();
  await indexSettled(threadId);
}

describe("the teacher's unread count", () => {
  it("shows in the navigation on every teacher page once a parent replies, and clears after reading", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const rosaThread = await startThread(t1, w.ids.S1, users.rosa.id);
    const kimThread = await startThread(t1, w.ids.S2, users.kim.id);
    expect(await navText(await t1.get("/teacher"))).toMatch(/^My classes Messages Settings/);

    await reply(await browserAs("parent", users.rosa.id), rosaThread, "Thank you!");
    await reply(await browserAs("parent", users.kim.id), kimThread, "See you Friday.");
    await reply(await browserAs("parent", users.kim.id), kimThread, "And thanks.");
    // Conversations, not messages: Kim's two replies count once.
    for (const path of ["/teacher", "/teacher/messages", "/teacher/settings"]) {
      expect(await navText(await t1.get(path))).toContain("Messages 2 unread conversations");
    }
    await read(t1, rosaThread);
    expect(await navText(await t1.get("/teacher"))).toContain("Messages 1 unread conversation");
    await read(t1, kimThread);
    expect(await navText(await t1.get("/teacher"))).toMatch(/Messages Settings/);
  });

  it("counts only the teacher's own conversations about children they teach now", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const t2 = await browserAs("teacher", w.ids.T2);
    const olaThread = await startThread(t2, w.ids.S3, users.ola.id);
    const kimThread = await startThread(t1, w.ids.S2, users.kim.id);
    await reply(await browserAs("parent", users.ola.id), olaThread, "Hi Ms. T2");
    await reply(await browserAs("parent", users.kim.id), kimThread, "Hi Ms. T1");
    expect(await navText(await t1.get("/teacher"))).toContain("Messages 1 unread conversation");
    expect(await navText(await t2.get("/teacher"))).toContain("Messages 1 unread conversation");
    // Leo leaves T1's class: his conversation is no longer T1's to open, nor counted.
    const sec1 = { name: "Grade 3 · Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1"] };
    expect((await api(w.district.token, "PUT", "/sections/SEC1", sec1)).status).toBe(200);
    expect(await navText(await t1.get("/teacher"))).not.toContain("unread");
  });
});

describe("the teacher's conversation list", () => {
  it("shows the family, the child, the time and one line of the newest message", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Field trip on Friday.");
    const long = `Thank you!\nMaya loved the ${"very ".repeat(40)}long story.`;
    await reply(await browserAs("parent", users.rosa.id), id, long);
    const html = await (await t1.get("/teacher/messages")).text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Rosa Johnson about Maya Johnson");
    expect(text).toContain("1 new");
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
    // One line: new lines folded, cut with an ellipsis.
    const preview = html.match(/<p class="thread-preview"[^>]*>([^<]*)<\/p>/)?.[1];
    expect(preview).toMatch(/^Thank you! Maya loved the very very /);
    expect(preview).toMatch(/…$/);
    expect(preview!.length).toBeLessThanOrEqual(101);
    expect((await threadRow(id)) as unknown as { last_preview: string }).toMatchObject({ last_preview: preview });
  });

  it("shows the teacher's own newest message as theirs", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    await startThread(t1, w.ids.S1, users.rosa.id, "Field trip on Friday.");
    const text = await pageText(await t1.get("/teacher/messages"));
    expect(text).toContain("You: Field trip on Friday.");
  });
});

describe("the class page", () => {
  it("marks families with unread replies, with a link to the conversation, until the teacher reads it", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    await startThread(t1, w.ids.S2, users.kim.id);
    expect(await pageText(await t1.get("/teacher"))).not.toContain("New reply");
    await reply(await browserAs("parent", users.rosa.id), id, "Thanks!");
    for (const path of ["/teacher", `/teacher/sections/${w.ids.SEC1}`]) {
      const html = await (await t1.get(path)).text();
      expect(html).toContain(`<a class="new-reply" href="/teacher/messages/${id}" aria-label="New reply from Rosa Johnson about Maya Johnson">New reply</a>`);
      expect(html.match(/class="new-reply"/g)).toHaveLength(1);
    }
    await read(t1, id);
    expect(await pageText(await t1.get("/teacher"))).not.toContain("New reply");
  });
});

describe("a parent who deletes their account", () => {
  it("takes their words out of the teacher's list too (the preview is of what they wrote)", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id);
    await reply(await browserAs("parent", users.rosa.id), id, "Our new address is 12 Elm Street.");
    expect(await pageText(await t1.get("/teacher/messages"))).toContain("Our new address is 12 Elm Street.");
    await deleteParentAccount(env, getDb(env.DB), users.rosa);
    expect(await pageText(await t1.get("/teacher/messages"))).not.toContain("12 Elm Street");
    expect(await rowsNaming(["12 Elm Street"])).toEqual([]);
  });
});
