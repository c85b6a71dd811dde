// Issue 15: the session, the person and the page's data are read in ONE batch, the person named
// by a subquery on the session id, before the secret is checked. The check must still decide
// everything: a cookie with a real session id and a wrong secret shows nothing of that person and
// writes nothing (not even the badge page's audit row, which runs in that batch); an expired or
// idle session is removed; the lastSeenAt touch still happens, after the answer.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { badgeWorld, Browser, browserAs, countRows, pageText, settleBackgroundWork, type BadgeWorld } from "./world";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let w: BadgeWorld;

beforeAll(async () => {
  w = await badgeWorld();
  // The first look issues Maya's badge; the looks below are plain views.
  const first = await (await browserAs("parent", w.parentId)).get(`/children/${w.ids.S1}/badge`);
  expect(first.status).toBe(200);
  await first.arrayBuffer();
});

async function sessionRow(id: string) {
  return env.DB.prepare("SELECT last_seen_at, expires_at FROM sessions WHERE id = ?").bind(id).first<{ last_seen_at: number; expires_at: number }>();
}

async function setSession(id: string, column: "last_seen_at" | "expires_at", value: number): Promise<void> {
  await env.DB.prepare(`UPDATE sessions SET ${column} = ? WHERE id = ?`).bind(value, id).run();
}

/** A browser whose cookie names this real session with another (well-formed) secret. */
function forger(sessionId: string): Browser {
  const b = new Browser();
  b.cookies.set("fp_session", `${sessionId}.${"a".repeat(32)}`);
  return b;
}

const views = () => countRows("audit_log", "action = 'badge.view' AND student_id = ?", w.ids.S1);

describe("a real session id with a wrong secret", () => {
  it("shows the signed-out pages, nothing of that person, and clears the cookie", async () => {
    const parent = await browserAs("parent", w.parentId);
    const b = forger(parent.sessionId!);
    const home = await b.get("/");
    expect(home.status).toBe(200);
    const text = await pageText(home);
    expect(text).not.toContain("Rosa Lopez");
    expect(text).not.toContain("Maya");
    expect(b.cookies.has("fp_session")).toBe(false);

    const forged = forger(parent.sessionId!);
    for (const path of ["/account", "/messages", "/ideas", `/children/${w.ids.S1}/badge`]) {
      const res = await forged.get(path, { follow: false });
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toMatch(/^\/sign-in\?next=/);
      expect(await res.text(), path).not.toContain("Maya");
    }
  });

  it("writes nothing: no badge.view row, no touch, and the owner's session stays", async () => {
    const parent = await browserAs("parent", w.parentId);
    const id = parent.sessionId!;
    // A touch would be due: the owner's own request would write lastSeenAt.
    const lastSeen = Date.now() - 2 * HOUR;
    await setSession(id, "last_seen_at", lastSeen);
    const before = await views();
    const res = await forger(id).get(`/children/${w.ids.S1}/badge`, { follow: false });
    expect(res.status).toBe(303);
    await settleBackgroundWork();
    expect(await views()).toBe(before);
    expect((await sessionRow(id))?.last_seen_at).toBe(lastSeen);

    // The owner's own look is audited once, and their session touched.
    const own = await parent.get(`/children/${w.ids.S1}/badge`);
    expect(own.status).toBe(200);
    expect(await pageText(own)).toContain("Maya");
    await settleBackgroundWork();
    expect(await views()).toBe(before + 1);
    expect((await sessionRow(id))!.last_seen_at).toBeGreaterThan(lastSeen);
  });
});

describe("a session past its limits", () => {
  it("an expired session is removed, and the page is the signed-out one", async () => {
    const parent = await browserAs("parent", w.parentId);
    const id = parent.sessionId!;
    await setSession(id, "expires_at", Date.now() - 1000);
    const before = await views();
    const res = await parent.get(`/children/${w.ids.S1}/badge`, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in\?next=/);
    expect(parent.cookies.has("fp_session")).toBe(false);
    await settleBackgroundWork();
    expect(await countRows("sessions", "id = ?", id)).toBe(0);
    expect(await views()).toBe(before);
  });

  it("an idle session (30 days unseen for a parent) is removed", async () => {
    const parent = await browserAs("parent", w.parentId);
    const id = parent.sessionId!;
    await setSession(id, "last_seen_at", Date.now() - 31 * DAY);
    const home = await parent.get("/");
    expect(await pageText(home)).not.toContain("Rosa Lopez");
    await settleBackgroundWork();
    expect(await countRows("sessions", "id = ?", id)).toBe(0);
  });

  it("a session within its limits is touched at most once an hour, after the answer", async () => {
    const parent = await browserAs("parent", w.parentId);
    const id = parent.sessionId!;
    const fresh = (await sessionRow(id))!.last_seen_at;
    expect(await pageText(await parent.get("/"))).toContain("Maya");
    await settleBackgroundWork();
    expect((await sessionRow(id))!.last_seen_at).toBe(fresh);
  });
});

/** Statements of one answer, from the development Server-Timing header. */
async function statementsOf(res: Response): Promise<number> {
  await res.arrayBuffer();
  const m = (res.headers.get("server-timing") ?? "").match(/desc="\d+ round trips?, (\d+) statements?"/);
  if (!m) throw new Error(`no d1 Server-Timing: ${res.headers.get("server-timing")}`);
  return Number(m[1]);
}

describe("the session id says its kind", () => {
  it("marks a new session's id with its kind, and the batch reads only that kind's person", async () => {
    const parent = await browserAs("parent", w.parentId);
    expect(parent.sessionId).toMatch(/^p-[a-z2-7]{24}$/);
    expect((await browserAs("teacher", w.ids.T1)).sessionId).toMatch(/^t-[a-z2-7]{24}$/);
    // The help page: the session, the parent, the parent's Messages summary (no teacher or student lookups).
    expect(await statementsOf(await parent.get("/help"))).toBe(3);
  });

  it("still reads a session whose id was made before the mark (any kind), in one round trip", async () => {
    const parent = await browserAs("parent", w.parentId);
    const marked = parent.sessionId!;
    const unmarked = marked.slice(2);
    await env.DB.prepare("UPDATE sessions SET id = ? WHERE id = ?").bind(unmarked, marked).run();
    const old = new Browser();
    old.cookies.set("fp_session", `${unmarked}.${parent.cookies.get("fp_session")!.split(".")[1]}`);
    const home = await old.get("/");
    expect(await pageText(home.clone())).toContain("Maya");
    // The session, the person of each of the three kinds, both Messages summaries, and the home page's own.
    expect(await statementsOf(home)).toBeGreaterThan(6);
  });

  it("a mark that is not the row's own kind names no session: signed out, and the real one stays", async () => {
    const parent = await browserAs("parent", w.parentId);
    const secret = parent.cookies.get("fp_session")!.split(".")[1];
    const b = new Browser();
    b.cookies.set("fp_session", `t-${parent.sessionId!.slice(2)}.${secret}`);
    const res = await b.get("/teacher", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/teacher\/sign-in/);
    expect(await sessionRow(parent.sessionId!)).not.toBeNull();
  });
});
