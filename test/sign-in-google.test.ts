import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Browser, countEveryTable, countRows, districtWithSiblings, freshEmail, GoogleBrowser, insertParent, invitationRow, inviteTo, latestLinkToken, pageText, postSignInForm, signUpThrough, stubGoogle } from "./world";

afterEach(() => vi.restoreAllMocks());

const GENERIC = "We couldn't sign you in with Google";

describe("Google callback failures: one generic 400, nothing created", () => {
  it("a wrong state never reaches Google", async () => {
    const fetchSpy = stubGoogle({ sub: "g-never", email: freshEmail(), email_verified: true });
    const b = new GoogleBrowser();
    await b.start();
    const before = await countEveryTable();
    const res = await b.callback("not-the-state");
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain(GENERIC);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await countEveryTable()).toEqual(before);
    // No state cookie at all (e.g. a callback link opened elsewhere), or no state/code parameters.
    expect((await new GoogleBrowser().callback("anything")).status).toBe(400);
    expect((await b.get("/auth/google/callback")).status).toBe(400);
    expect(await countEveryTable()).toEqual(before);
  });

  it("a code Google refuses", async () => {
    stubGoogle("refused");
    const b = new GoogleBrowser();
    const state = await b.start();
    const before = await countEveryTable();
    const res = await b.callback(state, "bad-code");
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain(GENERIC);
    expect(await countEveryTable()).toEqual(before);
    expect(b.cookies.has("fp_session")).toBe(false);
  });

  it("the state is single use: replaying the callback fails", async () => {
    stubGoogle({ sub: `g-${Date.now()}`, email: freshEmail(), email_verified: true });
    const b = new GoogleBrowser();
    const state = await b.start();
    expect((await b.callback(state)).status).toBe(303);
    expect((await b.callback(state)).status).toBe(400);
  });
});

