import { Hono } from "hono";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv, Bindings } from "./env";
import { api } from "./api";
import { apiError } from "./api/errors";
import { devRoutes } from "./dev/routes";
import { kickOutbox } from "./outbox/enqueue";
import { staticRoutes } from "./static";

export { OutboxDispatcher } from "./outbox/dispatcher";

const app = new Hono<AppEnv>();

app.use(compress());
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

app.route("/static", staticRoutes);
app.route("/api/v1", api);
app.route("/dev", devRoutes);

app.get("/", (c) => c.text("Family Portal"));

app.onError((err, c) => {
  const isApi = c.req.path.startsWith("/api/");
  if (err instanceof HTTPException) {
    // Hono's validator throws 400 for a body that is not JSON.
    if (isApi) {
      const malformed = err.status === 400;
      return apiError(c, err.status, malformed ? "invalid_json" : "internal", malformed ? "The request body is not valid JSON." : err.message);
    }
    return err.getResponse();
  }
  console.error("unhandled error", c.req.method, c.req.path, err);
  return isApi ? apiError(c, 500, "internal", "Something went wrong on our side.") : c.text("Something went wrong on our side.", 500);
});

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    ctx.waitUntil(kickOutbox(env));
  },
} satisfies ExportedHandler<Bindings>;

export { app };
