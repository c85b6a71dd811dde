// Every route of the app × every kind of caller: the status each may get, and that nobody outside
// child C's circle ever sees C's name, the thread or parent A's address. The route list comes from
// the app itself, so a new route without a rule here fails until someone decides who may use it.
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/index";
import { createSession, type SessionKind } from "../src/auth/sessions";
import { GRADE_BANDS, IDEA_TOPICS } from "../src/ideas/catalog";
import { getDb } from "../src/db/client";
import { ADMIN_TOKEN, api, browserAs, createDistrict, idOf, insertGuardianship, insertParent, openSession, ORIGIN, startThread, type TestDistrict, uniq } from "./world";

type ActorName = "anonymous" | "districtA" | "parentA" | "parentB" | "teacherT1" | "teacherT2" | "districtB" | "studentD" | "admin";
const ACTORS: ActorName[] = ["anonymous", "districtA", "parentA", "parentB", "teacherT1", "teacherT2", "districtB", "studentD", "admin"];
/** Those who may see child C: everyone else is an outsider whose responses must not mention C. */
const INSIDERS = new Set<ActorName>(["districtA", "parentA", "teacherT1", "admin"]);

interface World {
  a: TestDistrict;
  b: TestDistrict;
  /** A OneRoster import of district A's. */
  importId: string;
  spareDistrictId: string;
  ids: Record<"T1" | "T2" | "SEC1" | "SEC2" | "C" | "D" | "TB" | "E", string>;
  parentA: { id: string; email: string };
  parentB: { id: string; email: string };
  guardianshipId: string;
  invitationD: { id: string; token: string };
  contactC: string;
  threadId: string;
  suggestionId: string;
  /** Another of parent A's sessions (for "end that session"). */
  sessionA: string;
  /** Strings only C's circle may see. */
  secrets: string[];
}

const SAFE = new Set(["GET", "HEAD"]);
const prodEnv = () => ({ ...env, ENVIRONMENT: "production" });

