// The RateLimiter object answers from memory and writes behind (issue 15: a post must not wait on
// the limiter's storage). Memory is only a copy: an object evicted and rebuilt over the same
// storage (a new instance, as after a restart) must still know every hit and refuse a sender over
// the limit, and an object must see hits stored before it first answered.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countFailure, LIMITS, RateLimiter } from "../src/auth/rate-limiter";
import { countPost } from "../src/messaging/post-limit";

const POST_RULES = [LIMITS.messagePostsPerMinute, LIMITS.messagePostsPerDay];
const sender = () => ({ kind: "guardian" as const, id: `usr_${crypto.randomUUID().replaceAll("-", "")}` });
const postLimiter = (s: { kind: string; id: string }) => env.RATE_LIMITER.getByName(`message-posts:${s.kind}:${s.id}`);

describe("the rate limiter answers from memory and keeps its count across a rebuild", () => {
  it("a sender at the minute's limit is refused by the object and by a new instance over its storage", async () => {
    const s = sender();
    for (let i = 0; i < LIMITS.messagePostsPerMinute.limit; i++) expect((await countPost(env, s)).allowed).toBe(true);
    const refused = await countPost(env, s);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);

    // Evicted and rebuilt: a fresh instance loads what the first one wrote (without waiting for it).
    const rebuilt = await runInDurableObject(postLimiter(s), (_o, state) => new RateLimiter(state, env).take(POST_RULES));
    expect(rebuilt.allowed).toBe(false);
    expect(rebuilt.retryAfter).toBeGreaterThan(0);
    expect(rebuilt.retryAfter).toBeLessThanOrEqual(60);
  });

  it("a new instance counts on from the hits the old one stored: 6 before, 4 after, the 11th refused", async () => {
    const s = sender();
    for (let i = 0; i < 6; i++) expect((await countPost(env, s)).allowed).toBe(true);
    const verdicts = await runInDurableObject(postLimiter(s), async (_o, state) => {
      const fresh = new RateLimiter(state, env);
      const out = [];
      for (let i = 0; i < 5; i++) out.push((await fresh.take(POST_RULES, { confirmed: false })).allowed);
      return out;
    });
    expect(verdicts).toEqual([true, true, true, true, false]);
  });

  it("once loaded, a post's check reads nothing from storage (no get, no getAlarm)", async () => {
    const s = sender();
    expect((await countPost(env, s)).allowed).toBe(true);
    const reads: string[] = [];
    await runInDurableObject(postLimiter(s), (_o, state) => {
      const storage = state.storage as unknown as Record<string, unknown>;
      for (const name of ["get", "getAlarm", "list"]) {
        storage[name] = () => {
          reads.push(name);
          throw new Error(`storage.${name} on the hot path`);
        };
      }
    });
    for (let i = 1; i < LIMITS.messagePostsPerMinute.limit; i++) expect((await countPost(env, s)).allowed).toBe(true);
    expect((await countPost(env, s)).allowed).toBe(false);
    expect(reads).toEqual([]);
  });

  it("hits written to storage before the object first answers are counted", async () => {
    const s = sender();
    const now = Date.now();
    await runInDurableObject(postLimiter(s), (_o, state) => state.storage.put("hits", Array.from({ length: 10 }, (_, i) => now - 30_000 + i)));
    expect((await countPost(env, s)).allowed).toBe(false);
  });

  it("sign-in failures (confirmed writes) survive a rebuild too", async () => {
    const key = `signin:failures:rebuild-${crypto.randomUUID()}`;
    const rules = [LIMITS.signInFailuresPerAccount];
    for (let i = 0; i < LIMITS.signInFailuresPerAccount.limit; i++) expect((await countFailure(env, key, rules)).allowed).toBe(true);
    const rebuilt = await runInDurableObject(env.RATE_LIMITER.getByName(key), (_o, state) => new RateLimiter(state, env).take(rules));
    expect(rebuilt.allowed).toBe(false);
    expect(rebuilt.retryAfter).toBeGreaterThan(3000);
  });

  it("a forgiven failure stays forgiven after a rebuild", async () => {
    const key = `signin:failures:forgive-${crypto.randomUUID()}`;
    const rules = [{ limit: 2, windowMs: 3_600_000 }];
    const first = await countFailure(env, key, rules);
    await first.forgive();
    expect((await countFailure(env, key, rules)).allowed).toBe(true);
    const rebuilt = await runInDurableObject(env.RATE_LIMITER.getByName(key), async (_o, state) => {
      const fresh = new RateLimiter(state, env);
      return [(await fresh.take(rules)).allowed, (await fresh.take(rules)).allowed];
    });
    expect(rebuilt).toEqual([true, false]);
  });
});
