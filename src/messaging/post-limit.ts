/** How many messages one sender may post (finding 9: a parent posted 40 in a second, all stored). */
import { LIMITS, type RateVerdict } from "../auth/rate-limiter";
import type { Bindings } from "../env";
import type { Catalog } from "../i18n/catalog";
import type { Participant } from "./types";

const POST_RULES = [LIMITS.messagePostsPerMinute, LIMITS.messagePostsPerDay] as const;

/**
 * Counts one post (a reply, a new conversation or a whole broadcast) for the sender, if their
 * limits allow it. Answered from the limiter's memory without waiting for its write to be durable
 * (flood control: a hit lost to a failed write lets a sender post one more; see RateLimiter).
 */
export async function countPost(env: Pick<Bindings, "RATE_LIMITER">, sender: Participant): Promise<RateVerdict> {
  const { allowed, retryAfter } = await env.RATE_LIMITER.getByName(`message-posts:${sender.kind}:${sender.id}`).take(POST_RULES, { confirmed: false });
  return { allowed, retryAfter };
}

type FormWords = Catalog["messages"]["form"];

/** "in 45 seconds", "in a minute", "in 3 minutes", "in 4 hours" (in the page's language). */
export function tryAgainIn(seconds: number, t: FormWords): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return t.tryAgainInSeconds(s);
  const m = Math.ceil(s / 60);
  if (m < 60) return t.tryAgainInMinutes(m);
  return t.tryAgainInHours(Math.ceil(s / 3600));
}

/** The words of a 429 page: what happened, when to try again, and that the draft is kept. */
export const tooManyPosts = (retryAfter: number, t: FormWords): string => t.tooMany(tryAgainIn(retryAfter, t));
