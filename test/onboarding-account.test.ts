import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { connectInvitations } from "../src/invitations/accept";
import { hashToken } from "../src/lib/random";
import { Browser, confirmChild, confirmEmail, countEveryTable, countRows, districtWithSiblings, freshEmail, insertParent, invitationRow, inviteSiblings, inviteTo, latestLinkToken, mailTo, pageText, postSignInForm, postSignUpForm, signUpThrough } from "./world";


const db = () => getDb(env.DB);

async function setStudentEmail(studentId: string, email: string) {
  await env.DB.prepare("UPDATE students SET email = ? WHERE id = ?").bind(email, studentId).run();
}

describe("Continue with email", () => {
  it("refuses bad input with field messages (422) and writes nothing", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, inv.token);
    const cases: [Record<string, string>, string][] = [
      [{ name: "", email: freshEmail(), password: "maple syrup pancakes" }, "Please enter your name."],
      [{ name: "Jo", email: "not-an-email", password: "maple syrup pancakes" }, "Please enter an email address"],
      [{ name: "Jo", email: freshEmail(), password: "short" }, "at least 8 characters"],
      [{ name: "Jo", email: freshEmail(), password: "password1" }, "most common"],
      [{ name: "x".repeat(201), email: freshEmail(), password: "maple syrup pancakes" }, "at most 200 characters"],
      [{ name: "Jo", email: freshEmail(), password: "p".repeat(129) + "q" }, "at most 128 characters"],
    ];
    const before = await countEveryTable();
    for (const [fields, message] of cases) {
      const res = await b.post("/join/email", fields);
      expect(res.status).toBe(422);
      const text = await pageText(res);
      expect(text).toContain(message);
      expect(text).toContain("Maya Johnson"); // the form keeps the confirmed child
    }
    expect(await countEveryTable()).toEqual(before);
  });

  it("never makes an account with a student's roster email; the page says to use a personal address", async () => {
    const f = await districtWithSiblings();
    const studentEmail = freshEmail("maya.student");
    await setStudentEmail(f.maya.id, studentEmail);
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new Browser();
    const join = await pageText(await confirmChild(b, inv.token));
    expect(join).toContain("Use your own personal email address, not your child's school address.");
    const before = await countEveryTable();
    const res = await b.post("/join/email", { name: "Maya", email: studentEmail.toUpperCase(), password: "maple syrup pancakes" });
    expect(res.status).toBe(422);
    expect(await pageText(res)).toContain("This is a student's school address. Please use your own personal email address.");
    expect(await countEveryTable()).toEqual(before);
    expect(await countRows("users", "email = ?", studentEmail)).toBe(0);
  });

  it("writes a sign-up attempt (no account yet), emails a hashed single-use link, and consumes nothing until it is confirmed", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, inv.token);
    const personal = freshEmail("personal");
    const res = await postSignUpForm(b, `  ${personal.toUpperCase()} `);
    expect(res.status).toBe(200);
    expect(await pageText(res)).toContain("Check your email");
    expect(b.session).toBeUndefined();
    expect(b.cookies.has("fp_onboarding")).toBe(false);
    // No account exists before the owner of the address uses the link (trust issue, finding 1).
    expect(await countRows("users", "email = ?", personal)).toBe(0);
    expect(await countRows("sign_up_attempts", "email = ? AND used_at IS NULL AND password_hash LIKE '$argon2id$%' AND payload LIKE ?", personal, `%${inv.id}%`)).toBe(1);
    const mail = await mailTo(personal);
    expect(mail.map((m) => m.kind)).toEqual(["verify_email"]);
    const token = await latestLinkToken(personal, "/verify-email/");
    expect(await countRows("sign_up_attempts", "token_hash = ? AND expires_at <= ?", hashToken(token), Date.now() + 24 * 3600_000)).toBe(1);
    expect(await countRows("sign_up_attempts", "token_hash = ?", token)).toBe(0);
    expect((await invitationRow(inv.id))?.status).toBe("pending");

    // Opening the link changes nothing; pressing the button confirms, connects and signs in.
    const before = await countEveryTable();
    const page = await new Browser().get(`/verify-email/${token}`);
    expect(await pageText(page)).toContain("Confirm my email");
    expect(await countEveryTable()).toEqual(before);
    // Another device: the link carries the confirmed children; the sign-up's password proves who is confirming.
    const other = new Browser();
    const home = await other.post(`/verify-email/${token}`, { password: "maple syrup pancakes 42" });
    expect(home.status).toBe(200);
    const text = await pageText(home);
    expect(text).toContain("Maya Johnson");
    expect(text).toContain("Maple Grove Elementary");
    expect(other.session).toBeDefined();
    expect(await countRows("users", "email = ? AND email_verified_at IS NOT NULL", personal)).toBe(1);
    const row = await invitationRow(inv.id);
    expect(row?.status).toBe("accepted");
    expect(await countRows("guardianships", "student_id = ? AND invitation_id = ?", f.maya.id, inv.id)).toBe(1);
    expect(await countRows("audit_log", "action = 'invitation.accept' AND target_id = ?", inv.id)).toBe(1);

    // Single use: the same link again connects nobody and signs nobody in.
    const again = new Browser();
    const used = await again.post(`/verify-email/${token}`);
    expect(used.status).toBe(404);
    expect(await pageText(used)).toContain("This link doesn't work any more");
    expect(again.session).toBeUndefined();
  });

  it("confirms an email only once: a verified account gets no new link", async () => {
    const user = await insertParent();
    const before = (await mailTo(user.email)).length;
    const b = new Browser();
    const res = await b.post("/verify-email/resend", { email: user.email });
    expect(await pageText(res)).toContain("If that address has a sign-up waiting to be confirmed");
    expect((await mailTo(user.email)).length).toBe(before);
    // Same answer for an address with no account, and for an unconfirmed account left without a sign-up.
    const nobody = freshEmail("nobody");
    expect(await pageText(await b.post("/verify-email/resend", { email: nobody }))).toContain("If that address has a sign-up waiting to be confirmed");
    expect((await mailTo(nobody)).length).toBe(0);
    const legacy = await insertParent({ verified: false });
    expect(await pageText(await b.post("/verify-email/resend", { email: legacy.email }))).toContain("If that address has a sign-up waiting to be confirmed");
    expect((await mailTo(legacy.email)).length).toBe(0);
  });

  it("resends a fresh link for a waiting sign-up (the older link stops working), at most three times an hour per address", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const personal = freshEmail("personal");
    const { browser: b } = await signUpThrough(inv, personal);
    const first = await latestLinkToken(personal, "/verify-email/");
    for (let i = 0; i < 3; i++) expect((await b.post("/verify-email/resend", { email: personal })).status).toBe(200);
    expect((await mailTo(personal)).filter((m) => m.kind === "verify_email").length).toBe(4);
    const limited = await b.post("/verify-email/resend", { email: personal });
    expect(limited.status).toBe(429);
    expect((await mailTo(personal)).length).toBe(4);
    expect((await new Browser().post(`/verify-email/${first}`)).status).toBe(404);
    const home = await pageText(await confirmEmail(b, personal));
    expect(home).toContain("Maya Johnson");
    expect(await countRows("users", "email = ? AND email_verified_at IS NOT NULL", personal)).toBe(1);
  });

  it("an address that already has an account gets the same page and a 'sign in' email; signing in adds the children", async () => {
    const f = await districtWithSiblings();
    const existing = await insertParent();
    const inv = await inviteTo(f.district, f.leo.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, inv.token);
    const usersBefore = await countRows("users");
    const res = await postSignUpForm(b, existing.email);
    expect(await pageText(res)).toContain("Check your email");
    expect(await countRows("users")).toBe(usersBefore);
    const mail = await mailTo(existing.email);
    expect(mail.map((m) => m.kind)).toEqual(["account_exists"]);
    expect(mail[0]?.body_text).toContain("Sign in to add your children");
    expect(mail[0]?.body_text).not.toContain("/verify-email/");

    const home = await postSignInForm(b, existing.email, existing.password);
    const text = await pageText(home);
    expect(text).toContain("Leo Johnson is now connected");
    expect(await countRows("guardianships", "user_id = ? AND student_id = ?", existing.id, f.leo.id)).toBe(1);
    expect(b.cookies.has("fp_onboarding")).toBe(false);
  });

  it("a signed-in parent who opens a new invitation adds the child with one press", async () => {
    const f = await districtWithSiblings();
    const parent = await insertParent();
    const inv = await inviteTo(f.district, f.ethan.sisId, freshEmail());
    const b = new Browser();
    await postSignInForm(b, parent.email, parent.password);
    const page = await pageText(await confirmChild(b, inv.token));
    expect(page).toContain("Add to your account");
    expect(page).toContain(parent.email);
    const home = await pageText(await b.post("/join/connect"));
    expect(home).toContain("Ethan Johnson");
    expect(await countRows("guardianships", "user_id = ? AND student_id = ?", parent.id, f.ethan.id)).toBe(1);
  });
});

