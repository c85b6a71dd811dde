import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { adminApi } from "./admin";
import { apiError } from "./errors";

/** `/api/v1`: the district and admin JSON API. */
export const api = new Hono<AppEnv>();

api.use(
  bodyLimit({
    maxSize: 8 * 1024 * 1024,
    onError: (c) => apiError(c, 413, "payload_too_large", "The request body is larger than 8 MiB; send it in smaller chunks."),
  }),
);
api.route("/admin", adminApi);
api.notFound((c) => apiError(c, 404, "not_found", "No such route."));