async function buildWorld(): Promise<World> {
  const tag = uniq("");
  const a = await createDistrict(`Matrix A ${tag}`);
  const cFirst = `Zephyrine${tag}`;
  const cLast = "Quackenbush";
  expect(
    (
      await api(a.token, "POST", "/roster", {
        schools: [{ sisId: "SCH1", name: "Quillfeather Elementary" }],
        teachers: [
          { sisId: "T1", name: "Ana Rivera", email: `${uniq("t1.")}@school.test` },
          { sisId: "T2", name: "Dev Shah", email: `${uniq("t2.")}@school.test` },
        ],
        students: [
          { sisId: "S1", firstName: cFirst, lastName: cLast, schoolSisId: "SCH1", grade: "3", badgesEnabled: true },
          { sisId: "S2", firstName: "Ottoline", lastName: "Brightwater", schoolSisId: "SCH1", grade: "2", badgesEnabled: true },
        ],
        sections: [
          { sisId: "SEC1", name: "Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1"] },
          { sisId: "SEC2", name: "Room 14", schoolSisId: "SCH1", teacherSisIds: ["T2"], studentSisIds: ["S2"] },
        ],
      })
    ).status,
  ).toBe(200);
  const b = await createDistrict(`Matrix B ${tag}`);
  expect(
    (
      await api(b.token, "POST", "/roster", {
        schools: [{ sisId: "B-SCH", name: "Birchwood Middle" }],
        teachers: [{ sisId: "B-T", name: "Bea Olsen", email: `${uniq("tb.")}@school.test` }],
        students: [{ sisId: "B-S", firstName: "Evander", lastName: "Mossgrove", schoolSisId: "B-SCH", grade: "6" }],
        sections: [{ sisId: "B-SEC", name: "Room 1", schoolSisId: "B-SCH", teacherSisIds: ["B-T"], studentSisIds: ["B-S"] }],
      })
    ).status,
  ).toBe(200);
  const spare = await createDistrict(`Matrix spare ${tag}`);
  const ids = {
    T1: await idOf("teachers", a.id, "T1"),
    T2: await idOf("teachers", a.id, "T2"),
    SEC1: await idOf("sections", a.id, "SEC1"),
    SEC2: await idOf("sections", a.id, "SEC2"),
    C: await idOf("students", a.id, "S1"),
    D: await idOf("students", a.id, "S2"),
    TB: await idOf("teachers", b.id, "B-T"),
    E: await idOf("students", b.id, "B-S"),
  };
  const parentA = { id: "", email: `${uniq("parent.alpha.")}@example.com` };
  parentA.id = (await insertParent({ name: "Parentia Alphaworth", email: parentA.email })).id;
  await insertGuardianship(a.id, parentA.id, ids.C);
  const parentB = { id: "", email: `${uniq("parent.beta.")}@example.com` };
  parentB.id = (await insertParent({ name: "Bertram Betaford", email: parentB.email })).id;
  await insertGuardianship(b.id, parentB.id, ids.E);
  const guardianshipId = (await env.DB.prepare("SELECT id FROM guardianships WHERE user_id = ? AND student_id = ?").bind(parentA.id, ids.C).first<{ id: string }>())!.id;

  // An invitation for C (its contact is what the teacher's invite button uses) and one for D (the link used below).
  const invC = await api(a.token, "POST", "/invitations", { studentSisId: "S1", email: `${uniq("second.")}@example.com`, name: "Second Guardian" });
  expect(invC.status).toBe(201);
  const invCId = ((await invC.json()) as { id: string }).id;
  const contactC = (await env.DB.prepare("SELECT contact_id FROM invitations WHERE id = ?").bind(invCId).first<{ contact_id: string }>())!.contact_id;
  const dEmail = `${uniq("dguardian.")}@example.com`;
  const invD = await api(a.token, "POST", "/invitations", { studentSisId: "S2", email: dEmail, name: "Guardian Of D" });
  expect(invD.status).toBe(201);
  const invDId = ((await invD.json()) as { id: string }).id;
  const mail = await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ?").bind(dEmail).first<{ body_text: string }>();
  const dToken = mail?.body_text.match(/\/i\/([A-Za-z0-9_-]+)/)?.[1];
  if (!dToken) throw new Error("no invitation link for D");

  expect((await api(a.token, "POST", "/students/S1/badge")).status).toBeLessThan(300);
  const idea = { title: "Read together", source: "Reading Rockets", sourceUrl: "https://example.org/read", summary: "Ten minutes a day.", topic: IDEA_TOPICS[0], gradeBand: GRADE_BANDS[0] };
  expect((await api(ADMIN_TOKEN, "PUT", "/admin/ideas/matrix-idea", idea)).status).toBeLessThan(300);
  expect((await api(a.token, "PUT", "/links/matrix-link", { title: "Lunch menu", url: "https://school.example.org/lunch", audience: "families" })).status).toBeLessThan(300);

  const secretBody = `Private note about ${cFirst} ${tag}`;
  const t1 = await browserAs("teacher", ids.T1);
  const threadId = await startThread(t1, ids.C, parentA.id, secretBody);

  const suggestionId = uniq("sug_");
  await env.DB.prepare("INSERT INTO idea_suggestions (id, user_id, text, topic, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(suggestionId, parentA.id, "Reading together every evening for ten minutes.", null, Date.now())
    .run();

  // A OneRoster import of district A's (its record only: no upload needs processing here).
  const importId = uniq("imp_");
  await env.DB.prepare("INSERT INTO roster_imports (id, district_id, status, dry_run, invite, remove_missing, upload_bytes, counts, created_at, updated_at) VALUES (?, ?, 'done', 0, 0, 0, 0, '{}', ?, ?)")
    .bind(importId, a.id, Date.now(), Date.now())
    .run();

  return {
    a,
    b,
    importId,
    spareDistrictId: spare.id,
    ids,
    parentA,
    parentB,
    guardianshipId,
    invitationD: { id: invDId, token: dToken },
    contactC,
    threadId,
    suggestionId,
    sessionA: (await createSession(getDb(env.DB), "parent", parentA.id)).session.id,
    secrets: [cFirst, cLast, parentA.email, secretBody, "Parentia Alphaworth"],
  };
}

