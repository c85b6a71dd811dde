import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { segmentCount } from "../src/sms/segments";
import { buildUnreadText } from "../src/sms/notice-text";
import { localeFor } from "../src/i18n/locale";
import { browserAs, messageWorld, startThread, textsOn } from "./world";

const DELAY_MS = config(env).unreadNotifyAfterMs;

function advance(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
}

afterEach(() => {
  vi.useRealTimers();
});

const outboxTo = async (to: string) =>
  (await env.DB.prepare("SELECT kind, channel, body_text, subject FROM outbox WHERE to_address = ? ORDER BY created_at, rowid").bind(to).all<{ kind: string; channel: string; body_text: string; subject: string | null }>()).results;

describe("the unread notice by text", () => {
  it("goes exactly once, in the parent's language, with the thread's link and no message text; the thread it was for is recorded", async () => {
    const { w, users } = await messageWorld();
    const phone = await textsOn(users.rosa.id, { language: "es" });
    const t1 = await browserAs("teacher", w.ids.T1);
    await t1.post("/teacher/settings/name", { displayName: "Ms. Rivera" });
    const id = await startThread(t1, w.ids.S1, users.rosa.id, "Secret: Maya's test score is 98");
    advance(DELAY_MS + 1_000);
    const stub = env.MESSAGE_THREAD.getByName(id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    const texts = await outboxTo(phone);
    expect(texts.length).toBe(1);
    const [sms] = texts;
    expect(sms!.channel).toBe("sms");
    expect(sms!.kind).toBe("unread_message");
    expect(sms!.body_text).toContain(`${env.PUBLIC_URL}/messages/${id}`);
    expect(sms!.body_text).toContain("nuevo mensaje de Ms. Rivera sobre Maya");
    expect(sms!.body_text).toContain("Responda a este mensaje");
    expect(sms!.body_text).not.toContain("98");
    expect(segmentCount(sms!.body_text)).toBeLessThanOrEqual(2);
    // Text only: no email.
    expect(await outboxTo(users.rosa.email)).toEqual([]);
    const notice = await env.DB.prepare("SELECT phone, thread_id, user_id FROM sms_notices WHERE phone = ?").bind(phone).all();
    expect(notice.results).toEqual([{ phone, thread_id: id, user_id: users.rosa.id }]);
  });

  it("with both chosen sends the email and the text; with the district's setting on, the text carries at most 60 characters of the message", async () => {
    const { w, users } = await messageWorld();
    const phone = await textsOn(users.rosa.id, { email: true });
    await env.DB.prepare("UPDATE districts SET sms_preview = 1 WHERE id = ?").bind(w.district.id).run();
    const t1 = await browserAs("teacher", w.ids.T1);
    const body = "Field trip tomorrow: please bring a packed lunch and a water bottle, and wear good shoes.";
    const id = await startThread(t1, w.ids.S1, users.rosa.id, body);
    advance(DELAY_MS + 1_000);
    await runDurableObjectAlarm(env.MESSAGE_THREAD.getByName(id));
    const [sms] = await outboxTo(phone);
    expect(sms!.body_text).toContain("Field trip tomorrow");
    expect(sms!.body_text).not.toContain("wear good shoes");
    expect(sms!.body_text).toContain(`/messages/${id}`);
    const mail = await outboxTo(users.rosa.email);
    expect(mail.map((m) => m.channel)).toEqual(["email"]);
    expect(mail[0]!.body_text).not.toContain("Field trip");
  });
});

describe("the text's length", () => {
  it("fits two SMS by shortening the names, never the link, in English and in Spanish", async () => {
    const link = "https://portal.example.org/messages/thr_abcdefghijklmnop";
    for (const lang of ["en", "es"]) {
      const text = buildUnreadText({ writerName: "Dr. Maria Guadalupe Fernandez-Villanueva de la Cruz y Montenegro".repeat(3), childFirstName: "Maximiliano Alejandro".repeat(4), link, preview: null }, await localeFor(lang));
      expect(segmentCount(text)).toBeLessThanOrEqual(2);
      expect(text).toContain(link);
    }
    // A preview that forces UCS-2 (an emoji) is shortened or dropped, still within two parts.
    const text = buildUnreadText({ writerName: "Ms. Rivera", childFirstName: "Maya", link, preview: "🎉 Great news about the science fair! Maya's project won first place in the district." }, await localeFor("en"));
    expect(segmentCount(text)).toBeLessThanOrEqual(2);
    expect(text).toContain(link);
  });
});
