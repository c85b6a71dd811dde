import { Hono } from "hono";
import type { AppEnv } from "../env";
import { isDevelopment } from "../env";

/** `/dev/*`: development-only pages (the mailbox). 404 in production. */
export const devRoutes = new Hono<AppEnv>();

devRoutes.use(async (c, next) => {
  if (!isDevelopment(c.env)) return c.notFound();
  await next();
});
