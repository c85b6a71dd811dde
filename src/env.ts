import type { Actor } from "./auth/actor-type";
import type { LoadedPage } from "./auth/page-load";
import type { MessageSummary } from "./messaging/threads";
import type { Secrets } from "./config";
import type { Locale } from "./i18n/locale";

/**
 * What the Worker and its Durable Objects are given: wrangler.toml's bindings and vars, typed by
 * worker-configuration.d.ts (`npm run cf-typegen` after changing wrangler.toml), and the secrets.
 * Read the variables through config(env) (src/config.ts), not from here.
 */
export interface Bindings extends CloudflareBindings, Secrets {}

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
  /** Set by loadActor on GET pages with the person: the navigation's Messages summary (parents and teachers), read in the session's batch. */
  messageSummary: MessageSummary | null | undefined;
  /** Set by loadActor when the page's own statements ran in the session's batch (src/auth/page-load.ts). */
  loadedPage: LoadedPage | undefined;
  /** Set by csrfFormToken on every page request: the value of each form's hidden CSRF field. */
  csrfToken: string;
  /** Set by chooseLanguage on every page request: the language (catalog) and time zone to answer in. */
  locale: Locale;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