describe("Google sign-in for parents", () => {
  it("creates a verified account keyed by sub, signs in, and adds the children confirmed in this browser", async () => {
    const f = await districtWithSiblings();
    const invited = freshEmail("invited");
    const inv = await inviteTo(f.district, f.maya.sisId, invited);
    const googleEmail = freshEmail("gmail"); // need not match the invited address
    const sub = `g-new-${Date.now()}`;
    stubGoogle({ sub, email: googleEmail, email_verified: true, name: "Jordan Johnson" });
    const b = new GoogleBrowser();
    expect((await b.get(`/i/${inv.token}`)).status).toBe(200);
    await b.post(`/i/${inv.token}/confirm`);
    const state = await b.start();
    const res = await b.callback(state);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect(await countRows("users", "google_sub = ? AND email = ? AND email_verified_at IS NOT NULL AND password_hash IS NULL", sub, googleEmail)).toBe(1);
    const home = await pageText(await b.get("/"));
    expect(home).toContain("Maya Johnson");
    expect(home).toContain("Hello, Jordan Johnson");
    expect(await countRows("guardianships", "student_id = ?", f.maya.id)).toBe(1);

    // Next time, the same sub signs in to the same account even if Google's email changed.
    stubGoogle({ sub, email: freshEmail("renamed"), email_verified: true });
    const again = new GoogleBrowser();
    expect((await again.callback(await again.start())).status).toBe(303);
    expect(await countRows("users", "google_sub = ?", sub)).toBe(1);
  });

  it("links a verified account with the same verified email; Google's own unverified address links nothing", async () => {
    const verified = await insertParent();
    stubGoogle({ sub: `g-link-${Date.now()}`, email: verified.email, email_verified: true });
    const b = new GoogleBrowser();
    expect((await b.callback(await b.start())).status).toBe(303);
    expect(await countRows("users", "id = ? AND google_sub IS NOT NULL", verified.id)).toBe(1);
    vi.restoreAllMocks();

    // Google itself has not verified the address: no linking either.
    const other = await insertParent();
    stubGoogle({ sub: `g-gunv-${Date.now()}`, email: other.email, email_verified: false });
    const d = new GoogleBrowser();
    expect((await d.callback(await d.start())).status).toBe(400);
    expect(await countRows("users", "id = ? AND google_sub IS NULL", other.id)).toBe(1);
  });

  it("an address Google has not verified makes no account (it would block the address's owner)", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail("invited"));
    const claimed = freshEmail("someone.else");
    stubGoogle({ sub: `g-unverified-${Date.now()}`, email: claimed, email_verified: false });
    const b = new GoogleBrowser();
    expect((await b.get(`/i/${inv.token}`)).status).toBe(200);
    await b.post(`/i/${inv.token}/confirm`);
    const res = await b.callback(await b.start());
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain(GENERIC);
    expect(await countRows("users", "email = ?", claimed)).toBe(0);
    expect((await invitationRow(inv.id))?.status).toBe("pending");
  });

  it("an unconfirmed row left for the owner's address (old sign-up) neither blocks nor joins the owner's Google account", async () => {
    const unverified = await insertParent({ verified: false, password: "attacker chosen passphrase" });
    const sub = `g-owner-${Date.now()}`;
    stubGoogle({ sub, email: unverified.email, email_verified: true, name: "Robin Owner" });
    const c = new GoogleBrowser();
    const res = await c.callback(await c.start());
    expect(res.status).toBe(303);
    expect(await countRows("users", "email = ?", unverified.email)).toBe(1);
    expect(await countRows("users", "email = ? AND google_sub = ? AND email_verified_at IS NOT NULL AND password_hash IS NULL AND name = 'Robin Owner'", unverified.email, sub)).toBe(1);
    const attacker = new Browser();
    await postSignInForm(attacker, unverified.email, "attacker chosen passphrase");
    expect(attacker.session).toBeUndefined();
  });

  it("an unconfirmed Google account left on the owner's address keeps its own sign-in, but not the address", async () => {
    const oldSub = `g-old-${Date.now()}`;
    const squatter = await insertParent({ verified: false, googleSub: oldSub });
    const ownerSub = `g-real-${Date.now()}`;
    stubGoogle({ sub: ownerSub, email: squatter.email, email_verified: true });
    const owner = new GoogleBrowser();
    expect((await owner.callback(await owner.start())).status).toBe(303);
    expect(await countRows("users", "email = ? AND google_sub = ? AND email_verified_at IS NOT NULL", squatter.email, ownerSub)).toBe(1);
    expect(await countRows("users", "id = ? AND email <> ? AND google_sub = ?", squatter.id, squatter.email, oldSub)).toBe(1);
    vi.restoreAllMocks();
    stubGoogle({ sub: oldSub, email: squatter.email, email_verified: false });
    const back = new GoogleBrowser();
    expect((await back.callback(await back.start())).status).toBe(303);
    expect(await countRows("sessions", "subject_id = ?", squatter.id)).toBe(1);
  });

  it("an attacker's email sign-up for the owner's address neither blocks nor joins the owner's Google account", async () => {
    const f = await districtWithSiblings();
    const owner = freshEmail("owner");
    const x = await inviteTo(f.district, f.maya.sisId, freshEmail("attacker.inbox"));
    const y = await inviteTo(f.district, f.leo.sisId, freshEmail("owner.inbox"));
    await signUpThrough(x, owner, { password: "attacker chosen passphrase" });

    const sub = `g-victim-${Date.now()}`;
    stubGoogle({ sub, email: owner, email_verified: true });
    const b = new GoogleBrowser();
    expect((await b.get(`/i/${y.token}`)).status).toBe(200);
    await b.post(`/i/${y.token}/confirm`);
    expect((await b.callback(await b.start())).status).toBe(303);
    const home = await pageText(await b.get("/"));
    expect(home).toContain("Leo Johnson");
    expect(home).not.toContain("Maya Johnson");
    vi.restoreAllMocks();

    // The link the attacker had sent to the owner's mailbox changes nothing now.
    const link = await latestLinkToken(owner, "/verify-email/");
    const clicker = new Browser();
    await clicker.post(`/verify-email/${link}`);
    expect(clicker.session).toBeUndefined();
    await postSignInForm(clicker, owner, "attacker chosen passphrase");
    expect(clicker.session).toBeUndefined();
    expect(await countRows("users", "email = ? AND google_sub = ? AND password_hash IS NULL", owner, sub)).toBe(1);
    expect(await countRows("guardianships", "student_id = ?", f.maya.id)).toBe(0);
    expect((await invitationRow(x.id))?.status).toBe("pending");
  });

  it("never creates an account with a student's roster email of the inviting district; another district's student address is fine", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail("invited"));
    const studentEmail = freshEmail("student");
    await env.DB.prepare("UPDATE students SET email = ? WHERE id = ?").bind(studentEmail, f.leo.id).run();
    stubGoogle({ sub: `g-stu-${Date.now()}`, email: studentEmail, email_verified: true });
    const b = new GoogleBrowser();
    expect((await b.get(`/i/${inv.token}`)).status).toBe(200);
    await b.post(`/i/${inv.token}/confirm`);
    const state = await b.start();
    const before = await countEveryTable();
    const res = await b.callback(state);
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("uses a student's school address");
    expect(await countEveryTable()).toEqual(before);
    vi.restoreAllMocks();

    // The same address on another district's roster does not stop this district's parent.
    const other = await districtWithSiblings();
    const otherInv = await inviteTo(other.district, other.maya.sisId, freshEmail("invited"));
    stubGoogle({ sub: `g-stu-other-${Date.now()}`, email: studentEmail, email_verified: true });
    const p = new GoogleBrowser();
    expect((await p.get(`/i/${otherInv.token}`)).status).toBe(200);
    await p.post(`/i/${otherInv.token}/confirm`);
    expect((await p.callback(await p.start())).status).toBe(303);
    expect((await invitationRow(otherInv.id))?.status).toBe("accepted");
  });
});
