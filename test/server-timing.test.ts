// Issue 15, item 1: in development every response says what it cost in D1 — round trips (a batch
// is one) and statements — in a Server-Timing header the browser's developer tools show.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countingD1 } from "../src/db/statement-counter";
import { browserAs, call, districtWithStudent, parentOf } from "./world";

const SERVER_TIMING = /(?:^|,\s*)d1;dur=(\d+(?:\.\d+)?);desc="(\d+) round trips?, (\d+) statements?"/;

function d1Timing(res: Response): { roundTrips: number; statements: number } | null {
  const m = (res.headers.get("server-timing") ?? "").match(SERVER_TIMING);
  return m ? { roundTrips: Number(m[2]), statements: Number(m[3]) } : null;
}

describe("countingD1", () => {
  it("counts a statement run alone as one round trip, and a batch as one round trip of many statements", async () => {
    const counter = countingD1(env.DB);
    await counter.db.prepare("SELECT 1").first();
    expect(counter.count()).toBe(1);
    expect(counter.roundTrips()).toBe(1);
    await counter.db.batch([counter.db.prepare("SELECT 1"), counter.db.prepare("SELECT ?").bind(2), counter.db.prepare("SELECT 3")]);
    expect(counter.count()).toBe(4);
    expect(counter.roundTrips()).toBe(2);
    await counter.db.prepare("SELECT ?").bind(1).all();
    expect(counter.roundTrips()).toBe(3);
    expect(counter.milliseconds()).toBeGreaterThanOrEqual(0);
  });
});

describe("Server-Timing in development", () => {
  it("a parent's home page says how many D1 round trips and statements it took", async () => {
    const { district, student } = await districtWithStudent();
    const parent = await parentOf(district.id, [student.id]);
    const b = await browserAs("parent", parent.id);
    const res = await b.get("/");
    expect(res.status).toBe(200);
    const timing = d1Timing(res);
    expect(timing, res.headers.get("server-timing") ?? "no Server-Timing header").not.toBeNull();
    expect(timing!.roundTrips).toBeGreaterThanOrEqual(1);
    expect(timing!.statements).toBeGreaterThanOrEqual(timing!.roundTrips);
  });

  it("a page that reads nothing says zero", async () => {
    const res = await call("/static/app.css");
    const timing = d1Timing(res);
    expect(timing).toEqual({ roundTrips: 0, statements: 0 });
  });

  it("API answers keep X-D1-Statements, and say the same in Server-Timing", async () => {
    const res = await call("/api/v1/admin/districts", { headers: { authorization: "Bearer test-admin-token-0123456789abcdef" } });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get("x-d1-statements"))).toBe(d1Timing(res)?.statements);
  });

  it("is absent outside development", async () => {
    const res = await call("/", {}, { ...env, ENVIRONMENT: "production" });
    expect(res.headers.get("server-timing") ?? "").not.toMatch(/d1;/);
  });
});
