// Issue 15, items 2 and 3: every D1 round trip from a Worker far from the database costs a parent
// on a slow phone tens of milliseconds before the first byte. Parent and student pages take ONE
// (session, person, navigation and the page's data in one batch), teacher pages at most two,
// signed-out pages none, and posting a message one (plus the thread's Durable Object). Counted
// from the development Server-Timing header (src/index.ts), as `npm run bench` reads it.
import { beforeAll, describe, expect, it } from "vitest";
import { badgeWorld, Browser, browserAs, startThread, type BadgeWorld } from "./world";

const SERVER_TIMING = /(?:^|,\s*)d1;dur=[\d.]+;desc="(\d+) round trips?, (\d+) statements?"/;

/** The round trips of one answer (the redirect itself when there is one, not where it leads). */
async function roundTripsOf(res: Response): Promise<number> {
  await res.arrayBuffer();
  const m = (res.headers.get("server-timing") ?? "").match(SERVER_TIMING);
  if (!m) throw new Error(`no d1 Server-Timing: ${res.headers.get("server-timing")}`);
  return Number(m[1]);
}

async function tripsOf(b: Browser, path: string, status = 200): Promise<number> {
  const res = await b.get(path, { follow: false });
  expect(res.status, path).toBe(status);
  return roundTripsOf(res);
}

let world: BadgeWorld;
let threadId: string;
let parent: Browser;
let teacher: Browser;

beforeAll(async () => {
  world = await badgeWorld();
  teacher = await browserAs("teacher", world.ids.T1);
  threadId = await startThread(teacher, world.ids.S1, world.parentId);
  parent = await browserAs("parent", world.parentId);
  // The first look at a badge issues it (a write, once); the page as a parent usually opens it comes after.
  expect((await parent.get(`/children/${world.ids.S1}/badge`)).status).toBe(200);
});

describe("parent pages: one D1 round trip each", () => {
  // [page, path, round trips]: the pages not yet folded into the session's batch say what they cost today.
  const pages: [string, () => string, number][] = [
    ["home", () => "/", 1],
    ["messages list", () => "/messages", 1],
    ["thread", () => `/messages/${threadId}`, 1],
    ["account", () => "/account", 1],
    ["badge page", () => `/children/${world.ids.S1}/badge`, 1],
    ["ideas", () => "/ideas", 1],
    ["help", () => "/help", 1],
  ];
  for (const [name, path, trips] of pages) {
    it(`${name} takes ${trips === 1 ? "one round trip" : `${trips} round trips`}`, async () => {
      expect(await tripsOf(parent, path())).toBe(trips);
    });
  }

  it("a child who is not theirs is still one round trip (and 404)", async () => {
    expect(await tripsOf(parent, `/children/${world.ids.S3}/badge`, 404)).toBe(1);
  });
});

describe("student portal", () => {
  it("takes one round trip", async () => {
    const child = await browserAs("student", world.ids.S1);
    expect(await tripsOf(child, "/student")).toBe(1);
  });
});

describe("teacher pages: at most two round trips each (each is one: its data joins the session's batch)", () => {
  const pages: [string, () => string][] = [
    ["classes", () => "/teacher"],
    ["class", () => `/teacher/sections/${world.ids.SEC1}`],
    ["messages list", () => "/teacher/messages"],
    ["thread", () => `/teacher/messages/${threadId}`],
    ["settings", () => "/teacher/settings"],
  ];
  for (const [name, path] of pages) {
    it(`${name} takes one round trip`, async () => {
      expect(await tripsOf(teacher, path())).toBe(1);
    });
  }

  it("another teacher's class is still one round trip (and 404)", async () => {
    expect(await tripsOf(teacher, `/teacher/sections/${world.ids.SEC2}`, 404)).toBe(1);
  });
});

describe("signed-out pages: none", () => {
  for (const path of ["/", "/sign-in", "/badges", "/help"]) {
    it(`${path} reads nothing`, async () => {
      expect(await tripsOf(new Browser(), path)).toBe(0);
    });
  }
});

describe("posting a message: one round trip (the session, the person and their grant to this thread)", () => {
  it("a parent's reply", async () => {
    const res = await parent.post(`/messages/${threadId}`, { body: "Thank you!" }, { follow: false });
    expect(res.status).toBe(303);
    expect(await roundTripsOf(res)).toBe(1);
  });

  it("a teacher's message", async () => {
    const res = await teacher.post(`/teacher/messages/${threadId}`, { body: "See you tomorrow." }, { follow: false });
    expect(res.status).toBe(303);
    expect(await roundTripsOf(res)).toBe(1);
  });
});
