import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../src/auth/rate-limiter";
import { Browser, browserAs, confirmChild, countRows, districtWithSiblings, freshEmail, insertParent, insertTeacher, inviteTo, pageText, postSignInForm } from "./world";


const WRONG = "The email or password is not right.";

describe("GET /sign-in", () => {
  it("has labelled fields, the forgot-password link, and says honestly that Google is not set up", async () => {
    const res = await new Browser().get("/sign-in");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="f-email">Email</label>');
    expect(html).toContain('<label for="f-password">Password</label>');
    expect(html).toContain('href="/forgot-password"');
    expect(html).toContain("Google sign-in is not set up");
    expect(html).not.toContain('href="/auth/google"');
  });
});

describe("POST /sign-in", () => {
  it("a wrong password and an unknown address get the same answer, and nobody is signed in", async () => {
    const user = await insertParent();
    const wrong = await postSignInForm(new Browser(), user.email, "not the password at all");
    const unknown = await postSignInForm(new Browser(), freshEmail("nobody"), "not the password at all");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await pageText(wrong), await pageText(unknown)];
    expect(a).toContain(WRONG);
    expect(b).toContain(WRONG);
    // Only the echoed email differs.
    expect(a.replace(user.email, "X")).toBe(b.replace(/nobody[^ "]*@example\.com/, "X"));
    expect(await countRows("sessions", "subject_id = ?", user.id)).toBe(0);
  });

  it("signs in with a new session token each time, and follows only local next links", async () => {
    const user = await insertParent();
    const b = new Browser();
    const res = await b.post("/sign-in", { email: user.email.toUpperCase(), password: user.password, next: "/account" }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account");
    const first = b.session;
    expect(first).toBeDefined();
    const again = await b.post("/sign-in", { email: user.email, password: user.password, next: "https://evil.example/x" }, { follow: false });
    expect(again.headers.get("location")).toBe("/");
    expect(b.session).not.toBe(first);
    // The device's old session ended at the new sign-in.
    expect(await countRows("sessions", "subject_id = ?", user.id)).toBe(1);
    const sneaky = await b.post("/sign-in", { email: user.email, password: user.password, next: "//evil.example" }, { follow: false });
    expect(sneaky.headers.get("location")).toBe("/");
  });

  it("an unconfirmed account is asked to confirm its email and offered a new link, without signing in", async () => {
    const user = await insertParent({ verified: false });
    const b = new Browser();
    const res = await postSignInForm(b, user.email, user.password);
    expect(res.status).toBe(403);
    const text = await pageText(res);
    expect(text).toContain("Please confirm your email address first");
    expect(text).toContain("Send me a new link");
    expect(b.session).toBeUndefined();
    // With a wrong password it says nothing about confirmation.
    expect(await pageText(await postSignInForm(new Browser(), user.email, "wrong password here"))).not.toContain("confirm your email");
  });

  it("allows 10 tries a minute per address, then answers 429 with a wait time, even with the right password", async () => {
    const user = await insertParent();
    const b = new Browser();
    for (let i = 0; i < LIMITS.signInPerAddress.limit; i++) expect((await postSignInForm(b, user.email, `wrong-${i}-password`)).status).toBe(401);
    const limited = await postSignInForm(b, user.email, user.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const text = await pageText(limited);
    expect(text).toContain("Too many tries");
    expect(text).toMatch(/wait about \d+ (seconds|minutes)|wait about a minute/);
    expect(b.session).toBeUndefined();
  });

  it("stops an account after 100 wrong passwords in an hour, whatever address spelling is used", async () => {
    const user = await insertParent();
    const failures = env.RATE_LIMITER.getByName(`signin:failures:${user.id}`);
    for (let i = 0; i < LIMITS.signInFailuresPerAccount.limit; i++) await failures.hit(Number.MAX_SAFE_INTEGER, LIMITS.signInFailuresPerAccount.windowMs);
    const res = await postSignInForm(new Browser(), user.email, user.password);
    expect(res.status).toBe(429);
    expect(await countRows("sessions", "subject_id = ?", user.id)).toBe(0);
  });

  it("missing fields are a 422 with a message, nothing written", async () => {
    const before = await countRows("sessions");
    const res = await new Browser().post("/sign-in", { email: "" });
    expect(res.status).toBe(422);
    expect(await pageText(res)).toContain("Please enter your email and your password.");
    expect(await countRows("sessions")).toBe(before);
  });

  it("with confirmed children waiting in this browser, signing in adds them", async () => {
    const f = await districtWithSiblings();
    const user = await insertParent();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, inv.token);
    expect(await pageText(await b.get("/sign-in"))).toContain("Sign in to add the children you confirmed");
    const home = await pageText(await postSignInForm(b, user.email, user.password));
    expect(home).toContain("Maya Johnson is now connected");
    expect(await countRows("guardianships", "user_id = ? AND student_id = ?", user.id, f.maya.id)).toBe(1);
  });
});

describe("POST /sign-out", () => {
  it("ends a parent's session and goes to the sign-in page", async () => {
    const user = await insertParent();
    const b = new Browser();
    await postSignInForm(b, user.email, user.password);
    const token = b.session;
    const res = await b.post("/sign-out", {}, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
    expect(b.session).toBeUndefined();
    expect(await countRows("sessions", "subject_id = ?", user.id)).toBe(0);
    // The old cookie no longer works.
    const replay = new Browser();
    replay.cookies.set("fp_session", token ?? "");
    expect(await pageText(await replay.get("/"))).toContain("Invitations come from your child's school");
  });

  it("teachers go to the teacher sign-in, students to /badges", async () => {
    const f = await districtWithSiblings();
    const teacherId = await insertTeacher(f.district.id);
    for (const [kind, id, to] of [["teacher", teacherId, "/teacher/sign-in"], ["student", f.maya.id, "/badges?signed-out=1"]] as const) {
      const b = await browserAs(kind, id);
      const res = await b.post("/sign-out", {}, { follow: false });
      expect(res.headers.get("location")).toBe(to);
      expect(await countRows("sessions", "subject_id = ?", id)).toBe(0);
    }
  });

  it("a cross-site sign-out is refused", async () => {
    const user = await insertParent();
    const b = new Browser();
    await postSignInForm(b, user.email, user.password);
    const res = await b.request("/sign-out", { method: "POST", headers: { "sec-fetch-site": "cross-site" }, follow: false });
    expect(res.status).toBe(403);
    expect(await countRows("sessions", "subject_id = ?", user.id)).toBe(1);
  });
});
