import type { Actor } from "./auth/actor";
import type { RateLimiter } from "./auth/rate-limiter";
import type { MessageThread } from "./messaging/thread-object";
import type { OutboxDispatcher } from "./outbox/dispatcher";

/** Bindings and variables from wrangler.toml, `.dev.vars` and secrets. */
export interface Bindings {
  DB: D1Database;
  OUTBOX: DurableObjectNamespace<OutboxDispatcher>;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  /** One object per message thread (getByName(threadId)). */
  MESSAGE_THREAD: DurableObjectNamespace<MessageThread>;

  PUBLIC_URL: string;
  ENVIRONMENT: string;
  ADMIN_TOKEN?: string;
  /** HMAC key from which badge tokens and PINs are derived (so only their hashes are stored). */
  BADGE_SECRET?: string;
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
  SMS_API_URL?: string;
  SMS_API_KEY?: string;
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
  UNREAD_NOTIFY_AFTER_SECONDS?: string;
  INVITATION_TTL_DAYS?: string;
}

/** The authenticated district of an API request. */
export interface ApiDistrict {
  id: string;
  name: string;
}

export interface Variables {
  /** Set by requireDistrict on /api/v1 district calls. */
  district: ApiDistrict;
  /** Set by loadActor on every page request: the signed-in person, or null. */
  actor: Actor | null;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

/** Only exactly "development": a typo, "staging" or a missing value must never publish /dev/*. */
export const isDevelopment = (env: Pick<Bindings, "ENVIRONMENT">): boolean => env.ENVIRONMENT === "development";

export const numberVar = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
};
