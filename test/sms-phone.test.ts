import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { browserAs, confirmEmail, districtWithStudent, insertParent, latestLinkToken, pageText, postInvitation, signUpThrough, uniquePhone } from "./world";

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? "";
const codesTo = async (phone: string) =>
  (await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ? AND kind = 'phone_code' AND channel = 'sms' ORDER BY created_at, rowid").bind(phone).all<{ body_text: string }>()).results;
const phoneOf = (id: string) => env.DB.prepare("SELECT phone, phone_verified_at, notify_sms, notify_unread FROM users WHERE id = ?").bind(id).first<{ phone: string | null; phone_verified_at: number | null; notify_sms: number; notify_unread: number }>();

afterEach(() => vi.useRealTimers());

describe("a verified phone on the account", () => {
  it("sends a 6-digit code by text (stored hashed) and the right code verifies the number in E.164, once", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const phone = uniquePhone();
    const typed = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const sent = await b.post("/account/phone", { phone: typed });
    expect(sent.status).toBe(200);
    expect(await pageText(sent)).toContain("We sent you a code by text");
    const [text] = await codesTo(phone);
    const code = codeIn(text!.body_text);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await env.DB.prepare("SELECT code_hash FROM phone_codes WHERE user_id = ?").bind(parent.id).first<{ code_hash: string }>();
    expect(stored!.code_hash).not.toContain(code);

    expect((await phoneOf(parent.id))!.phone_verified_at).toBeNull();
    const ok = await b.post("/account/phone/verify", { code });
    expect(await pageText(ok)).toContain("Your mobile number is confirmed");
    const row = await phoneOf(parent.id);
    expect(row!.phone).toBe(phone);
    expect(row!.phone_verified_at).not.toBeNull();

    // Reused: refused.
    const again = await b.post("/account/phone/verify", { code }, { follow: false });
    expect(again.status).toBe(422);
    expect(await pageText(again)).toContain("already used");
  });

  it("refuses a wrong code, stops after 5 tries, and refuses an expired code", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const phone = uniquePhone();
    await b.post("/account/phone", { phone });
    const code = codeIn((await codesTo(phone))[0]!.body_text);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 4; i++) {
      const res = await b.post("/account/phone/verify", { code: wrong }, { follow: false });
      expect(res.status).toBe(422);
      expect(await pageText(res)).toContain("That code is not right");
    }
    const fifth = await b.post("/account/phone/verify", { code: wrong }, { follow: false });
    expect(fifth.status).toBe(429);
    // Even the right code is refused now.
    const late = await b.post("/account/phone/verify", { code }, { follow: false });
    expect(late.status).toBe(429);
    expect(await pageText(late)).toContain("Too many wrong codes");
    expect((await phoneOf(parent.id))!.phone_verified_at).toBeNull();

    // A new code, 10 minutes and a second later: expired.
    await b.post("/account/phone", { phone });
    const fresh = codeIn((await codesTo(phone))[1]!.body_text);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1_000);
    const expired = await b.post("/account/phone/verify", { code: fresh }, { follow: false });
    expect(expired.status).toBe(422);
    expect(await pageText(expired)).toContain("expired");
    expect((await phoneOf(parent.id))!.phone_verified_at).toBeNull();
  });

  it("sends at most 3 codes an hour per account", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const phone = uniquePhone();
    for (let i = 0; i < 3; i++) expect((await b.post("/account/phone", { phone }, { follow: false })).status).toBe(303);
    const fourth = await b.post("/account/phone", { phone }, { follow: false });
    expect(fourth.status).toBe(429);
    expect(await pageText(fourth)).toContain("wait an hour");
    expect((await codesTo(phone)).length).toBe(3);
  });

  it("refuses what is not a phone number, and text notices without a verified number", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const bad = await b.post("/account/phone", { phone: "call me" }, { follow: false });
    expect(bad.status).toBe(422);
    expect(await pageText(bad)).toContain("Enter a mobile number");
    const text = await b.post("/account/notify-by", { notifyBy: "text" }, { follow: false });
    expect(text.status).toBe(422);
    expect((await phoneOf(parent.id))!.notify_sms).toBe(0);
    expect((await b.post("/account/notify-by", { notifyBy: "none" }, { follow: false })).status).toBe(303);
    expect(await phoneOf(parent.id)).toMatchObject({ notify_sms: 0, notify_unread: 0 });
  });
});

describe("a phone verified by a text-message invitation", () => {
  it("is the account's verified number once the parent joined from the link the text carried", async () => {
    const f = await districtWithStudent();
    const phone = uniquePhone();
    const { status, json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, phone });
    expect(status).toBe(201);
    const token = await latestLinkToken(phone, "/i/");
    const email = `sms-join-${Date.now()}@example.com`;
    const { browser } = await signUpThrough({ id: json.id, token }, email);
    await confirmEmail(browser, email);
    const user = await env.DB.prepare("SELECT id FROM users WHERE email = ?").bind(email).first<{ id: string }>();
    expect(user).not.toBeNull();
    const row = await phoneOf(user!.id);
    expect(row!.phone).toBe(phone);
    expect(row!.phone_verified_at).not.toBeNull();
    // So text notices may be chosen straight away.
    const b = await browserAs("parent", user!.id);
    expect((await b.post("/account/notify-by", { notifyBy: "both" }, { follow: false })).status).toBe(303);
  });
});

describe("deleting the account", () => {
  it("forgets the phone, its codes, the texts to it and the notices replies were matched to", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const phone = uniquePhone();
    await b.post("/account/phone", { phone });
    const code = codeIn((await codesTo(phone))[0]!.body_text);
    await b.post("/account/phone/verify", { code });
    expect((await phoneOf(parent.id))!.phone).toBe(phone);
    const res = await b.post("/account/delete", { password: parent.password }, { follow: false });
    expect(res.status).toBe(303);
    expect(await phoneOf(parent.id)).toMatchObject({ phone: null, phone_verified_at: null, notify_sms: 0 });
    expect(await codesTo(phone)).toEqual([]);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM phone_codes WHERE user_id = ?").bind(parent.id).first<{ n: number }>())!.n).toBe(0);
  });
});