/** The path with real ids from the world: C's, T1's and parent A's things wherever a route takes an id. */
function concretePath(w: World, method: string, path: string): string {
  const forApi = path.startsWith("/api/v1/");
  let p = path
    .replace(":action{regenerate|void}", "regenerate")
    .replace("/admin/districts/:id", `/admin/districts/${w.spareDistrictId}`)
    .replace("/admin/ideas/:slug", "/admin/ideas/matrix-idea")
    .replace("/admin/idea-suggestions/:id", `/admin/idea-suggestions/${w.suggestionId}`)
    .replace("/schools/:sisId", "/schools/SCH1")
    .replace("/teachers/:sisId", "/teachers/T1")
    .replace("/sections/:sisId", "/sections/SEC1")
    .replace("/students/:sisId", "/students/S1")
    .replace("/guardians/:id", `/guardians/${w.guardianshipId}`)
    .replace("/links/:key", "/links/matrix-link")
    .replace("/invitations/:id", `/invitations/${w.invitationD.id}`)
    .replace("/roster/imports/:id", `/roster/imports/${w.importId}`)
    .replace("/i/:token", `/i/${w.invitationD.token}`)
    .replace("/join/siblings/:id", `/join/siblings/${w.invitationD.id}`)
    .replace(/\/:token$/, "/not-a-real-token-0123456789")
    .replace("/teacher/sections/:id", `/teacher/sections/${w.ids.SEC1}`)
    .replace("/teacher/students/:id", `/teacher/students/${w.ids.C}`)
    .replace("/teacher/students/:studentId/contacts/:contactId", `/teacher/students/${w.ids.C}/contacts/${w.contactC}`)
    .replace("/broadcast/:sectionId", `/broadcast/${w.ids.SEC1}`)
    .replace("/messages/:id", `/messages/${w.threadId}`)
    .replace("/since/:seq", "/since/0")
    .replace("/children/:studentId", `/children/${w.ids.C}`)
    .replace("/dev/mailbox/:id", "/dev/mailbox/out_x")
    .replace("/sessions/:id", `/sessions/${w.sessionA}`);
  if (!forApi && method === "GET" && p === "/teacher/messages/new") p += `?student=${w.ids.C}&guardian=${w.parentA.id}`;
  if (p.includes(":")) throw new Error(`no id for ${method} ${path}`);
  return p;
}

/** Real form fields where an empty form would stop before the authorization check that matters. */
function formFor(w: World, route: string): Record<string, string> {
  if (route === "POST /teacher/messages/new") return { student: w.ids.C, guardian: w.parentA.id, body: "Matrix check from the teacher." };
  if (route === "POST /teacher/messages/:id" || route === "POST /messages/:id") return { body: "Matrix check reply." };
  return {};
}

/** A real body where an empty one would only test validation. */
function jsonFor(route: string): object {
  if (route === "PUT /api/v1/links/:key") return { title: "Someone else's link", url: "https://other.example.org/", audience: "families" };
  return {};
}

type Expect = "ok" | "denied" | "any";

const PUBLIC_PAGES = [
  /^\/favicon\.ico$/, /^\/dev\//, /^\/i\//, /^\/join/, /^\/verify-email/, /^\/sign-in$/, /^\/sign-out$/, /^\/forgot-password$/,
  /^\/reset-password\//, /^\/auth\/google/, /^\/language$/, /^\/teacher\/sign-in/, /^\/teacher\/auth\/google/, /^\/help$/, /^\/tour$/, /^\/badges(\/login|\/picture)?$/,
  /^\/hooks\//,
];
/** Providers' webhooks: no session or token behind them, a signature instead; an unsigned call is the 403 the issue asks for (issue 17). */
const WEBHOOKS = /^\/hooks\//;
/** Routes whose ids are C's, T1's or parent A's: an outsider of the same kind gets 404. */
const CARRIES_IDS = /:(sisId|id|studentId|sectionId|contactId|key|slug|action)/;
const LISTS_OWN = new Set(["GET /api/v1/students", "GET /api/v1/links", "GET /api/v1/settings", "GET /api/v1/invitations", "GET /api/v1/reports", "GET /api/v1/roster/imports"]);

