/**
 * Every development-only route (/dev/*: the mailbox, the failure on purpose, the databases' sizes).
 * src/index.ts mounts them unless the build says FP_DEV_TOOLS = false, as `npm run deploy`'s does
 * (wrangler.toml [env.production] define): then esbuild drops the call, and with it all of src/dev/
 * and the mailbox page from the deployed worker (test/scripts/bundle.test.mjs checks it). `npm start`
 * and the tests keep them; outside development they answer 404 anyway.
 */
import type { Hono } from "hono";
import { config } from "../config";
import type { AppEnv } from "../env";
import { devDatabasesRoutes } from "./databases-routes";
import { devFailRoutes } from "./fail-routes";
import { devInboundSms, type AppFetch } from "./inbound-sms";
import { devRoutes } from "./mailbox-routes";

export function mountDevRoutes(app: Hono<AppEnv>, appFetch: AppFetch): void {
  // Every reset and invitation link is in the dev mailbox: /dev/* exists only in development.
  app.use("/dev/*", async (c, next) => {
    if (!config(c.env).isDevelopment) return c.notFound();
    await next();
  });
  // The dev mailbox's inbound-text form goes through the whole app to the real /hooks/sms.
  app.post("/dev/mailbox/inbound-sms", devInboundSms(appFetch));
  app.route("/dev", devRoutes());
  app.route("/dev", devFailRoutes());
  app.route("/dev", devDatabasesRoutes());
}
