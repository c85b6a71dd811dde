import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { createSession, validateSessionToken } from "../src/auth/sessions";
import { verifyPassword } from "../src/auth/password";
import { describeDevice } from "../src/accounts/device";
import { en } from "./i18n-source";
import { newId } from "../src/lib/random";
import { api, Browser, browserAs, countRows, createDistrict, insertParent, pageText, userRow } from "./world";

const db = () => getDb(env.DB);

const PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
const IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe("account settings: who may see them", () => {
  it("sends a visitor who is not signed in to sign in, and changes nothing on POST", async () => {
    const res = await new Browser().get("/account", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?next=%2Faccount");
    const post = await new Browser().post("/account/name", { name: "Intruder" }, { follow: false });
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toBe("/sign-in");
  });

  it("sends a signed-in teacher to their own pages", async () => {
    const d = await createDistrict();
    expect((await api(d.token, "PUT", "/teachers/T1", { name: "Ms Lee", email: "lee@school.test" })).status).toBeLessThan(300);
    const teacher = await env.DB.prepare("SELECT id FROM teachers WHERE district_id = ?").bind(d.id).first<{ id: string }>();
    const b = await browserAs("teacher", teacher!.id);
    for (const res of [await b.get("/account", { follow: false }), await b.post("/account/name", { name: "Teacher" }, { follow: false })]) {
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/teacher");
    }
  });

  it("shows the name, the email with why it cannot change, how unread messages are told and this device", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id, PHONE_UA);
    const res = await b.get("/account");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Account settings");
    expect(html).toContain(`value="${parent.name}"`);
    expect(text).toContain(parent.email);
    expect(text).toContain("can't be changed");
    expect(text).toContain("ask your child's school district to send a new invitation");
    expect(html).toMatch(/<input id="f-notifyBy-email" name="notifyBy" type="radio" value="email" checked/);
    expect(text).toContain("after 3 hours");
    expect(text).toContain("Chrome on Android · this device");
    expect(text).toContain("You're not signed in anywhere else");
    expect(html).toContain('autocomplete="current-password"');
  });
});

describe("account settings: name", () => {
  it("saves a trimmed name and says so", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    await b.get("/account");
    const res = await b.post("/account/name", { name: "  Alex Rivera  " }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account?done=name");
    expect((await userRow(parent.id))?.name).toBe("Alex Rivera");
    const page = await pageText(await b.get("/account?done=name"));
    expect(page).toContain("Your name is saved.");
  });

  it("refuses an empty, over-long or missing name, or an extra field, with 422 and keeps the old one", async () => {
    const parent = await insertParent({ name: "Robin Rivera" });
    const other = await insertParent({ name: "Sam Stranger" });
    const b = await browserAs("parent", parent.id);
    const cases: [Record<string, string>, string][] = [
      [{ name: "   " }, "Enter your name."],
      [{}, "Enter your name."],
      [{ name: "x".repeat(201) }, "at most 200"],
      // Settings never take an account id: another family's account cannot be named.
      [{ name: "Hijacked", userId: other.id }, "fields we don't know"],
    ];
    for (const [fields, message] of cases) {
      const res = await b.post("/account/name", fields);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await pageText(res)).toContain(message);
    }
    expect((await userRow(parent.id))?.name).toBe(parent.name);
    expect((await userRow(other.id))?.name).toBe(other.name);
  });
});

describe("account settings: unread-message emails", () => {
  it("the page has ONE control for them: 'When a teacher writes' (email, text, both, neither), not a second checkbox", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const html = await (await b.get("/account")).text();
    expect(html).not.toContain('name="notifyUnread"');
    expect(html).not.toContain('action="/account/notifications"');
    expect(html.match(/name="notifyBy" type="radio"/g)).toHaveLength(4);
    expect(html).toMatch(/id="f-notifyBy-email" name="notifyBy" type="radio" value="email" checked/);
    // Turned off there, the page says so on the same control.
    expect((await b.post("/account/notify-by", { notifyBy: "none" }, { follow: false })).status).toBe(303);
    expect((await userRow(parent.id))?.notifyUnread).toBe(false);
    expect(await (await b.get("/account")).text()).toMatch(/id="f-notifyBy-none" name="notifyBy" type="radio" value="none" checked/);
  });

  it("the earlier checkbox form still works if posted (a page saved before it went): off unticked, on ticked", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const off = await b.post("/account/notifications", {}, { follow: false });
    expect(off.headers.get("location")).toBe("/account?done=notifications-off");
    expect((await userRow(parent.id))?.notifyUnread).toBe(false);
    const on = await b.post("/account/notifications", { notifyUnread: "on" }, { follow: false });
    expect(on.headers.get("location")).toBe("/account?done=notifications-on");
    expect((await userRow(parent.id))?.notifyUnread).toBe(true);
  });

  it("refuses a value other than the checkbox's with 422, shown on the one control", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const res = await b.post("/account/notifications", { notifyUnread: "false" });
    expect(res.status).toBe(422);
    expect(await pageText(res)).toContain("Choose one of the options.");
    expect((await userRow(parent.id))?.notifyUnread).toBe(true);
  });
});