/** Who may use a route, from its template. */
function expectation(method: string, path: string, who: ActorName): Expect {
  if (path === "/api/v1/openapi.json") return "ok";
  if (path.startsWith("/api/v1/admin")) return who === "admin" ? "ok" : "denied";
  if (path.startsWith("/api/v1/")) {
    if (who === "districtA") return "ok";
    if (who !== "districtB") return "denied";
    // District B's own (empty) lists, and its own writes (an upsert of its own sisId, a new invitation).
    if (LISTS_OWN.has(`${method} ${path}`)) return "ok";
    if (!CARRIES_IDS.test(path)) return "any";
    // A PUT is an upsert keyed inside the caller's own district: it makes B's own row, never touches A's.
    if (path === "/api/v1/links/:key") return "any";
    return method === "PUT" && /^\/api\/v1\/(schools|teachers|students|sections)\/:sisId$|^\/api\/v1\/links\/:key$/.test(path) ? "any" : "denied";
  }
  if (PUBLIC_PAGES.some((r) => r.test(path))) return "any";
  if (path === "/student") return who === "studentD" ? "ok" : "denied";
  if (path.startsWith("/teacher")) {
    if (who === "teacherT1") return "ok";
    if (who !== "teacherT2") return "denied";
    return CARRIES_IDS.test(path) || path === "/teacher/messages/new" ? "denied" : "ok";
  }
  // Parent pages: home, account, messages, ideas, children/…
  if (who === "parentA") return "ok";
  if (path === "/" && !who.startsWith("parent")) return "any"; // the welcome page, or a teacher's or student's own home
  if (who !== "parentB") return "denied";
  return CARRIES_IDS.test(path) ? "denied" : "ok";
}

const SIGN_IN = /^\/(sign-in|teacher\/sign-in|badges)(\?|$)/;

interface Outcome {
  route: string;
  who: ActorName;
  status: number;
  location: string | null;
  problem: string | null;
  /** Whether the response showed any of C's circle's strings (expected for insiders on C's pages). */
  showsSecrets: boolean;
}

async function send(w: World, who: ActorName, method: string, template: string): Promise<Outcome> {
  // Parent A's other session is renewed for each call: the many sessions made here push old ones out.
  if (template.includes("/sessions/:id")) w.sessionA = (await createSession(getDb(env.DB), "parent", w.parentA.id)).session.id;
  const path = concretePath(w, method, template);
  const isApi = path.startsWith("/api/");
  const headers = new Headers();
  const token = who === "admin" ? ADMIN_TOKEN : who === "districtB" ? w.b.token : who === ("districtA") ? w.a.token : null;
  if (token) headers.set("authorization", `Bearer ${token}`);
  const session: [SessionKind, string] | null =
    who === "parentA" ? ["parent", w.parentA.id] : who === "parentB" ? ["parent", w.parentB.id] : who === "teacherT1" ? ["teacher", w.ids.T1] : who === "teacherT2" ? ["teacher", w.ids.T2] : who === "studentD" ? ["student", w.ids.D] : null;
  // A new session for every request: some routes end the session they run in (sign-out, Instant Login).
  if (session) headers.set("cookie", `fp_session=${(await openSession(session[0], session[1])).token}`);
  let body: string | undefined;
  if (SAFE.has(method)) headers.set("sec-fetch-site", "none");
  else {
    headers.set("sec-fetch-site", "same-origin");
    headers.set("origin", ORIGIN);
    headers.set("content-type", isApi ? "application/json" : "application/x-www-form-urlencoded");
    body = isApi ? JSON.stringify(jsonFor(`${method} ${template}`)) : new URLSearchParams(formFor(w, `${method} ${template}`)).toString();
  }
  const ctx = createExecutionContext();
  const res = await app.request(ORIGIN + path, { method, headers, body, redirect: "manual" }, prodEnv(), ctx);
  const type = res.headers.get("content-type") ?? "";
  const text = /^(text|application\/json)/.test(type) || type === "" ? await res.text() : (await res.arrayBuffer(), "");
  await waitOnExecutionContext(ctx);
  const location = res.headers.get("location");
  const route = `${method} ${template}`;
  const want = expectation(method, template, who);
  let problem: string | null = null;
  const home = who.startsWith("parent") ? "/" : who.startsWith("teacher") ? "/teacher" : who.startsWith("student") ? "/student" : null;
  const denied = res.status === 401 || res.status === 404 || (res.status === 303 && location !== null && (SIGN_IN.test(location) || location === home));
  if (res.status >= 500) problem = `server error ${res.status}`;
  else if (res.status === 403 && !WEBHOOKS.test(template)) problem = "403 (house rule: 404 or 401, never 403)";
  else if (want === "denied" && !denied) problem = `expected denial, got ${res.status} ${location ?? ""}`;
  else if (want === "ok" && denied) problem = `expected access, got ${res.status} ${location ?? ""}`;
  else if (want === "ok" && SAFE.has(method) && !(res.status >= 200 && res.status < 400)) problem = `expected 2xx/3xx, got ${res.status}`;
  const leaked = w.secrets.find((s) => text.includes(s) || (location ?? "").includes(s));
  if (!problem && !INSIDERS.has(who) && leaked) problem = `response shows "${leaked}"`;
  return { route, who, status: res.status, location, problem, showsSecrets: leaked !== undefined };
}

