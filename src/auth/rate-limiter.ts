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
 * the object's own storage, so limits hold across isolates and restarts. The object forgets the
 * key once its newest hit is older than the longest window it is counted in.
 *
 * It answers from memory (issue 15: every posted message passes here). A Durable Object runs one
 * call at a time and only one instance of it lives anywhere, so its memory is the truth while it
 * lives: the log is read from storage once, before the first answer, and every change is written
 * straight after. Whether the answer waits for that write to be confirmed is the caller's choice:
 * - confirmed (the default; sign-in, codes, sign-up): the runtime holds the answer until the
 *   write is durable, so a counted failure is never lost: these counts guard accounts.
 * - unconfirmed (message posts, `countPost`): the answer leaves at once. If the write then failed
 *   (the runtime resets the object) or the machine died in that moment, the object would come
 *   back without the last few hits and a sender could post a few more than 10 that minute:
 *   flood control tolerates that, and a post no longer waits on the limiter's disk.
 */
export class RateLimiter extends DurableObject<Bindings> {
  /** The log of hits (newest last), as stored. */
  private hits: number[] = [];
  /** The longest window this key has been counted in (null: stored before it was kept). */
  private window: number | null = null;
  /** When the alarm is set for (null: none), so a hit never asks storage. */
  private alarmAt: number | null = null;
  private loaded: Promise<void> | null = null;

  /**
   * Read once, at the first call rather than in the constructor (under blockConcurrencyWhile):
   * the same one-time read, and whatever was written to storage before the object first answered
   * (an older object's write) is in it. Every call awaits this same promise, then runs without
   * awaiting anything else, so no two calls interleave on the log.
   */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const stored = await this.ctx.storage.get<number | number[]>(["window", "hits"]);
      const keptWindow = stored.get("window");
      const keptHits = stored.get("hits");
      this.window = typeof keptWindow === "number" ? keptWindow : null;
      this.hits = Array.isArray(keptHits) ? keptHits : [];
      this.alarmAt = await this.ctx.storage.getAlarm();
    })().catch((e: unknown) => {
      this.loaded = null;
      throw e;
    });
    return this.loaded;
  }

  /** Writes the log; `confirmed: false` lets the answer go before the write is durable (see the class). */
  private save(confirmed: boolean): void {
    const entries: Record<string, number | number[]> = this.window === null ? { hits: this.hits } : { hits: this.hits, window: this.window };
    // Not awaited: a confirmed write still holds the answer (the output gate); a failed write resets the object.
    void this.ctx.storage.put(entries, { allowUnconfirmed: !confirmed });
    if (this.alarmAt === null && this.hits.length > 0) {
      // An alarm already set runs no later than this one would, and looks again from the newest hit (alarm()).
      this.alarmAt = (this.hits[this.hits.length - 1] ?? Date.now()) + (this.window ?? DAY);
      void this.ctx.storage.setAlarm(this.alarmAt, { allowUnconfirmed: !confirmed });
    }
  }

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
  async take(rules: readonly Rule[], { confirmed = true }: { confirmed?: boolean } = {}): Promise<RateVerdict & { stamp: number }> {
    await this.load();
    const t = Date.now();
    const longest = Math.max(...rules.map((r) => r.windowMs));
    // The longest window this key has been counted in: how long its hits, and the key, are kept.
    const window = Math.max(longest, this.window ?? 0);
    const before = this.hits.length;
    this.hits = this.hits.filter((h) => h > t - window);
    const changed = before !== this.hits.length || window !== this.window;
    this.window = window;
    let retryAfter = 0;
    for (const rule of rules) {
      const inWindow = this.hits.filter((h) => h > t - rule.windowMs);
      if (inWindow.length >= rule.limit) retryAfter = Math.max(retryAfter, Math.ceil(((inWindow[inWindow.length - rule.limit] ?? t) + rule.windowMs - t) / 1000), 1);
    }
    if (retryAfter > 0) {
      if (changed) this.save(confirmed);
      return { allowed: false, retryAfter, stamp: 0 };
    }
    this.hits.push(t);
    this.save(confirmed);
    return { allowed: true, retryAfter: 0, stamp: t };
  }

  /** Takes back one hit recorded by `take`. */
  async forgive(stamp: number): Promise<void> {
    await this.load();
    const at = this.hits.indexOf(stamp);
    if (at === -1) return;
    this.hits.splice(at, 1);
    this.save(true);
  }

  /** Count without consuming (e.g. failures so far). */
  async peek(windowMs: number): Promise<number> {
    await this.load();
    const t = Date.now();
    return this.hits.filter((h) => h > t - windowMs).length;
  }

  async reset(): Promise<void> {
    await this.load();
    this.forget();
    await this.ctx.storage.deleteAll();
  }

  /** Forgets the key when its newest hit has left the key's longest window; else looks again when it will have. */
  override async alarm(): Promise<void> {
    await this.load();
    this.alarmAt = null;
    // A key stored before its window was: a day, the longest window of any limit.
    const window = this.window ?? DAY;
    const newest = Math.max(...this.hits);
    if (this.hits.length === 0 || newest <= Date.now() - window) {
      this.forget();
      await this.ctx.storage.deleteAll();
    } else {
      this.alarmAt = newest + window;
      await this.ctx.storage.setAlarm(this.alarmAt);
    }
  }

  private forget(): void {
    this.hits = [];
    this.window = null;
    this.alarmAt = null;
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