// Argon2id takes about 0.35 s a hash, more when test files run side by side.
describe("account settings: password", { timeout: 30_000 }, () => {
  it("changes it with the current one, ends the other sessions and open reset links, keeps this session and emails a heads-up", async () => {
    const parent = await insertParent();
    const here = await browserAs("parent", parent.id, PHONE_UA);
    const hereToken = here.session;
    const elsewhere = await browserAs("parent", parent.id, IPHONE_UA);
    const elsewhereToken = elsewhere.session;
    expect((await new Browser().post("/forgot-password", { email: parent.email }, { follow: false })).status).toBe(303);
    expect(await countRows("auth_tokens", "subject_id = ? AND purpose = 'reset_password' AND used_at IS NULL", parent.id)).toBe(1);
    const res = await here.post("/account/password", { currentPassword: parent.password!, newPassword: "a different passphrase" }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account?done=password");
    const user = await userRow(parent.id);
    expect(verifyPassword("a different passphrase", user!.passwordHash!)).toBe(true);
    expect(await validateSessionToken(db(), hereToken)).not.toBeNull();
    expect(await validateSessionToken(db(), elsewhereToken)).toBeNull();
    expect(await countRows("outbox", "to_address = ? AND kind = 'password_changed'", parent.email)).toBe(1);
    expect(await countRows("auth_tokens", "subject_id = ? AND purpose = 'reset_password' AND used_at IS NULL", parent.id)).toBe(0);
    expect(await pageText(await here.get("/account?done=password"))).toContain("Every other device has been signed out.");
  });

  it("refuses a wrong current password, a missing one and a weak new one (422, nothing changed)", async () => {
    const parent = await insertParent();
    const here = await browserAs("parent", parent.id);
    const elsewhere = await browserAs("parent", parent.id);
    const elsewhereToken = elsewhere.session;
    const before = await userRow(parent.id);
    const cases: [Record<string, string>, string][] = [
      [{ currentPassword: "not my password", newPassword: "a different passphrase" }, "That is not your current password."],
      [{ newPassword: "a different passphrase" }, "Enter your current password."],
      [{ currentPassword: parent.password! }, "Choose a new password."],
      [{ currentPassword: parent.password!, newPassword: "short" }, "at least 8 characters"],
      [{ currentPassword: parent.password!, newPassword: "iloveyou" }, "most common"],
      [{ currentPassword: parent.password!, newPassword: "y".repeat(200) + "z" }, "at most 128"],
    ];
    for (const [fields, message] of cases) {
      const res = await here.post("/account/password", fields);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await pageText(res)).toContain(message);
    }
    expect(await userRow(parent.id)).toEqual(before);
    expect(await validateSessionToken(db(), elsewhereToken)).not.toBeNull();
    expect(await countRows("outbox", "to_address = ?", parent.email)).toBe(0);
  });

  it("pauses after ten wrong current passwords, even for the right one", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    for (let i = 0; i < 10; i++) {
      expect((await b.post("/account/password", { currentPassword: `guess number ${i}`, newPassword: "a different passphrase" })).status).toBe(422);
    }
    const res = await b.post("/account/password", { currentPassword: parent.password!, newPassword: "a different passphrase" });
    expect(res.status).toBe(429);
    expect(await pageText(res)).toContain("Too many wrong passwords");
    expect(verifyPassword(parent.password!, (await userRow(parent.id))!.passwordHash!)).toBe(true);
  });

  it("does not let a Google account set a password without proof: it says they sign in with Google", async () => {
    const parent = await insertParent({ password: null, googleSub: `g-${newId("s")}` });
    const b = await browserAs("parent", parent.id);
    const page = await b.get("/account");
    const text = await pageText(page);
    expect(text).toContain("You sign in with Google");
    expect(text).not.toContain("Current password");
    const res = await b.post("/account/password", { currentPassword: "", newPassword: "my own new passphrase" });
    expect(res.status).toBe(422);
    expect(await pageText(res)).toContain("You sign in with Google");
    expect((await userRow(parent.id))?.passwordHash).toBeNull();
  });
});

