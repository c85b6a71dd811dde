import { isHttpUrl } from "./lib/url";
import type { ChannelApi } from "./outbox/send";

/**
 * Secrets (`wrangler secret put`, or `.dev.vars` locally): wrangler.toml does not name them, so
 * `wrangler types` cannot see them. Each is optional; config() says what a missing one means.
 */
export interface Secrets {
  /** The platform operator's bearer token for /api/v1/admin. */
  ADMIN_TOKEN?: string;
  /** HMAC key from which badge tokens and PINs are derived (so only their hashes are stored). */
  BADGE_SECRET?: string;
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
  SMS_API_URL?: string;
  SMS_API_KEY?: string;
  /** Key of the inbound-text webhook's signature (X-Twilio-Signature: your Twilio auth token). Unset: every inbound text is refused (403). */
  SMS_WEBHOOK_SECRET?: string;
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
  /** A LibreTranslate-compatible API for messages (src/translation/); wins over the AI binding when set. */
  TRANSLATE_API_URL?: string;
  TRANSLATE_API_KEY?: string;
}

/** The plain-text variables: wrangler.toml's vars (typed by worker-configuration.d.ts) and the secrets. */
export type ConfigSource = Pick<CloudflareBindings, "PUBLIC_URL" | "ENVIRONMENT" | "UNREAD_NOTIFY_AFTER_SECONDS" | "INVITATION_TTL_DAYS"> & Secrets & RoutingVars & { AI?: unknown };

/**
 * The routing table of districts to D1 databases (src/db/route.ts, docs/capacity.md). Not in
 * wrangler.toml's [vars] while one database serves every district: a deployment that splits
 * them sets it there (bench/two-databases.mjs does, with a second binding).
 */
export interface RoutingVars {
  /** JSON `{ "<district id>": "<D1 binding>" }`; a district not named here lives in DB. */
  DISTRICT_DATABASES?: string;
}

/** How messages are translated: a LibreTranslate-compatible API, Workers AI (the AI binding), or not at all (null). */
export type TranslationConfig = { kind: "libretranslate"; url: string; key?: string } | { kind: "workers-ai" };

export interface Config {
  /** Where the portal is reached, without a trailing slash (links in emails, QR badges, OAuth callbacks). */
  publicUrl: string;
  /** Only exactly "development": a typo, "staging" or a missing value must never publish /dev/*. */
  isDevelopment: boolean;
  adminToken: string | null;
  badgeSecret: string | null;
  /** null: email is held for /dev/mailbox. */
  mail: ChannelApi | null;
  /** The From line of every email, even held ones. */
  mailFrom: string;
  /** null: text messages are held for /dev/mailbox. */
  sms: ChannelApi | null;
  /** null: POST /hooks/sms refuses everything (nothing can be signed). */
  smsWebhookSecret: string | null;
  /** null: "Continue with Google" is not offered. */
  google: { clientId: string; clientSecret: string } | null;
  /** How long a message stays unread before its recipient is emailed. */
  unreadNotifyAfterSeconds: number;
  unreadNotifyAfterMs: number;
  /** An invitation's lifetime where its district has not set its own. */
  invitationTtlDays: number;
  /** null: messages are shown as written. */
  translation: TranslationConfig | null;
  /** District id -> the D1 binding holding its data; every other district is in DB. */
  districtDatabases: ReadonlyMap<string, string>;
}

/** wrangler dev's own address: local development without a PUBLIC_URL (npm start sets one that follows PORT). */
const DEV_PUBLIC_URL = "http://127.0.0.1:8787";
const DEFAULT_MAIL_FROM = "Family Portal <no-reply@localhost>";
/** Three hours. */
const DEFAULT_UNREAD_NOTIFY_AFTER_SECONDS = 10_800;
const DEFAULT_INVITATION_TTL_DAYS = 14;

/** Read once per env object: the bindings of a Worker or Durable Object do not change while it lives. */
const cache = new WeakMap<ConfigSource, Config>();

/** The typed configuration of this Worker: every variable's parse and default, in one place. */
export function config(env: ConfigSource): Config {
  let made = cache.get(env);
  if (!made) {
    made = readConfig(env);
    cache.set(env, made);
  }
  return made;
}

