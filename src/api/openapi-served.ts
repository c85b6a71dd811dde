import type { Context } from "hono";
import { config } from "../config";
import type { AppEnv } from "../env";
import { asset } from "../static";
import { apiError } from "./errors";
import { withServer } from "./openapi-server-url";

/**
 * `GET /api/v1/openapi.json`: the document scripts/build-static.mjs wrote from the validating zod
 * schemas (src/api/openapi.ts) as a static asset, read once per isolate through the ASSETS binding,
 * with this deployment's server. Building it in the worker would bundle zod's JSON Schema code.
 */
let body: Promise<Record<string, unknown>> | undefined;

export async function serveOpenApi(c: Context<AppEnv>): Promise<Response> {
  body ??= c.env.ASSETS.fetch(new URL(asset("openapi.json"), c.req.url)).then((res) => {
    if (!res.ok) throw new Error(`openapi.json asset: ${res.status}`);
    return res.json<Record<string, unknown>>();
  });
  try {
    return c.json(withServer(await body, config(c.env).publicUrl));
  } catch (err) {
    body = undefined; // try again on the next request
    console.error("openapi.json unavailable", err);
    return apiError(c, 500, "internal", "The API description is not available right now.");
  }
}
