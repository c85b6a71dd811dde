// Finding 9 (floods and duplicates) and finding 11 (bidi controls) for messages, and the page a
// parent gets when the teacher switched Messages off.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pageText } from "./browser";
import { browserAs, messageWorld, startThread, storedMessages } from "./messaging-fixtures";
import type { Browser } from "./browser";
import { insertGuardianship } from "./teacher-fixtures";

/** The one-time key the page's message form carries. */
async function formKey(b: Browser, path: string): Promise<string> {
  const html = await (await b.get(path)).text();
  const key = html.match(/<input type="hidden" name="key" value="([A-Za-z0-9_-]{16,64})"/)?.[1];
  if (!key) throw new Error(`no one-time key in the form of ${path}`);
  return key;
}

const textareaOf = (html: string) => html.match(/<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/)?.[1] ?? null;

describe("bidirectional controls in messages", () => {
  it("a body with U+202E is stored and shown without it, links included; older stored messages are shown without it too", async () => {
    const { w, users } = await messageWorld();
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Homework: https://school.example.org/\u202Egpj.exe \u2066see\u2069 it");
    expect((await storedMessages(id)).map((m) => m.body)).toEqual(["Homework: https://school.example.org/gpj.exe see it"]);
    const rosa = await browserAs("parent", users.rosa.id);
    await rosa.get(`/messages/${id}`);
    expect((await rosa.post(`/messages/${id}`, { body: "Thanks \u202Eenod\u202C!" }, { follow: false })).status).toBe(303);
    expect((await storedMessages(id)).at(-1)?.body).toBe("Thanks enod!");

    // A message stored before this rule (written straight into the object's storage).
    await runInDurableObject(env.MESSAGE_THREAD.getByName(id), (_o, state) => {
      state.storage.sql.exec(
        "INSERT INTO messages (seq, sender_kind, sender_id, sender_name, body, created_at) VALUES (3, 'teacher', ?, 'Ana \u202ERivera', ?, ?)",
        w.ids.T1,
        "Old: https://school.example.org/\u202Efdp.exe",
        Date.now(),
      );
    });
    for (const [b, path] of [[rosa, `/messages/${id}`], [t1, `/teacher/messages/${id}`]] as const) {
      const html = await (await b.get(path)).text();
      expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(html).toContain('<a href="https://school.example.org/fdp.exe"');
      expect(html).toContain("https://school.example.org/fdp.exe<span");
    }
    const poll = await rosa.request(`/messages/${id}/since/2`, { headers: { "hx-request": "true" } });
    expect(poll.status).toBe(200);
    expect(await poll.text()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

