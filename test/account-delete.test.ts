import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runMaintenance } from "../src/stewardship/maintenance";
import { browserAs, countRows, DEFAULT_PASSWORD, pageText, parentOf, startThread, storedMessages, teacherWorld } from "./world";


/** A parent (with DEFAULT_PASSWORD, or Google only) connected to Maya, in a thread with her teacher where both wrote. */
async function parentInThread(opts: { google?: boolean } = {}) {
  const w = await teacherWorld();
  const parent = await parentOf(w.district.id, [w.ids.S1], { name: "Rosa Johnson", ...(opts.google ? { password: null, googleSub: `g-${Date.now()}-${Math.random()}` } : {}) });
  const teacher = await browserAs("teacher", w.ids.T1);
  const threadId = await startThread(teacher, w.ids.S1, parent.id, "Maya did well today.");
  const b = await browserAs("parent", parent.id);
  expect((await b.post(`/messages/${threadId}`, { body: "Thank you! Rosa's private reply." }, { follow: false })).status).toBeLessThan(400);
  return { w, parent, teacher, threadId, b };
}

describe("/account/delete", () => {
  it("after the password: account emptied, sessions and guardianships gone, the teacher sees a former guardian", async () => {
    const { parent, teacher, threadId, b } = await parentInThread();
    const page = await b.get("/account");
    expect(await pageText(page)).toContain("Delete my account");
    const form = await b.get("/account/delete");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('type="password"');

    const wrong = await b.post("/account/delete", { password: "not my password" }, { follow: false });
    expect(wrong.status).toBe(422);
    expect(await pageText(wrong)).toContain("That is not your password.");
    expect(await countRows("guardianships", "user_id = ?", parent.id)).toBe(1);

    // The used sign-up that made the account (name, password hash) waits for the nightly purge: it goes now.
    await env.DB.prepare("INSERT INTO sign_up_attempts (id, email, name, password_hash, payload, token_hash, created_at, expires_at, used_at) VALUES (?, ?, 'Rosa Johnson', 'h', '{}', ?, ?, ?, ?)")
      .bind(`sua_${parent.id}`, parent.email, `used:${parent.id}`, Date.now(), Date.now() + 3600_000, Date.now())
      .run();
    const res = await b.post("/account/delete", { password: DEFAULT_PASSWORD }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?done=account-deleted");
    expect(await countRows("sign_up_attempts", "email = ?", parent.email)).toBe(0);
    expect(await pageText(await b.get("/?done=account-deleted"))).toContain("Your account is deleted");

    const user = await env.DB.prepare("SELECT email, name, password_hash, google_sub FROM users WHERE id = ?").bind(parent.id).first<Record<string, unknown>>();
    expect(user).toMatchObject({ name: "Former guardian", password_hash: null, google_sub: null });
    expect(String(user?.email)).toMatch(/@deleted\.invalid$/);
    expect(await countRows("users", "email = ?", parent.email)).toBe(0);
    expect(await countRows("sessions", "kind = 'parent' AND subject_id = ?", parent.id)).toBe(0);
    expect(await countRows("guardianships", "user_id = ?", parent.id)).toBe(0);
    expect(await countRows("outbox", "to_address = ?", parent.email)).toBe(0);
    expect(await countRows("audit_log", "action = 'account.delete' AND actor_id = ? AND json_extract(detail, '$.forget') IS NULL", parent.id)).toBe(1);

    // The old cookie opens nothing.
    expect((await b.get("/account", { follow: false })).status).toBe(303);
    // The teacher keeps the conversation: their message stays, the parent's words and name are gone.
    const view = await pageText(await teacher.get(`/teacher/messages/${threadId}`));
    expect(view).toContain("Maya did well today.");
    expect(view).toContain("Former guardian");
    expect(view).not.toContain("Rosa");
    const stored = await storedMessages(threadId);
    expect(stored.map((m) => m.body).join(" ")).not.toContain("private reply");
    expect(stored.find((m) => m.sender_kind === "teacher")?.body).toBe("Maya did well today.");
  });

  it("a Google-only account confirms by typing its email address", async () => {
    const { parent, b } = await parentInThread({ google: true });
    const form = await b.get("/account/delete");
    expect(await pageText(form)).toContain("Type your email address to confirm");
    expect((await b.post("/account/delete", { email: "someone.else@example.com" }, { follow: false })).status).toBe(422);
    expect(await countRows("guardianships", "user_id = ?", parent.id)).toBe(1);
    const res = await b.post("/account/delete", { email: ` ${parent.email.toUpperCase()} ` }, { follow: false });
    expect(res.status).toBe(303);
    expect(await countRows("guardianships", "user_id = ?", parent.id)).toBe(0);
    expect(await countRows("users", "id = ? AND google_sub IS NULL", parent.id)).toBe(1);
  });

  it("the nightly job finishes a thread a crash left unforgotten", async () => {
    const { parent, threadId, b } = await parentInThread();
    expect((await b.post("/account/delete", { password: DEFAULT_PASSWORD }, { follow: false })).status).toBe(303);
    // As if the request died after the D1 batch: the list is back, and the object still has the words.
    await env.DB.prepare("UPDATE audit_log SET detail = json_set(detail, '$.forget', json_array(?)) WHERE action = 'account.delete' AND actor_id = ?").bind(threadId, parent.id).run();
    const { runInDurableObject } = await import("cloudflare:test");
    await runInDurableObject(env.MESSAGE_THREAD.getByName(threadId), (_o, state) => {
      state.storage.sql.exec("UPDATE messages SET body = 'left behind' WHERE sender_kind = 'guardian'");
    });
    const figures = await runMaintenance(env);
    expect(figures.threadObjects.erased).toBeGreaterThanOrEqual(1);
    expect((await storedMessages(threadId)).map((m) => m.body).join(" ")).not.toContain("left behind");
    expect(await countRows("audit_log", "action = 'account.delete' AND actor_id = ? AND json_extract(detail, '$.forget') IS NOT NULL", parent.id)).toBe(0);
  });

  it("needs a signed-in parent and the form's own fields", async () => {
    const { parent, b } = await parentInThread();
    expect((await b.post("/account/delete", { password: DEFAULT_PASSWORD, extra: "x" }, { follow: false })).status).toBe(422);
    expect(await countRows("guardianships", "user_id = ?", parent.id)).toBe(1);
  });
});
