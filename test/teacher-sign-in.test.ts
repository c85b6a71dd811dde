import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, Browser, browserAs, call, countRows, insertParent, lastMailTo, ORIGIN, pageText, teacherWorld, uniq } from "./world";

const LINK = /\/teacher\/sign-in\/([a-z2-7]{32})/;

/** Asks for a link as a browser would and returns the 303's location. */
async function askForLink(b: Browser, email: string): Promise<Response> {
  await b.get("/teacher/sign-in");
  return b.post("/teacher/sign-in", { email }, { follow: false });
}

async function linkFromMailbox(address: string): Promise<string> {
  const mail = await lastMailTo(address);
  const token = mail?.body_text.match(LINK)?.[1];
  if (!token) throw new Error(`no sign-in link to ${address}`);
  return `/teacher/sign-in/${token}`;
}

const writes = async () => ({
  tokens: await countRows("auth_tokens"),
  outbox: await countRows("outbox"),
  sessions: await countRows("sessions"),
  teachers: await countRows("teachers", "google_sub IS NOT NULL"),
});

describe("teacher sign-in page", () => {
  it("offers the email link, and says honestly that Google is not set up", async () => {
    const res = await new Browser().get("/teacher/sign-in");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="f-email">Your school email address</label>');
    expect(html).toContain('<form method="post" action="/teacher/sign-in">');
    expect(html).toContain("Email me a sign-in link");
    expect(html).toContain("Google sign-in is not set up on this server");
    expect(html).not.toContain('href="/teacher/auth/google"');
  });

  it("sends a teacher who is already signed in to their classes", async () => {
    const w = await teacherWorld();
    const b = await browserAs("teacher", w.ids.T1);
    const res = await b.get("/teacher/sign-in", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/teacher");
  });
});

describe("email sign-in link", () => {
  it("goes from the email in the outbox to /teacher", async () => {
    const w = await teacherWorld();
    const b = new Browser();
    // Typed with capitals and spaces: the roster address is lower case.
    const asked = await askForLink(b, `  ${w.emails.t1.toUpperCase()} `);
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe("/teacher/sign-in?sent=1");
    const sentPage = await pageText(await b.get(asked.headers.get("location")!));
    expect(sentPage).toContain("If that address belongs to a teacher on a roster, we've sent a link");

    const mail = await lastMailTo(w.emails.t1);
    expect(mail?.kind).toBe("teacher_sign_in");
    expect(mail?.subject).toBe("Your Family Portal sign-in link");
    expect(mail?.body_text).toContain("Hello Ana Rivera");
    expect(mail?.body_text).toContain("15 minutes");
    expect(mail?.body_html).toContain(`href="${ORIGIN}/teacher/sign-in/`);
    const link = await linkFromMailbox(w.emails.t1);
    const token = link.split("/").pop()!;
    // Only the hash is stored, for this teacher, for 15 minutes.
    const row = await env.DB.prepare("SELECT subject_id, token_hash, expires_at - created_at AS ttl, used_at FROM auth_tokens WHERE purpose = 'teacher_sign_in' AND subject_id = ?")
      .bind(w.ids.T1)
      .first<{ subject_id: string; token_hash: string; ttl: number; used_at: number | null }>();
    expect(row).toMatchObject({ ttl: 15 * 60_000, used_at: null });
    expect(row?.token_hash).not.toContain(token);

    const confirm = await b.get(link);
    expect(confirm.status).toBe(200);
    const confirmText = await pageText(confirm);
    expect(confirmText).toContain("You're signing in as Ana Rivera");
    expect(b.session).toBeUndefined();

    const signedIn = await b.post(link, {}, { follow: false });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/teacher");
    expect(b.session).toBeDefined();
    expect(await countRows("sessions", "kind = 'teacher' AND subject_id = ?", w.ids.T1)).toBe(1);
    expect(await countRows("auth_tokens", "subject_id = ? AND used_at IS NOT NULL", w.ids.T1)).toBe(1);

    const home = await b.get("/teacher");
    expect(home.status).toBe(200);
    expect(await pageText(home)).toContain("My classes");
  });

  it("GET of the link writes nothing, however often it is opened (mail scanners)", async () => {
    const w = await teacherWorld();
    await askForLink(new Browser(), w.emails.t1);
    const link = await linkFromMailbox(w.emails.t1);
    const before = await writes();
    const scanner = new Browser("mail-scanner");
    for (let i = 0; i < 3; i++) expect((await scanner.get(link)).status).toBe(200);
    expect(await writes()).toEqual(before);
    expect(await countRows("auth_tokens", "subject_id = ? AND used_at IS NULL", w.ids.T1)).toBe(1);
    expect(scanner.session).toBeUndefined();
    // The link still works afterwards.
    const b = new Browser();
    expect((await b.post(link, {}, { follow: false })).status).toBe(303);
  });

  it("works once: a used link shows a clear page with a way to ask again", async () => {
    const w = await teacherWorld();
    await askForLink(new Browser(), w.emails.t1);
    const link = await linkFromMailbox(w.emails.t1);
    expect((await new Browser().post(link, {}, { follow: false })).status).toBe(303);

    const again = new Browser();
    const sessions = await countRows("sessions");
    const reused = await again.post(link, {}, { follow: false });
    expect(reused.status).toBe(410);
    const text = await pageText(reused);
    expect(text).toContain("This sign-in link no longer works");
    expect(text).toContain("Email me a sign-in link");
    expect(again.session).toBeUndefined();
    expect(await countRows("sessions")).toBe(sessions);
    expect((await again.get(link)).status).toBe(410);
  });

  it("two racing uses of one link sign in once", async () => {
    const w = await teacherWorld();
    await askForLink(new Browser(), w.emails.t1);
    const link = await linkFromMailbox(w.emails.t1);
    const [a, b] = [new Browser(), new Browser()];
    await Promise.all([a.get(link), b.get(link)]);
    const results = await Promise.all([a.post(link, {}, { follow: false }), b.post(link, {}, { follow: false })]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 410]);
    expect(await countRows("sessions", "kind = 'teacher' AND subject_id = ?", w.ids.T1)).toBe(1);
  });

  it("an expired link fails, and signs nobody in", async () => {
    const w = await teacherWorld();
    await askForLink(new Browser(), w.emails.t1);
    const link = await linkFromMailbox(w.emails.t1);
    await env.DB.prepare("UPDATE auth_tokens SET expires_at = ? WHERE subject_id = ? AND purpose = 'teacher_sign_in'").bind(Date.now() - 1, w.ids.T1).run();
    const b = new Browser();
    expect((await b.get(link)).status).toBe(410);
    const res = await b.post(link, {}, { follow: false });
    expect(res.status).toBe(410);
    expect(await pageText(res)).toContain("within 15 minutes");
    expect(b.session).toBeUndefined();
    expect(await countRows("auth_tokens", "subject_id = ? AND used_at IS NOT NULL", w.ids.T1)).toBe(0);
  });

  it("a made-up or malformed token is the same clear page", async () => {
    for (const path of ["/teacher/sign-in/abcdefghijklmnopqrstuvwxyz234567", "/teacher/sign-in/not-a-token", `/teacher/sign-in/${"a".repeat(300)}`]) {
      const b = new Browser();
      expect((await b.get(path)).status).toBe(410);
      expect((await b.post(path, {}, { follow: false })).status).toBe(410);
    }
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const w = await teacherWorld();
    const unknown = `${uniq("nobody.")}@school.test`;
    const before = await writes();
    const known = await askForLink(new Browser(), w.emails.t1);
    const stranger = await askForLink(new Browser(), unknown);
    expect([stranger.status, stranger.headers.get("location")]).toEqual([known.status, known.headers.get("location")]);
    expect(await pageText(await new Browser().get(stranger.headers.get("location")!))).toContain("If that address belongs to a teacher on a roster");
    expect(await countRows("outbox", "to_address = ?", unknown)).toBe(0);
    // Only the known address got a token and an email.
    expect(await writes()).toEqual({ ...before, tokens: before.tokens + 1, outbox: before.outbox + 1 });
  });

  it("a parent's or a student's address is not a teacher's: nothing is sent", async () => {
    const email = `${uniq("parent.")}@example.com`;
    await insertParent({ name: "Pat Parent", email });
    const res = await askForLink(new Browser(), email);
    expect(res.headers.get("location")).toBe("/teacher/sign-in?sent=1");
    expect(await countRows("outbox", "to_address = ?", email)).toBe(0);
  });

  it("re-renders the form with a message for an address that is not an email, writing nothing", async () => {
    const before = await writes();
    for (const email of ["not-an-email", "", `${"a".repeat(250)}@x.test`]) {
      const b = new Browser();
      await b.get("/teacher/sign-in");
      const res = await b.post("/teacher/sign-in", { email });
      expect(res.status).toBe(422);
      expect(await pageText(res)).toContain("Enter the email address your school has on its roster");
    }
    const extra = new Browser();
    await extra.get("/teacher/sign-in");
    expect((await extra.post("/teacher/sign-in", { email: "a@b.test", admin: "1" })).status).toBe(422);
    expect(await writes()).toEqual(before);
  });

  it("refuses a cross-site POST", async () => {
    const w = await teacherWorld();
    const before = await writes();
    const res = await call("/teacher/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.test", "sec-fetch-site": "cross-site" },
      body: new URLSearchParams({ email: w.emails.t1 }),
    });
    expect(res.status).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it("limits links per address (five an hour), known or not", async () => {
    const w = await teacherWorld();
    const b = new Browser();
    for (let i = 0; i < 5; i++) expect((await askForLink(b, w.emails.t1)).status).toBe(303);
    const sixth = await askForLink(b, w.emails.t1);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await pageText(sixth)).toContain("Please wait");
    expect(await countRows("outbox", "to_address = ?", w.emails.t1)).toBe(5);
    // An unknown address hits the same limit: the limit says nothing about the roster.
    const unknown = `${uniq("nobody.")}@school.test`;
    for (let i = 0; i < 5; i++) await askForLink(b, unknown);
    expect((await askForLink(b, unknown)).status).toBe(429);
    // Another address is not affected.
    expect((await askForLink(b, w.emails.t2)).status).toBe(303);
  });

  it("one address on two districts' rosters: one email, one link, and the teacher chooses", async () => {
    const email = `${uniq("shared.")}@school.test`;
    const north = await teacherWorld({ t1Email: email, districtName: `North ${uniq("d")}` });
    const south = await teacherWorld({ t1Email: email, districtName: `South ${uniq("d")}` });
    await askForLink(new Browser(), email);
    expect(await countRows("outbox", "to_address = ?", email)).toBe(1);
    const mail = await lastMailTo(email);
    expect(mail?.body_text).toContain("on the roster of 2 school districts");
    const link = await linkFromMailbox(email);

    const b = new Browser();
    const page = await pageText(await b.get(link));
    expect(page).toContain(`${north.district.name} (as Ana Rivera)`);
    expect(page).toContain(`${south.district.name} (as Ana Rivera)`);
    // No choice, or a teacher row that is not on the link: asked again, nothing used.
    expect((await b.post(link, {})).status).toBe(422);
    expect((await b.post(link, { teacherId: north.ids.T2 })).status).toBe(422);
    expect(await countRows("auth_tokens", "subject_id IN (?, ?) AND used_at IS NOT NULL", north.ids.T1, south.ids.T1)).toBe(0);

    const res = await b.post(link, { teacherId: south.ids.T1 }, { follow: false });
    expect(res.status).toBe(303);
    expect(await countRows("sessions", "kind = 'teacher' AND subject_id = ?", south.ids.T1)).toBe(1);
    expect(await countRows("sessions", "kind = 'teacher' AND subject_id = ?", north.ids.T1)).toBe(0);
    expect(await pageText(await b.get("/teacher"))).toContain("Grade 3 · Room 12");
  });

  it("a link stops working for a teacher whose roster email changed since it was sent", async () => {
    const w = await teacherWorld();
    await askForLink(new Browser(), w.emails.t1);
    const link = await linkFromMailbox(w.emails.t1);
    const res = await api(w.district.token, "PUT", "/teachers/T1", { name: "Ana Rivera", email: `${uniq("moved.")}@school.test` });
    expect(res.status).toBe(200);
    const b = new Browser();
    expect((await b.get(link)).status).toBe(410);
    expect((await b.post(link, {}, { follow: false })).status).toBe(410);
    expect(b.session).toBeUndefined();
  });
});

describe("who may open /teacher", () => {
  it("nobody signed in: to the teacher sign-in", async () => {
    const res = await new Browser().get("/teacher", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/teacher/sign-in?next=%2Fteacher");
  });

  it("a parent or a student session: to the teacher sign-in, which says nothing is shown", async () => {
    const w = await teacherWorld();
    const parent = await browserAs("parent", (await insertParent({ name: "Pat Parent" })).id);
    const res = await parent.get("/teacher", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/teacher/sign-in");
    const section = await parent.get(`/teacher/sections/${w.ids.SEC1}`, { follow: false });
    expect(section.headers.get("location")).toBe("/teacher/sign-in");
    const page = await pageText(await parent.get("/teacher"));
    expect(page).toContain("Teacher sign-in");
    expect(page).toContain("You're signed in as a parent on this device. Signing in as a teacher ends that session here.");
    expect(page).not.toContain("Maya");

    const student = await browserAs("student", w.ids.S1);
    expect((await student.get("/teacher", { follow: false })).headers.get("location")).toBe("/teacher/sign-in");
  });
});
