import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { browserAs, call, countRows, insertGuardianship, inboundText, messageWorld, newMessageSid, pageText, startThread, storedMessages, textsOn, textsTo, uniquePhone } from "./world";

const DELAY_MS = config(env).unreadNotifyAfterMs;

afterEach(() => vi.useRealTimers());

/** A thread whose unread notice went to Rosa by text: the teacher wrote, time passed, the alarm ran. */
async function noticedThread() {
  const mw = await messageWorld();
  const phone = await textsOn(mw.users.rosa.id);
  const t1 = await browserAs("teacher", mw.w.ids.T1);
  const id = await startThread(t1, mw.w.ids.S1, mw.users.rosa.id, "Can Maya stay after school on Friday?");
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + DELAY_MS + 1_000);
  await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(id));
  expect((await textsTo(phone, "unread_message")).length).toBe(1);
  return { ...mw, phone, t1, id };
}

const isEmptyTwiml = async (res: Response) => {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/xml");
  expect(await res.text()).toMatch(/^<\?xml[^>]*\?><Response\/>$/);
};

describe("POST /hooks/sms: a reply by text", () => {
  it("lands once in the thread of the number's latest notice, even when the provider sends it twice, marked as by text", async () => {
    const { phone, t1, id, users } = await noticedThread();
    const MessageSid = newMessageSid();
    await isEmptyTwiml(await inboundText({ From: phone, Body: "  Yes, she can stay. Thank you!  ", MessageSid }));
    await isEmptyTwiml(await inboundText({ From: phone, Body: "  Yes, she can stay. Thank you!  ", MessageSid }));
    const messages = await storedMessages(id);
    expect(messages.map((m) => [m.sender_kind, m.body])).toEqual([
      ["teacher", "Can Maya stay after school on Friday?"],
      ["guardian", "Yes, she can stay. Thank you!"],
    ]);
    const page = await pageText(await t1.get(`/teacher/messages/${id}`));
    expect(page).toContain("Yes, she can stay. Thank you!");
    expect(page).toContain("by text");
    // Nothing was texted back for a reply that went through.
    expect((await textsTo(phone)).map((t) => t.kind)).toEqual(["unread_message"]);
    // The parent's own thread shows the mark too.
    const rosa = await browserAs("parent", users.rosa.id);
    const own = await pageText(await rosa.get(`/messages/${id}`));
    expect(own).toContain("Yes, she can stay. Thank you!");
    expect(own).toContain("by text");
  });

  it("refuses a wrong or missing signature with 403 and stores nothing", async () => {
    const { phone, id } = await noticedThread();
    const wrong = await inboundText({ From: phone, Body: "forged" }, "bm90IHRoZSByaWdodCBzaWduYXR1cmU=");
    expect(wrong.status).toBe(403);
    const missing = await inboundText({ From: phone, Body: "forged" }, null);
    expect(missing.status).toBe(403);
    const stop = await inboundText({ From: phone, Body: "STOP" }, "AAAA");
    expect(stop.status).toBe(403);
    expect((await storedMessages(id)).length).toBe(1);
    expect(await countRows("sms_opt_outs", "phone = ?", phone)).toBe(0);
    expect((await textsTo(phone)).length).toBe(1);
  });

  it("answers an unknown number with empty TwiML and stores nothing", async () => {
    const stranger = uniquePhone();
    const before = await countRows("outbox", "1 = 1");
    await isEmptyTwiml(await inboundText({ From: stranger, Body: "Who is this?" }));
    expect(await countRows("outbox", "1 = 1")).toBe(before);
    expect(await countRows("sms_notices", "phone = ?", stranger)).toBe(0);
  });

  it("texts a link to choose when no notice was sent to the number, and stores nothing in any thread", async () => {
    const { w, users } = await messageWorld();
    const phone = await textsOn(users.kim.id);
    const t1 = await browserAs("teacher", w.ids.T1);
    const id = await startThread(t1, w.ids.S2, users.kim.id);
    await isEmptyTwiml(await inboundText({ From: phone, Body: "Hello?" }));
    const [choose] = await textsTo(phone, "sms_choose");
    expect(choose!.body_text).toContain(`${env.PUBLIC_URL}/messages`);
    expect((await storedMessages(id)).length).toBe(1);
  });

  it("texts a link to choose when notices about two conversations came within the hour, and posts in neither", async () => {
    const { w, users } = await messageWorld();
    const phone = await textsOn(users.rosa.id);
    await insertGuardianship(w.district.id, users.rosa.id, w.ids.S2);
    const t1 = await browserAs("teacher", w.ids.T1);
    const maya = await startThread(t1, w.ids.S1, users.rosa.id, "About Maya");
    const leo = await startThread(t1, w.ids.S2, users.rosa.id, "About Leo");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + DELAY_MS + 1_000);
    await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(maya));
    await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(leo));
    expect((await textsTo(phone, "unread_message")).length).toBe(2);
    await isEmptyTwiml(await inboundText({ From: phone, Body: "OK" }));
    expect((await textsTo(phone, "sms_choose")).length).toBe(1);
    expect((await storedMessages(maya)).length).toBe(1);
    expect((await storedMessages(leo)).length).toBe(1);
  });

  it("does not post for a parent who lost the guardianship since the notice", async () => {
    const { phone, id, users, w } = await noticedThread();
    await env.DB.prepare("DELETE FROM guardianships WHERE user_id = ? AND student_id = ?").bind(users.rosa.id, w.ids.S1).run();
    await isEmptyTwiml(await inboundText({ From: phone, Body: "Am I still connected?" }));
    expect((await storedMessages(id)).length).toBe(1);
    expect((await textsTo(phone, "sms_not_sent")).length).toBe(1);
  });
});

describe("the dev mailbox's reply-by-text form", () => {
  it("shows the form, and its post goes signed through the real route into the thread", async () => {
    const { phone, id } = await noticedThread();
    const page = await call(`/dev/mailbox?to=${encodeURIComponent(phone)}`);
    const html = await page.text();
    expect(html).toContain('action="/dev/mailbox/inbound-sms"');
    expect(html).toContain("Text message");
    const res = await call("/dev/mailbox/inbound-sms", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ From: phone, Body: "Sent from the dev mailbox" }).toString(),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect((await storedMessages(id)).map((m) => m.body)).toContain("Sent from the dev mailbox");
  });

  it("is not there outside development", async () => {
    const res = await call("/dev/mailbox/inbound-sms", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "From=%2B15550001111&Body=x" }, { ...env, ENVIRONMENT: "production" });
    expect(res.status).toBe(404);
  });
});
