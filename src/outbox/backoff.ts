import { HOUR, SECOND } from "../lib/time";

/** First retry after about 30 s, doubling each time up to an hour. */
export const RETRY_BASE_MS = 30 * SECOND;
export const RETRY_CAP_MS = HOUR;
/** With the schedule below, the 60th try lands about two days after the first; then the row is failed. */
export const MAX_ATTEMPTS = 60;

/**
 * Delay before the next try after `attempts` failed tries (≥ 1): exponential, capped, and
 * jittered down by up to 20 % so rows that failed together do not retry in lockstep.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 20);
  const full = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
  return Math.round(full * (1 - 0.2 * random()));
}

/**
 * A Retry-After header (delta seconds or an HTTP date) as a delay in ms from `now`, capped at
 * RETRY_CAP_MS; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  let delay: number;
  if (/^\d+$/.test(trimmed)) delay = Number(trimmed) * SECOND;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    delay = at - now;
  }
  return Math.min(RETRY_CAP_MS, Math.max(0, delay));
}
