import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../env";

export interface RateVerdict {
  allowed: boolean;
  /** Seconds until the next attempt would be allowed (0 when allowed). */
  retryAfter: number;
}

/**
 * One object per rate-limit key (e.g. `signin:addr:<email>`): a sliding log of recent hits in
 * the object's own storage, so limits hold across isolates and restarts (not in memory).
 */
export class RateLimiter extends DurableObject<Bindings> {
  async hit(limit: number, windowMs: number): Promise<RateVerdict> {
    const t = Date.now();
    const hits = ((await this.ctx.storage.get<number[]>("hits")) ?? []).filter((h) => h > t - windowMs);
    if (hits.length >= limit) {
      await this.ctx.storage.put("hits", hits);
      return { allowed: false, retryAfter: Math.max(1, Math.ceil(((hits[0] ?? t) + windowMs - t) / 1000)) };
    }
    hits.push(t);
    await this.ctx.storage.put("hits", hits);
    // Forget the key once its window has passed.
    await this.ctx.storage.setAlarm(t + windowMs);
    return { allowed: true, retryAfter: 0 };
  }

  /**
   * Several windows over one log (e.g. 10 a minute and 200 a day): a hit is counted only when
   * every window has room, and a refusal says when the tightest one will have room again.
   */
  async hitAll(rules: readonly { limit: number; windowMs: number }[]): Promise<RateVerdict> {
    const t = Date.now();
    const longest = Math.max(0, ...rules.map((r) => r.windowMs));
    const hits = ((await this.ctx.storage.get<number[]>("hits")) ?? []).filter((h) => h > t - longest);
    let retryAfter = 0;
    for (const rule of rules) {
      const inWindow = hits.filter((h) => h > t - rule.windowMs);
      if (inWindow.length < rule.limit) continue;
      // One more fits once this hit has left the window.
      const leaving = inWindow[inWindow.length - rule.limit] ?? t;
      retryAfter = Math.max(retryAfter, Math.max(1, Math.ceil((leaving + rule.windowMs - t) / 1000)));
    }
    if (retryAfter === 0) hits.push(t);
    await this.ctx.storage.put("hits", hits);
    if (retryAfter > 0) return { allowed: false, retryAfter };
    // Forget the key once its longest window has passed.
    await this.ctx.storage.setAlarm(t + longest);
    return { allowed: true, retryAfter: 0 };
  }

  /** Count without consuming (e.g. failures so far). */
  async peek(windowMs: number): Promise<number> {
    const t = Date.now();
    return ((await this.ctx.storage.get<number[]>("hits")) ?? []).filter((h) => h > t - windowMs).length;
  }

  async reset(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  override async alarm(): Promise<void> {
    const hits = (await this.ctx.storage.get<number[]>("hits")) ?? [];
    if (hits.length === 0 || Math.max(...hits) < Date.now() - 24 * 3600 * 1000) await this.ctx.storage.deleteAll();
  }
}

/** The limits of SPEC section 4. */
export const LIMITS = {
  signInPerAddress: { limit: 10, windowMs: 60_000 },
  signInFailuresPerAccount: { limit: 100, windowMs: 3_600_000 },
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

export async function rateLimit(env: Pick<Bindings, "RATE_LIMITER">, key: string, rule: { limit: number; windowMs: number }): Promise<RateVerdict> {
  return env.RATE_LIMITER.getByName(key).hit(rule.limit, rule.windowMs);
}