function readConfig(env: ConfigSource): Config {
  const unreadSeconds = nonNegativeNumber(env.UNREAD_NOTIFY_AFTER_SECONDS, DEFAULT_UNREAD_NOTIFY_AFTER_SECONDS);
  return {
    publicUrl: publicUrlOf(env),
    isDevelopment: env.ENVIRONMENT === "development",
    adminToken: env.ADMIN_TOKEN || null,
    badgeSecret: env.BADGE_SECRET || null,
    mail: channelApi(env.MAIL_API_URL, env.MAIL_API_KEY, "MAIL_API_URL"),
    mailFrom: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    sms: channelApi(env.SMS_API_URL, env.SMS_API_KEY, "SMS_API_URL"),
    smsWebhookSecret: env.SMS_WEBHOOK_SECRET?.trim() || null,
    google: env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET ? { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET } : null,
    unreadNotifyAfterSeconds: unreadSeconds,
    unreadNotifyAfterMs: unreadSeconds * 1000,
    invitationTtlDays: nonNegativeNumber(env.INVITATION_TTL_DAYS, DEFAULT_INVITATION_TTL_DAYS),
    translation: translationConfig(env),
    districtDatabases: districtDatabasesOf(env),
  };
}

/** The binding every district uses unless the routing table names another; also the directory. */
export const DIRECTORY_BINDING = "DB";

/**
 * DISTRICT_DATABASES, checked whole: a table that is not JSON, or names a binding this Worker does
 * not have (a typo, a missing [[d1_databases]] entry), refuses to start, as a missing PUBLIC_URL
 * does; writing a district's rows into the wrong database would be far worse than not starting.
 */
function districtDatabasesOf(env: ConfigSource): ReadonlyMap<string, string> {
  const raw = env.DISTRICT_DATABASES?.trim();
  const table = new Map<string, string>();
  if (!raw) return table;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`DISTRICT_DATABASES is not JSON: give an object {"<district id>": "<D1 binding>"}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`DISTRICT_DATABASES must be a JSON object {"<district id>": "<D1 binding>"}`);
  }
  const bindings = env as unknown as Record<string, unknown>;
  for (const [districtId, binding] of Object.entries(parsed)) {
    if (typeof binding !== "string" || !isD1(bindings[binding])) {
      throw new Error(`DISTRICT_DATABASES sends district ${JSON.stringify(districtId)} to ${JSON.stringify(binding)}, which is not a D1 binding of this Worker: add it to [[d1_databases]] in wrangler.toml or fix the name`);
    }
    table.set(districtId, binding);
  }
  return table;
}

function isD1(value: unknown): value is D1Database {
  return typeof value === "object" && value !== null && typeof (value as { prepare?: unknown }).prepare === "function" && typeof (value as { batch?: unknown }).batch === "function";
}

/**
 * PUBLIC_URL starts every mailed and texted link. Outside development a missing one is a deploy
 * without `--env production` (wrangler.toml's top level names none, so a plain `wrangler deploy`
 * lands here): the worker refuses to run rather than mail links that lead nowhere.
 */
function publicUrlOf(env: ConfigSource): string {
  const set = (env.PUBLIC_URL ?? "").trim().replace(/\/+$/, "");
  if (set && isHttpUrl(set)) return set;
  if (!set && env.ENVIRONMENT === "development") return DEV_PUBLIC_URL;
  throw new Error(
    `PUBLIC_URL ${set ? `${JSON.stringify(set)} is not an http(s) URL` : "is not set"}: set it in wrangler.toml [env.production.vars] and deploy with \`npm run deploy\` (wrangler deploy --env production)`,
  );
}

/** A number of seconds or days from a variable; empty, negative or not a number falls back. */
function nonNegativeNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** TRANSLATE_API_URL chooses LibreTranslate (explicit, and what local development uses); else the AI binding, if deployed with one. */
function translationConfig(env: ConfigSource): TranslationConfig | null {
  const api = channelApi(env.TRANSLATE_API_URL, env.TRANSLATE_API_KEY, "TRANSLATE_API_URL", "showing messages as written");
  if (api) return { kind: "libretranslate", url: api.url, key: api.key };
  return env.AI ? { kind: "workers-ai" } : null;
}

function channelApi(url: string | undefined, key: string | undefined, name: string, instead = "holding those messages"): ChannelApi | null {
  if (!url?.trim()) return null;
  if (!isHttpUrl(url.trim())) {
    console.error(`config: ${name} is not an http(s) URL; ${instead}`);
    return null;
  }
  return { url: url.trim(), key: key?.trim() || undefined };
}
