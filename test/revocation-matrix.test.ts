// The revocation matrix: for each grant (a guardianship, a section membership, a badge, a session,
// a teacher's Messages switch), revoke it and every route that depended on it refuses at once, on
// the very next request. The routes come from the app itself (app.routes), chosen by what they
// carry (a child's id, a thread, a section...), so a new route of that kind joins the matrix
// without anyone remembering to add it.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/index";
import { createSession, type SessionKind } from "../src/auth/sessions";
import { getDb } from "../src/db/client";
import {
  api,
  Browser,
  browserAs,
  call,
  contactIdFor,
  countRows,
  downloadBadge,
  insertGuardianship,
  insertParent,
  inviteTo,
  ORIGIN,
  pageText,
  startThread,
  storedMessages,
  studentDevice,
  teacherWorld,
  uniq,
  type TeacherWorld,
} from "./world";

type Route = readonly [method: string, template: string];

/** Every page route of the app (no API, static files or development pages). */
function pageRoutes(): Route[] {
  const seen = new Set<string>();
  const out: Route[] = [];
  for (const r of app.routes) {
    if (r.method === "ALL" || r.path.includes("*") || /^\/(api|static|dev)\//.test(r.path)) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([r.method, r.path]);
  }
  return out;
}

const ROUTES = pageRoutes();
const pick = (test: RegExp) => ROUTES.filter(([, p]) => test.test(p));

/** What a parent's guardianship of a child opens: the child's pages and the threads about the child. */
const GUARDIANSHIP_ROUTES = pick(/^\/(children\/:studentId|messages\/:id)(\/|$)/);
/** What a teacher's place in a section opens: the section, its students, their families' threads. */
const SECTION_ROUTES = pick(/^\/teacher\/(sections\/:id|students\/:(id|studentId)|messages\/(:id|new|broadcast\/:sectionId))(\/|$)/);
/** What a student session (opened by a badge or by a parent's Instant Login) opens. */
const STUDENT_ROUTES = pick(/^\/student(\/|$)/);
/** Sign-in, invitation, reset and other pages anyone may open: no grant behind them. */
const PUBLIC = /^\/(favicon\.ico|hooks\/|i\/|join|verify-email|sign-in|sign-out|forgot-password|reset-password|auth\/google|teacher\/sign-in|teacher\/auth\/google|help|tour$|badges|ideas$)/;
/** Everything a parent's session opens (their own pages, whatever the child). */
const PARENT_SESSION_ROUTES = ROUTES.filter(([, p]) => !PUBLIC.test(p) && !p.startsWith("/teacher") && !p.startsWith("/student") && p !== "/");
const TEACHER_SESSION_ROUTES = ROUTES.filter(([, p]) => p.startsWith("/teacher") && !PUBLIC.test(p));

interface World {
  w: TeacherWorld;
  parent: { id: string; email: string };
  guardianshipId: string;
  threadId: string;
  contactId: string;
}

/** T1 teaches Maya (S1) and Leo in SEC1; Rosa is Maya's guardian; T1 and Rosa have a thread about Maya; Maya's badges are on. */
async function buildWorld(): Promise<World> {
  const w = await teacherWorld();
  const { id: parentId, email } = await insertParent({ name: "Rosa Johnson" });
  await insertGuardianship(w.district.id, parentId, w.ids.S1);
  const guardianshipId = (await env.DB.prepare("SELECT id FROM guardianships WHERE user_id = ? AND student_id = ?").bind(parentId, w.ids.S1).first<{ id: string }>())!.id;
  expect((await api(w.district.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Johnson", schoolSisId: "SCH1", grade: "3", badgesEnabled: true })).status).toBeLessThan(300);
  expect((await api(w.district.token, "POST", "/students/S1/badge")).status).toBeLessThan(300);
  const contactId = await contactIdFor((await inviteTo(w.district, "S1", `${uniq("second.")}@example.com`, { name: "Second Guardian" })).id);
  const threadId = await startThread(await browserAs("teacher", w.ids.T1), w.ids.S1, parentId, "Maya read a whole chapter today.");
  return { w, parent: { id: parentId, email }, guardianshipId, threadId, contactId };
}

/** The route's path with the world's ids: Maya, SEC1, Rosa's thread and contact. */
function pathOf(x: World, template: string, method: string): string {
  const p = template
    .replace(":action{regenerate|void}", "regenerate")
    .replace("/students/:studentId/contacts/:contactId", `/students/${x.w.ids.S1}/contacts/${x.contactId}`)
    .replace(/\/(children|students)\/:(studentId|id)/, (_m, area: string) => `/${area}/${x.w.ids.S1}`)
    .replace("/sections/:id", `/sections/${x.w.ids.SEC1}`)
    .replace("/broadcast/:sectionId", `/broadcast/${x.w.ids.SEC1}`)
    .replace("/messages/:id", `/messages/${x.threadId}`)
    .replace("/since/:seq", "/since/0")
    .replace("/sessions/:id", "/sessions/ses_notarealsession00");
  if (p.includes(":")) throw new Error(`no id for ${template}`);
  return method === "GET" && p === "/teacher/messages/new" ? `${p}?student=${x.w.ids.S1}&guardian=${x.parent.id}` : p;
}

/** Real fields where an empty form would stop at validation before the grant is even checked. */
function formOf(x: World, method: string, template: string): Record<string, string> {
  if (method !== "POST") return {};
  if (template === "/teacher/messages/new") return { student: x.w.ids.S1, guardian: x.parent.id, body: `Matrix note ${uniq("")}` };
  if (/messages\/(:id|broadcast)/.test(template)) return { body: `Matrix note ${uniq("")}` };
  return {};
}

interface Answer {
  status: number;
  location: string | null;
  text: string;
}

/** One request as a person with this session cookie (or none), as a same-origin browser sends it. */
async function send(cookie: string | null, method: string, path: string, form: Record<string, string> = {}): Promise<Answer> {
  const headers = new Headers({ "sec-fetch-site": method === "GET" ? "none" : "same-origin" });
  if (cookie) headers.set("cookie", `fp_session=${cookie}`);
  let body: string | undefined;
  if (method !== "GET") {
    headers.set("origin", ORIGIN);
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(form).toString();
  }
  const res = await call(path, { method, headers, body, redirect: "manual" });
  const type = res.headers.get("content-type") ?? "";
  const text = type.startsWith("text/") ? await res.text() : (await res.arrayBuffer(), "");
  return { status: res.status, location: res.headers.get("location"), text };
}

/** A new session of this person for one request (some routes end the session they run in). */
async function freshCookie(kind: SessionKind, subjectId: string): Promise<string> {
  return (await createSession(getDb(env.DB), kind, subjectId)).token;
}

const SIGN_IN = /^\/(sign-in|teacher\/sign-in|badges)(\?|$)/;
/** Refused: not found, not signed in, or sent to sign in (or to one's own home). */
const refused = (a: Answer, home: string) => a.status === 404 || a.status === 401 || (a.status === 303 && a.location !== null && (SIGN_IN.test(a.location) || a.location === home));
const allowed = (a: Answer, home: string) => a.status < 500 && a.status !== 403 && !refused(a, home);

/** Each route, as this person, answered as expected; returns the routes that did not. */
async function probe(x: World, kind: "parent" | "teacher", subjectId: string, routes: readonly Route[], want: "allowed" | "refused"): Promise<string[]> {
  const home = kind === "parent" ? "/" : "/teacher";
  const wrong: string[] = [];
  for (const [method, template] of routes) {
    const a = await send(await freshCookie(kind, subjectId), method, pathOf(x, template, method), formOf(x, method, template));
    const ok = want === "allowed" ? allowed(a, home) : refused(a, home);
    if (!ok) wrong.push(`${method} ${template} → ${a.status} ${a.location ?? ""}`);
  }
  return wrong;
}

describe("revocation matrix: the routes behind each grant", () => {
  it("come from the app's own routes and cover what each grant opens", () => {
    const names = (rs: readonly Route[]) => rs.map(([m, p]) => `${m} ${p}`);
    expect(names(GUARDIANSHIP_ROUTES)).toEqual(
      expect.arrayContaining(["GET /children/:studentId/badge", "GET /children/:studentId/badge.png", "POST /children/:studentId/instant-login", "GET /messages/:id", "GET /messages/:id/since/:seq", "POST /messages/:id"]),
    );
    expect(names(SECTION_ROUTES)).toEqual(
      expect.arrayContaining([
        "GET /teacher/sections/:id",
        "GET /teacher/sections/:id/badges",
        "POST /teacher/students/:id/badge/:action{regenerate|void}",
        "POST /teacher/students/:studentId/contacts/:contactId/invite",
        "GET /teacher/messages/:id",
        "GET /teacher/messages/:id/since/:seq",
        "POST /teacher/messages/:id",
        "POST /teacher/messages/new",
        "POST /teacher/messages/broadcast/:sectionId",
      ]),
    );
    expect(names(STUDENT_ROUTES)).toEqual(["GET /student"]);
    expect(PARENT_SESSION_ROUTES.length).toBeGreaterThan(15);
    expect(TEACHER_SESSION_ROUTES.length).toBeGreaterThan(15);
  });
});

describe("revocation matrix: a guardianship", () => {
  let x: World;
  beforeAll(async () => {
    x = await buildWorld();
  }, 60_000);

  it("disconnected by the district: every route about that child refuses the parent at once, and the Instant Login it gave ends", async () => {
    // Before: the parent uses every route about Maya (GETs; the POSTs are checked below, so this world keeps its state).
    expect(await probe(x, "parent", x.parent.id, GUARDIANSHIP_ROUTES.filter(([m]) => m === "GET"), "allowed")).toEqual([]);
    const parent = await browserAs("parent", x.parent.id);
    const handed = await parent.post(`/children/${x.w.ids.S1}/instant-login`);
    expect(await pageText(handed)).toContain("Maya");
    const child = parent.session!;
    expect((await send(child, "GET", "/student")).status).toBe(200);
    const stored = (await storedMessages(x.threadId)).length;

    expect((await api(x.w.district.token, "DELETE", `/students/S1/guardians/${x.guardianshipId}`)).status).toBe(204);

    expect(await probe(x, "parent", x.parent.id, GUARDIANSHIP_ROUTES, "refused")).toEqual([]);
    expect(refused(await send(child, "GET", "/student"), "/student")).toBe(true);
    expect(await pageText(new Response((await send(await freshCookie("parent", x.parent.id), "GET", "/")).text))).not.toContain("Maya");
    expect((await send(await freshCookie("parent", x.parent.id), "GET", "/messages")).text).not.toContain(x.threadId);
    // The teacher still teaches Maya, but cannot write to a guardian who is no longer hers.
    const reply = await send(await freshCookie("teacher", x.w.ids.T1), "POST", `/teacher/messages/${x.threadId}`, { body: "Still there?" });
    expect(reply.status).toBe(422);
    expect(await storedMessages(x.threadId)).toHaveLength(stored);
  });
});

describe("revocation matrix: a teacher's place in a section", () => {
  let x: World;
  beforeAll(async () => {
    x = await buildWorld();
  }, 60_000);

  it("taken away by the roster: every route about the section's students refuses the teacher at once; given back, they work again", async () => {
    const gets = SECTION_ROUTES.filter(([m]) => m === "GET");
    expect(await probe(x, "teacher", x.w.ids.T1, gets, "allowed")).toEqual([]);
    const stored = (await storedMessages(x.threadId)).length;
    const section = (teacherSisIds: string[]) => ({ name: "Grade 3 · Room 12", schoolSisId: "SCH1", teacherSisIds, studentSisIds: ["S1", "S2"] });

    expect((await api(x.w.district.token, "PUT", "/sections/SEC1", section(["T2"]))).status).toBeLessThan(300);
    expect(await probe(x, "teacher", x.w.ids.T1, SECTION_ROUTES, "refused")).toEqual([]);
    expect(await storedMessages(x.threadId)).toHaveLength(stored);
    expect(await countRows("threads", "teacher_id = ? AND student_id = ?", x.w.ids.T1, x.w.ids.S1)).toBe(1);

    expect((await api(x.w.district.token, "PUT", "/sections/SEC1", section(["T1"]))).status).toBeLessThan(300);
    expect(await probe(x, "teacher", x.w.ids.T1, gets, "allowed")).toEqual([]);
  });
});

describe("revocation matrix: a badge", () => {
  let x: World;
  let parent: Browser;
  beforeAll(async () => {
    x = await buildWorld();
    parent = await browserAs("parent", x.parent.id);
  }, 60_000);

  /** A child's device logged in with the badge the parent downloads now; returns its cookie and the badge text. */
  async function badgeSession(): Promise<{ cookie: string; qr: string }> {
    const qr = await downloadBadge(parent, x.w.ids.S1);
    const device = await studentDevice();
    const res = await device.post("/badges/login", { token: qr }, { follow: false });
    expect(res.headers.get("location")).toBe("/student");
    return { cookie: device.session!, qr };
  }

  const endings: [string, () => Promise<number>][] = [
    ["voided by the district", async () => (await api(x.w.district.token, "DELETE", "/students/S1/badge")).status],
    ["regenerated by the district", async () => (await api(x.w.district.token, "POST", "/students/S1/badge")).status],
    ["voided by the teacher", async () => (await send(await freshCookie("teacher", x.w.ids.T1), "POST", `/teacher/students/${x.w.ids.S1}/badge/void`)).status],
    ["renewed for the whole class by the teacher", async () => (await send(await freshCookie("teacher", x.w.ids.T1), "POST", `/teacher/sections/${x.w.ids.SEC1}/badges/regenerate`)).status],
    [
      "turned off for the student",
      async () => (await api(x.w.district.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Johnson", schoolSisId: "SCH1", grade: "3", badgesEnabled: false })).status,
    ],
  ];

  for (const [how, end] of endings) {
    it(`${how}: the sessions it opened end at once, and the badge no longer logs in`, async () => {
      // A live badge to start from (the previous case may have voided it or turned badges off).
      await api(x.w.district.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Johnson", schoolSisId: "SCH1", grade: "3", badgesEnabled: true });
      if ((await countRows("badges", "student_id = ? AND voided_at IS NULL", x.w.ids.S1)) === 0) await api(x.w.district.token, "POST", "/students/S1/badge");
      const { cookie, qr } = await badgeSession();
      for (const [method, template] of STUDENT_ROUTES) expect((await send(cookie, method, template)).status).toBe(200);

      expect(await end()).toBeLessThan(400);

      for (const [method, template] of STUDENT_ROUTES) expect(refused(await send(cookie, method, template), "/student"), template).toBe(true);
      expect(await countRows("sessions", "kind = 'student' AND subject_id = ? AND grant_id IN (SELECT id FROM badges)", x.w.ids.S1)).toBe(0);
      const again = await studentDevice();
      expect((await again.post("/badges/login", { token: qr }, { follow: false })).status).toBe(401);
    });
  }
});

describe("revocation matrix: a session", () => {
  let x: World;
  beforeAll(async () => {
    x = await buildWorld();
  }, 60_000);

  it("a parent's session ended from another device: every parent route refuses it at once", async () => {
    const doomed = await freshCookie("parent", x.parent.id);
    // (Not the page that asks before signing a device out: its made-up session id is a 404 for anyone.)
    const gets = PARENT_SESSION_ROUTES.filter(([m, p]) => m === "GET" && p !== "/account/sessions/:id/end");
    for (const [method, template] of gets) expect(allowed(await send(doomed, method, pathOf(x, template, method)), "/"), `${method} ${template}`).toBe(true);
    const other = await browserAs("parent", x.parent.id);
    const id = doomed.split(".")[0]!;
    expect((await other.post(`/account/sessions/${id}/end`, {}, { follow: false })).status).toBe(303);
    const wrong: string[] = [];
    for (const [method, template] of PARENT_SESSION_ROUTES) {
      const a = await send(doomed, method, pathOf(x, template, method), formOf(x, method, template));
      if (!refused(a, "/")) wrong.push(`${method} ${template} → ${a.status} ${a.location ?? ""}`);
    }
    expect(wrong).toEqual([]);
    expect(other.session).toBeDefined();
  });

  it("a parent's password reset ends every session of the account", async () => {
    const doomed = await freshCookie("parent", x.parent.id);
    expect((await send(doomed, "GET", "/account")).status).toBe(200);
    const b = new Browser();
    await b.get("/forgot-password");
    await b.post("/forgot-password", { email: x.parent.email });
    const mail = await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ? AND body_text LIKE '%/reset-password/%' ORDER BY created_at DESC").bind(x.parent.email).first<{ body_text: string }>();
    const token = mail!.body_text.match(/\/reset-password\/([a-z2-7]+)/)![1]!;
    await b.get(`/reset-password/${token}`);
    const done = await b.post(`/reset-password/${token}`, { password: "a brand new passphrase 7" }, { follow: false });
    expect(done.status).toBe(303);
    for (const [method, template] of PARENT_SESSION_ROUTES.filter(([m]) => m === "GET")) expect(refused(await send(doomed, method, pathOf(x, template, method)), "/"), `${method} ${template}`).toBe(true);
  });

  it("a teacher who signs out: every teacher route refuses that session at once", async () => {
    const doomed = await freshCookie("teacher", x.w.ids.T1);
    const gets = TEACHER_SESSION_ROUTES.filter(([m]) => m === "GET");
    for (const [method, template] of gets) expect(allowed(await send(doomed, method, pathOf(x, template, method)), "/teacher"), `${method} ${template}`).toBe(true);
    expect((await send(doomed, "POST", "/sign-out")).location).toBe("/teacher/sign-in");
    const wrong: string[] = [];
    for (const [method, template] of TEACHER_SESSION_ROUTES) {
      const a = await send(doomed, method, pathOf(x, template, method), formOf(x, method, template));
      if (!refused(a, "/teacher")) wrong.push(`${method} ${template} → ${a.status} ${a.location ?? ""}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("revocation matrix: a teacher's Messages switch", () => {
  let x: World;
  beforeAll(async () => {
    x = await buildWorld();
  }, 60_000);

  it("turned off: families cannot reply and the teacher cannot start conversations, at once; nothing is stored", async () => {
    const teacher = await browserAs("teacher", x.w.ids.T1);
    expect((await send(await freshCookie("parent", x.parent.id), "POST", `/messages/${x.threadId}`, { body: "Thank you!" })).status).toBe(303);
    const stored = (await storedMessages(x.threadId)).length;
    const threads = await countRows("threads", "teacher_id = ?", x.w.ids.T1);

    expect((await teacher.post("/teacher/settings/messages", { messagesEnabled: "off" }, { follow: false })).status).toBe(303);
    expect(await countRows("teachers", "id = ? AND messages_enabled = 0", x.w.ids.T1)).toBe(1);

    const writes: [string, string, Record<string, string>][] = [
      ["parent", `/messages/${x.threadId}`, { body: "One more thing" }],
      ["teacher", "/teacher/messages/new", { student: x.w.ids.S1, guardian: x.parent.id, body: "A new conversation" }],
      ["teacher", `/teacher/messages/broadcast/${x.w.ids.SEC1}`, { body: "To every family" }],
    ];
    for (const [kind, path, form] of writes) {
      const a = await send(await freshCookie(kind as SessionKind, kind === "parent" ? x.parent.id : x.w.ids.T1), "POST", path, form);
      expect(a.status, path).toBe(403);
    }
    expect(await storedMessages(x.threadId)).toHaveLength(stored);
    expect(await countRows("threads", "teacher_id = ?", x.w.ids.T1)).toBe(threads);
  });
});
