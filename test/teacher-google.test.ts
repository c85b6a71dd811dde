import { afterEach, describe, expect, it, vi } from "vitest";
import { call, countRows, GoogleBrowser, type GoogleClaims, pageText, stubGoogle, teacherWorld, uniq } from "./world";

afterEach(() => vi.restoreAllMocks());

const writes = async () => ({
  sessions: await countRows("sessions"),
  tokens: await countRows("auth_tokens"),
  bound: await countRows("teachers", "google_sub IS NOT NULL"),
  users: await countRows("users"),
});

describe("teacher Google sign-in", () => {
  it("shows the Google button when configured, as a full-page link", async () => {
    const res = await new GoogleBrowser("teacher").get("/teacher/sign-in");
    const html = await res.text();
    expect(html).toContain('href="/teacher/auth/google" hx-boost="false"');
    expect(html).not.toContain("not set up");
  });

  it("signs in a verified roster email, binds the row to the Google account, and only that account afterwards", async () => {
    const w = await teacherWorld();
    const b = new GoogleBrowser("teacher");
    const state = await b.start();
    stubGoogle({ sub: "g-ana-1", email: w.emails.t1.toUpperCase(), email_verified: true, name: "Ana R." });
    const res = await b.callback(state);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/teacher");
    expect(await countRows("teachers", "id = ? AND google_sub = ?", w.ids.T1, "g-ana-1")).toBe(1);
    expect(await countRows("sessions", "kind = 'teacher' AND subject_id = ?", w.ids.T1)).toBe(1);
    expect(await pageText(await b.get("/teacher"))).toContain("Grade 3 · Room 12");

    // Same account again: fine.
    const again = new GoogleBrowser("teacher");
    const state2 = await again.start();
    stubGoogle({ sub: "g-ana-1", email: w.emails.t1, email_verified: true });
    expect((await again.callback(state2)).status).toBe(303);

    // Another Google account with the same (verified) address: refused, nothing changes.
    const before = await writes();
    const other = new GoogleBrowser("teacher");
    const state3 = await other.start();
    stubGoogle({ sub: "g-someone-else", email: w.emails.t1, email_verified: true });
    const refused = await other.callback(state3);
    expect(refused.status).toBe(403);
    expect(await pageText(refused)).toContain("We couldn't sign you in with Google");
    expect(await writes()).toEqual(before);
    expect(await countRows("teachers", "id = ? AND google_sub = ?", w.ids.T1, "g-ana-1")).toBe(1);
  });

  it("a bad state is a generic 400 and writes nothing (Google is not even asked)", async () => {
    const w = await teacherWorld();
    const before = await writes();
    const fetchSpy = stubGoogle({ sub: "g-x", email: w.emails.t1, email_verified: true });
    const b = new GoogleBrowser("teacher");
    await b.start();
    const wrong = await b.callback("not-the-state");
    expect(wrong.status).toBe(400);
    expect(await pageText(wrong)).toContain("We couldn't sign you in with Google");
    // No state cookie at all (a link forged elsewhere).
    const stranger = new GoogleBrowser("teacher");
    expect((await stranger.callback("whatever")).status).toBe(400);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await writes()).toEqual(before);
  });

  it("a code Google refuses is the same generic 400", async () => {
    const before = await writes();
    const b = new GoogleBrowser("teacher");
    const state = await b.start();
    stubGoogle("refused");
    const res = await b.callback(state, "bad-code");
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("We couldn't sign you in with Google");
    expect(await writes()).toEqual(before);
  });

  it("an unverified email, a missing email, or an email on no roster is refused, nothing written", async () => {
    const w = await teacherWorld();
    const cases: GoogleClaims[] = [
      { sub: "g-unverified", email: w.emails.t1, email_verified: false },
      { sub: "g-no-email" },
      { sub: "g-stranger", email: `${uniq("stranger.")}@school.test`, email_verified: true },
    ];
    for (const claims of cases) {
      const before = await writes();
      const b = new GoogleBrowser("teacher");
      const state = await b.start();
      stubGoogle(claims);
      const res = await b.callback(state);
      expect(res.status).toBe(403);
      expect(await pageText(res)).toContain("We couldn't sign you in with Google");
      expect(b.cookies.get("fp_session")).toBeUndefined();
      expect(await writes()).toEqual(before);
      vi.restoreAllMocks();
    }
  });

  it("an address on two rosters: the teacher chooses the district, and that row is bound", async () => {
    const email = `${uniq("shared.")}@school.test`;
    const north = await teacherWorld({ t1Email: email, districtName: `North ${uniq("d")}` });
    const south = await teacherWorld({ t1Email: email, districtName: `South ${uniq("d")}` });
    const b = new GoogleBrowser("teacher");
    const state = await b.start();
    stubGoogle({ sub: "g-shared", email, email_verified: true });
    const res = await b.callback(state);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/teacher/sign-in/choose");
    expect(b.cookies.get("fp_session")).toBeUndefined();
    const choice = await pageText(await b.get("/teacher/sign-in/choose"));
    expect(choice).toContain(north.district.name);
    expect(choice).toContain(south.district.name);

    const chosen = await b.post("/teacher/sign-in/choose", { teacherId: north.ids.T1 });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get("location")).toBe("/teacher");
    expect(b.cookies.get("fp_teacher_choice")).toBeUndefined();
    expect(await countRows("sessions", "kind = 'teacher' AND subject_id = ?", north.ids.T1)).toBe(1);
    expect(await countRows("teachers", "id = ? AND google_sub = 'g-shared'", north.ids.T1)).toBe(1);
    expect(await countRows("teachers", "id = ? AND google_sub IS NULL", south.ids.T1)).toBe(1);
    // The choice works once.
    expect((await b.get("/teacher/sign-in/choose")).status).toBe(410);
  });

  it("without Google configured the start sends back to the sign-in page and the callback refuses", async () => {
    const start = await call("/teacher/auth/google", { redirect: "manual" });
    expect(start.status).toBe(303);
    expect(start.headers.get("location")).toBe("/teacher/sign-in");
    expect((await call("/teacher/auth/google/callback?state=a&code=b")).status).toBe(400);
  });
});