describe("consuming an invitation", () => {
  it("two concurrent connections by different accounts consume it once and create one guardianship", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const a = await insertParent();
    const b = await insertParent();
    const at = Date.now();
    const [ra, rb] = await Promise.all([connectInvitations(db(), a.id, [inv.id], at), connectInvitations(db(), b.id, [inv.id], at)]);
    const winners = [ra[0], rb[0]].filter((o) => o?.connected);
    expect(winners).toHaveLength(1);
    const loser = [ra[0], rb[0]].find((o) => !o?.connected);
    expect(loser?.reason).toBe("used");
    expect(await countRows("guardianships", "student_id = ?", f.maya.id)).toBe(1);
    expect(await countRows("audit_log", "action = 'invitation.accept' AND target_id = ?", inv.id)).toBe(1);
  });

  it("a double submit by the same account consumes it once: one guardianship, one audit row", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const a = await insertParent();
    const at = Date.now();
    const results = await Promise.all([connectInvitations(db(), a.id, [inv.id], at), connectInvitations(db(), a.id, [inv.id], at)]);
    expect(results.every((r) => r[0]?.connected)).toBe(true);
    expect(await countRows("guardianships", "user_id = ? AND student_id = ?", a.id, f.maya.id)).toBe(1);
    expect(await countRows("audit_log", "action = 'invitation.accept' AND target_id = ?", inv.id)).toBe(1);
    expect((await invitationRow(inv.id))?.accepted_by_user_id).toBe(a.id);
  });

  it("two concurrent presses of the email link connect once", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const { maya, leo } = await inviteSiblings(f, email, "maya", "leo");
    const b = new Browser();
    await confirmChild(b, maya.token);
    await b.post(`/join/siblings/${leo.id}/confirm`);
    const personal = freshEmail("personal");
    await postSignUpForm(b, personal);
    const token = await latestLinkToken(personal, "/verify-email/");
    const password = "maple syrup pancakes 42";
    await Promise.all([new Browser().post(`/verify-email/${token}`, { password }), new Browser().post(`/verify-email/${token}`, { password })]);
    expect(await countRows("guardianships", "student_id IN (?, ?)", f.maya.id, f.leo.id)).toBe(2);
    expect(await countRows("audit_log", "action = 'invitation.accept' AND target_id IN (?, ?)", maya.id, leo.id)).toBe(2);
  });

  it("a second guardian connects to the same child with their own invitation; each sees only their own children", async () => {
    const f = await districtWithSiblings();
    const jordan = freshEmail("jordan");
    const sam = freshEmail("sam");
    const j1 = await inviteTo(f.district, f.maya.sisId, jordan);
    const j2 = await inviteTo(f.district, f.leo.sisId, jordan);
    const s1 = await inviteTo(f.district, f.maya.sisId, sam);

    const jb = new Browser();
    await confirmChild(jb, j1.token);
    await jb.post(`/join/siblings/${j2.id}/confirm`);
    await postSignUpForm(jb, `personal.${jordan}`);
    const jHome = await pageText(await confirmEmail(jb, `personal.${jordan}`));

    const sb = new Browser();
    const samJoin = await pageText(await confirmChild(sb, s1.token));
    expect(samJoin).not.toContain("Leo"); // Jordan's other invitation is not Sam's sibling
    await postSignUpForm(sb, `personal.${sam}`);
    const sHome = await pageText(await confirmEmail(sb, `personal.${sam}`));

    expect(jHome).toContain("Maya Johnson");
    expect(jHome).toContain("Leo Johnson");
    expect(sHome).toContain("Maya Johnson");
    expect(sHome).not.toContain("Leo Johnson");
    expect(await countRows("guardianships", "student_id = ?", f.maya.id)).toBe(2);
    // Jordan's home, reloaded later, still shows only Jordan's children.
    expect(await pageText(await jb.get("/"))).toContain("Leo Johnson");
    expect(await pageText(await sb.get("/"))).not.toContain("Leo Johnson");
  });
});