describe("account settings: sessions", () => {
  it("lists this account's devices (and no one else's) with 'this device'", async () => {
    const parent = await insertParent();
    await browserAs("parent", parent.id, IPHONE_UA);
    const stranger = await insertParent();
    const strangerSession = await browserAs("parent", stranger.id, "Stranger/1.0");
    const b = await browserAs("parent", parent.id, PHONE_UA);
    const html = await (await b.get("/account")).text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Chrome on Android · this device");
    expect(text).toContain("Safari on iPhone");
    expect(text).toContain("Sign out Safari on iPhone");
    expect(text).toContain("Sign out everywhere else");
    expect(html).not.toContain(strangerSession.sessionId);
  });

  it("ends one other session of this account", async () => {
    const parent = await insertParent();
    const other = await browserAs("parent", parent.id, IPHONE_UA);
    const otherToken = other.session;
    const b = await browserAs("parent", parent.id, PHONE_UA);
    const token = b.session;
    const res = await b.post(`/account/sessions/${other.sessionId}/end`, {}, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account?done=session-ended");
    expect(await validateSessionToken(db(), otherToken)).toBeNull();
    expect(await validateSessionToken(db(), token)).not.toBeNull();
  });

  it("cannot end another family's session by changing the id: 404, and it stays alive", async () => {
    const parent = await insertParent();
    const stranger = await insertParent();
    const theirs = await browserAs("parent", stranger.id);
    const theirsToken = theirs.session;
    const b = await browserAs("parent", parent.id);
    for (const id of [theirs.sessionId, "nosuchsession", "NOT-AN-ID", "x".repeat(80)]) {
      const res = await b.post(`/account/sessions/${id}/end`, {}, { follow: false });
      expect(res.status, id).toBe(404);
    }
    expect(await validateSessionToken(db(), theirsToken)).not.toBeNull();
    // A teacher's or student's session with the same subject id is not this account's either.
    const teacherSession = await createSession(db(), "teacher", parent.id);
    expect((await b.post(`/account/sessions/${teacherSession.session.id}/end`, {}, { follow: false })).status).toBe(404);
    expect(await countRows("sessions", "id = ?", teacherSession.session.id)).toBe(1);
  });

  it("ends every other session at once and keeps this one", async () => {
    const parent = await insertParent();
    const stranger = await insertParent();
    const theirs = await browserAs("parent", stranger.id);
    const theirsToken = theirs.session;
    const others = [await browserAs("parent", parent.id, IPHONE_UA), await browserAs("parent", parent.id, "Firefox/1")];
    const b = await browserAs("parent", parent.id, PHONE_UA);
    const token = b.session;
    const res = await b.post("/account/sessions/end-others", {}, { follow: false });
    expect(res.headers.get("location")).toBe("/account?done=others-ended");
    for (const o of others) expect(await validateSessionToken(db(), o.session)).toBeNull();
    expect(await validateSessionToken(db(), token)).not.toBeNull();
    expect(await validateSessionToken(db(), theirsToken)).not.toBeNull();
    expect(await pageText(await b.get("/account?done=others-ended"))).toContain("Every other device has been signed out.");
  });

  it("ending this device's own session signs out", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const token = b.session;
    const sessionId = b.sessionId;
    const res = await b.post(`/account/sessions/${sessionId}/end`, {}, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
    expect(await validateSessionToken(db(), token)).toBeNull();
    expect(b.session).toBeUndefined();
  });

  it("shows only the notices it knows, whatever the link says", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    for (const done of ["constructor", "__proto__", "<script>alert(1)</script>", "toString"]) {
      const res = await b.get(`/account?done=${encodeURIComponent(done)}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('class="notice ok"');
      expect(html).not.toContain("alert(1)");
    }
  });
});

describe("device names", () => {
  it("names common browsers and systems, and copes with none", () => {
    expect(describeDevice(PHONE_UA, en)).toBe("Chrome on Android");
    expect(describeDevice(IPHONE_UA, en)).toBe("Safari on iPhone");
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", en)).toBe("Edge on Windows");
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0", en)).toBe("Firefox on Mac");
    expect(describeDevice(null, en)).toBe("Unknown device");
    expect(describeDevice("curl/8.0", en)).toBe("Unknown device");
  });
});
