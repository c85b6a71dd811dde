import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../env";
import { DAY } from "../lib/time";

export interface RateVerdict {
  allowed: boolean;
  /** Seconds until the next attempt would be allowed (0 when allowed). */
  retryAfter: number;
}

/**
 * One object per rate-limit key (e.g. `signin:addr:<email>`): a sliding log of recent hits in
 * the object's own storage, so limits hold across isolates and restarts (not in memory). The
 * object forgets the key once its newest hit is older than the longest window it is counted in.
 */
export class RateLimiter extends DurableObject<Bindings> {
  /** One rule: counts a hit when there is room. */
  async hit(limit: number, windowMs: number): Promise<RateVerdict> {
    const { allowed, retryAfter } = await this.take([{ limit, windowMs }]);
    return { allowed, retryAfter };
  }

  /**
   * Checks every rule and records one hit in the same step (a Durable Object runs one call at a
   * time), so parallel requests cannot all pass a check made before any of them counted. The hit
   * is a failure until `forgive(stamp)` takes it back (say, when the password was right).
   */
  async take(rules: readonly Rule[]): Promise<RateVerdict & { stamp: number }> {
    const t = Date.now();
    const longest = Math.max(...rules.map((r) => r.windowMs));
    // The longest window this key has been counted in: how long its hits, and the key, are kept.
    // One read of both keys: every posted message passes here (src/messaging/post-limit.ts).
    const stored = await this.ctx.storage.get<number | number[]>(["window", "hits"]);
    const keptWindow = stored.get("window");
    const keptHits = stored.get("hits");
    const window = Math.max(longest, typeof keptWindow === "number" ? keptWindow : 0);
    const hits = (Array.isArray(keptHits) ? keptHits : []).filter((h) => h > t - window);
    let retryAfter = 0;
    for (const rule of rules) {
      const inWindow = hits.filter((h) => h > t - rule.windowMs);
      if (inWindow.length >= rule.limit) retryAfter = Math.max(retryAfter, Math.ceil(((inWindow[inWindow.length - rule.limit] ?? t) + rule.windowMs - t) / 1000), 1);
    }
    if (retryAfter > 0) {
      await this.ctx.storage.put({ hits, window });
      return { allowed: false, retryAfter, stamp: 0 };
    }
    hits.push(t);
    await this.ctx.storage.put({ hits, window });
    // An alarm already set runs no later than this one would, and looks again from the newest hit (alarm()).
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(t + window);
    return { allowed: true, retryAfter: 0, stamp: t };
  }

  /** Takes back one hit recorded by `take`. */
  async forgive(stamp: number): Promise<void> {
    const hits = (await this.ctx.storage.get<number[]>("hits")) ?? [];
    const at = hits.indexOf(stamp);
    if (at === -1) return;
    hits.splice(at, 1);
    await this.ctx.storage.put("hits", hits);
  }

  /** Count without consuming (e.g. failures so far). */
  async peek(windowMs: number): Promise<number> {
    const t = Date.now();
    return ((await this.ctx.storage.get<number[]>("hits")) ?? []).filter((h) => h > t - windowMs).length;
  }

  async reset(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  /** Forgets the key when its newest hit has left the key's longest window; else looks again when it will have. */
  override async alarm(): Promise<void> {
    const hits = (await this.ctx.storage.get<number[]>("hits")) ?? [];
    // A key stored before its window was: a day, the longest window of any limit.
    const window = (await this.ctx.storage.get<number>("window")) ?? DAY;
    const newest = Math.max(...hits);
    if (hits.length === 0 || newest <= Date.now() - window) await this.ctx.storage.deleteAll();
    else await this.ctx.storage.setAlarm(newest + window);
  }
}

export interface Rule {
  limit: number;
  windowMs: number;
}

/** The limits of SPEC section 4. */
export const LIMITS = {
  signInPerAddress: { limit: 10, windowMs: 60_000 },
  signInFailuresPerAccount: { limit: 100, windowMs: 3_600_000 },
  /** Wrong passwords from one client (IP), whatever the addresses: stops spraying one password over many accounts. */
  signInFailuresPerClient: [
    { limit: 20, windowMs: 60_000 },
    { limit: 200, windowMs: 3_600_000 },
  ],
  /** Wrong passwords on a browser where the account signed in before: its own count, instead of the address's and the account's. */
  signInFailuresPerTrustedDevice: [
    { limit: 10, windowMs: 60_000 },
    { limit: 100, windowMs: 3_600_000 },
  ],
  passwordResetPerAddress: { limit: 3, windowMs: 3_600_000 },
  invitationRenewalPerAddress: { limit: 3, windowMs: 3_600_000 },
  badgeLoginPerDevice: { limit: 10, windowMs: 60_000 },
  /** Messages a sender (parent or teacher) may post; a section broadcast counts once. */
  messagePostsPerMinute: { limit: 10, windowMs: 60_000 },
  messagePostsPerDay: { limit: 200, windowMs: 86_400_000 },
  // Sign-up emails go to any address typed in: one invitation or one browser must not relay many.
  signUpPerInvitation: { limit: 3, windowMs: 3_600_000 },
  signUpPerBrowser: { limit: 3, windowMs: 3_600_000 },
  // Typing the sign-up's password to confirm it from another browser: five tries per attempt.
  signUpConfirmPasswordPerAttempt: { limit: 5, windowMs: 3_600_000 },
} as const;

export async function rateLimit(env: Pick<Bindings, "RATE_LIMITER">, key: string, rule: Rule): Promise<RateVerdict> {
  return env.RATE_LIMITER.getByName(key).hit(rule.limit, rule.windowMs);
}

/** A failure counted in advance (see RateLimiter.take); `forgive()` takes it back if it was not one. */
export interface CountedFailure extends RateVerdict {
  forgive(): Promise<void>;
}

export async function countFailure(env: Pick<Bindings, "RATE_LIMITER">, key: string, rules: readonly Rule[]): Promise<CountedFailure> {
  const limiter = env.RATE_LIMITER.getByName(key);
  const { allowed, retryAfter, stamp } = await limiter.take(rules);
  return { allowed, retryAfter, forgive: async () => (allowed ? limiter.forgive(stamp) : undefined) };
}
