// The RateLimiter object forgets a key once its newest hit is older than the longest window the
// key is counted in (a minute, an hour, a day), not a day after, whatever the window.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const limiter = (key: string) => env.RATE_LIMITER.getByName(key);

/** Moves the clock (Date only: the limiter object runs in this isolate and reads the same Date). */
function advance(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
}

/** What the object keeps: its stored keys and its alarm. */
const kept = (key: string) =>
  runInDurableObject(limiter(key), async (_o, state) => ({ keys: [...(await state.storage.list()).keys()], alarm: await state.storage.getAlarm() }));

afterEach(() => {
  vi.useRealTimers();
});

describe("the rate limiter's alarm", () => {
  it("forgets a key counted in a one-minute window a minute after its last hit", async () => {
    const key = `alarm-minute-${crypto.randomUUID()}`;
    expect((await limiter(key).hit(10, MINUTE)).allowed).toBe(true);
    advance(MINUTE + 1_000);
    expect(await runDurableObjectAlarm(limiter(key))).toBe(true);
    expect((await kept(key)).keys).toEqual([]);
  });

  it("keeps a key until its longest window has passed since the newest hit, then forgets it", async () => {
    const key = `alarm-mixed-${crypto.randomUUID()}`;
    // An hour's rule, then a minute's rule on the same key (as the per-client sign-in limits).
    expect((await limiter(key).take([{ limit: 3, windowMs: HOUR }])).allowed).toBe(true);
    advance(2 * MINUTE);
    const newest = Date.now();
    expect((await limiter(key).hit(10, MINUTE)).allowed).toBe(true);

    advance(2 * MINUTE);
    expect(await runDurableObjectAlarm(limiter(key))).toBe(true);
    const early = await kept(key);
    expect(early.keys).toContain("hits");
    // Looked at again when the hour has passed since the newest hit.
    expect(early.alarm).toBe(newest + HOUR);
    expect(await limiter(key).peek(HOUR)).toBe(2);

    advance(HOUR);
    expect(await runDurableObjectAlarm(limiter(key))).toBe(true);
    expect((await kept(key)).keys).toEqual([]);
  });
});
