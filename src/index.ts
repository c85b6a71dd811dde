import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { config } from "./config";
import "./lib/zod-english"; // zod/mini's messages in English, before any request is validated
import type { AppEnv, Bindings } from "./env";
import { countingBindings } from "./db/statement-counter";
import { api } from "./api";
import { apiError } from "./api/errors";
import { compressText } from "./compression";
import { smsHookRoutes } from "./sms/hook-routes";
import { mountDevRoutes } from "./dev/mount";
import { kickOutbox } from "./outbox/enqueue";
import { allDbs, databaseNames } from "./db/route";
import { sendExpiryReminders } from "./invitations/reminders";
import { MAINTENANCE_CRON, runMaintenance } from "./stewardship/maintenance";
import { pages } from "./pages";
import { allowedMethods, isApiPath, notFound, plainErrorPage } from "./error-pages";
import { asset } from "./static";

export { OutboxDispatcher } from "./outbox/dispatcher";
export { RateLimiter } from "./auth/rate-limiter";
export { MessageThread } from "./messaging/thread-object";
export { RosterImport } from "./roster/oneroster/importer";

const app = new Hono<AppEnv>();

app.use(compressText);
app.use(
  secureHeaders({
    // Nothing from another origin, no inline script: htmx and our own files only.
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "blob:"],
      mediaSrc: ["'self'", "blob:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    referrerPolicy: "same-origin",
    xFrameOptions: "DENY",
  }),
);

// /static/<hashed name> is Workers Static Assets ([assets] in wrangler.toml), answered before the worker runs.
app.get("/favicon.ico", (c) => c.redirect(asset("favicon.svg"), 301));
app.route("/api/v1", api);
// Inbound texts (Twilio's webhook): signed by the provider, so outside the pages' CSRF check.
app.route("/hooks", smsHookRoutes);
/**
 * Development's tools — /dev/* (src/dev/mount.ts) and the D1 measuring below — are left out of the
 * deployed worker's code: `npm run deploy`'s build defines FP_DEV_TOOLS = false (wrangler.toml
 * [env.production]) and esbuild drops them; npm start and the tests have them (and outside
 * development they answer 404 / measure nothing anyway).
 */
declare const FP_DEV_TOOLS: boolean | undefined;
// Written out at each use (not a const) so that esbuild folds it and drops what it guards.
if (typeof FP_DEV_TOOLS === "undefined" || FP_DEV_TOOLS) mountDevRoutes(app, (request, env, ctx) => app.fetch(request, env, ctx));
// An /api/ address no API route answered (any method, even cross-site): the API's JSON 404, before
// the pages' middleware (whose cross-site guard would answer a POST with a 403 page).
app.all("/api/*", (c) => notFound(c));
app.all("/api", (c) => notFound(c));
app.route("/", pages);

// Unknown addresses: a page in the reader's language (405 when the address takes another method),
// or the API's JSON error under /api/.
const methodsOf = allowedMethods(app.routes);
app.notFound((c) => notFound(c, methodsOf));

/** HTTP errors a page can end with, and the page that says so (in the reader's language). */
const PAGE_ERRORS = { 400: "unreadable", 404: "notFound", 405: "methodNotAllowed", 410: "gone", 413: "tooLarge", 429: "tooMany" } as const;

app.onError((err, c) => {
  const isApi = isApiPath(c.req.path);
  if (err instanceof HTTPException) {
    // Hono's validator throws 400 for a body that is not JSON.
    if (isApi) {
      const malformed = err.status === 400;
      return apiError(c, err.status, malformed ? "invalid_json" : "internal", malformed ? "The request body is not valid JSON." : err.message);
    }
    const page = PAGE_ERRORS[err.status as keyof typeof PAGE_ERRORS];
    return page ? plainErrorPage(c, err.status, page) : err.getResponse();
  }
  console.error("unhandled error", c.req.method, c.req.path, err);
  // A small page of its own: the layout (or D1 behind it) may be what failed.
  return isApi ? apiError(c, 500, "internal", "Something went wrong on our side.") : plainErrorPage(c, 500, "serverError");
});

/**
 * In development every response says what it cost in D1 (`Server-Timing`, shown by the browser's
 * developer tools; `npm run bench` reads it per route), and API answers also give the statement
 * count in `X-D1-Statements` (rows per statement in the bench); `X-D1-Rows-Written` on every answer.
 */
async function fetchMeasuringD1(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
  const { env: counted, cost } = countingBindings(env, databaseNames(env));
  const res = await app.fetch(request, counted, ctx);
  const out = new Response(res.body, res);
  const trips = cost.roundTrips();
  const statements = cost.count();
  const desc = `${trips} round trip${trips === 1 ? "" : "s"}, ${statements} statement${statements === 1 ? "" : "s"}`;
  out.headers.append("server-timing", `d1;dur=${cost.milliseconds().toFixed(1)};desc="${desc}"`);
  if (new URL(request.url).pathname.startsWith("/api/")) out.headers.set("x-d1-statements", String(statements));
  // Rows written (D1's billed unit, indexes included): docs/capacity.md's writes per message, invitation, sign-in.
  out.headers.set("x-d1-rows-written", String(cost.rowsWritten()));
  return out;
}

export default {
  fetch(request, env, ctx) {
    return (typeof FP_DEV_TOOLS === "undefined" || FP_DEV_TOOLS) && config(env).isDevelopment ? fetchMeasuringD1(request, env, ctx) : app.fetch(request, env, ctx);
  },
  /** Cron: invitation reminders, then a nudge to the outbox (its own alarm does the delivery); retention limits and owed erasures alongside. */
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (controller.cron === MAINTENANCE_CRON) ctx.waitUntil(runMaintenance(env).then(() => undefined, (err: unknown) => console.error("maintenance failed", err)));
    ctx.waitUntil(
      (async () => {
        let reminded = 0;
        for (const db of allDbs(env)) reminded += await sendExpiryReminders(db, config(env).publicUrl, Date.now());
        if (reminded) console.log(`cron: ${reminded} invitation reminder(s) queued`);
        await kickOutbox(env);
      })(),
    );
  },
} satisfies ExportedHandler<Bindings>;

export { app };