/** Every route the app answers, as "METHOD /path", without middleware entries. */
function allRoutes(): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const r of app.routes) {
    if (r.method === "ALL" || r.path.includes("*")) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([r.method, r.path]);
  }
  return out;
}

/** Rows a refused request must not change, in C's district. */
async function snapshot(w: World): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const q = async (name: string, sql: string, ...params: unknown[]) => {
    counts[name] = (await env.DB.prepare(sql).bind(...params).first<{ n: number }>())?.n ?? 0;
  };
  await q("guardianships", "SELECT count(*) AS n FROM guardianships WHERE district_id = ?", w.a.id);
  await q("invitations", "SELECT count(*) AS n FROM invitations WHERE district_id = ? AND status = 'pending'", w.a.id);
  await q("badges", "SELECT count(*) AS n FROM badges WHERE student_id = ? AND voided_at IS NULL", w.ids.C);
  await q("links", "SELECT count(*) AS n FROM district_links WHERE district_id = ? AND title = 'Lunch menu'", w.a.id);
  await q("audit", "SELECT count(*) AS n FROM audit_log WHERE district_id = ?", w.a.id);
  await q("threads", "SELECT count(*) AS n FROM threads WHERE student_id = ?", w.ids.C);
  await q("outbox", "SELECT count(*) AS n FROM outbox");
  await q("students", "SELECT count(*) AS n FROM students WHERE district_id = ? AND first_name = 'Ottoline'", w.a.id);
  return counts;
}

describe("authorization matrix", () => {
  let w: World;
  const routes = allRoutes();
  beforeAll(async () => {
    w = await buildWorld();
  });

  it("lists every page and API route (the matrix cannot silently shrink)", () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(routes.some(([m, p]) => m === "POST" && p === "/messages/:id")).toBe(true);
    expect(routes.some(([m, p]) => m === "DELETE" && p === "/api/v1/students/:sisId/guardians/:id")).toBe(true);
  });

  it("reads: each caller gets only what is theirs, and outsiders never see child C", async () => {
    const problems: Outcome[] = [];
    const insiderViews: string[] = [];
    for (const [method, path] of routes.filter(([m]) => SAFE.has(m))) {
      for (const who of ACTORS) {
        const o = await send(w, who, method, path);
        if (o.problem) problems.push(o);
        if (o.showsSecrets) insiderViews.push(`${who} ${o.route}`);
      }
    }
    expect(problems).toEqual([]);
    // The ids substituted are real: the insiders do see C on C's pages (so the outsiders' silence means something).
    expect(insiderViews).toEqual(
      expect.arrayContaining([
        "parentA GET /children/:studentId/badge",
        "parentA GET /messages/:id",
        "teacherT1 GET /teacher/messages/:id",
        "teacherT1 GET /teacher/sections/:id",
        "districtA GET /api/v1/students/:sisId",
        "districtA GET /api/v1/students/:sisId/guardians",
      ]),
    );
  });

  it("writes from those not allowed are refused and change nothing in C's district", async () => {
    const before = await snapshot(w);
    const problems: Outcome[] = [];
    for (const [method, path] of routes.filter(([m, p]) => !SAFE.has(m) && !PUBLIC_PAGES.some((r) => r.test(p)))) {
      for (const who of ACTORS) {
        if (expectation(method, path, who) === "ok") continue;
        const o = await send(w, who, method, path);
        if (o.problem) problems.push(o);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot(w)).toEqual(before);
  });

  it("writes from the owners are let through (any answer but a refusal or a 500); public forms never fail", async () => {
    const problems: Outcome[] = [];
    // Deletions go last (the other owner calls need C, its guardianship and badge), the deepest first.
    const rank = ([m, p]: [string, string]) => (m === "DELETE" ? 1000 - p.length : 0);
    const unsafe = routes.filter(([m]) => !SAFE.has(m)).sort((a, b) => rank(a) - rank(b));
    for (const [method, path] of unsafe) {
      const publicForm = PUBLIC_PAGES.some((r) => r.test(path));
      for (const who of ACTORS) {
        if (!publicForm && expectation(method, path, who) !== "ok") continue;
        const o = await send(w, who, method, path);
        if (o.problem) problems.push(o);
      }
    }
    expect(problems).toEqual([]);
  });
});
