// Requests to the worker under test: pages as an outside client sends them, and the JSON API.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
export const ORIGIN = "http://127.0.0.1:8787";

/**
 * A request to the worker under test, as an outside client would send it, with these bindings
 * (the test configuration's unless a test changes one). It calls the worker's fetch handler
 * directly rather than through `exports.default`: the pool (0.15) wraps its entry point once more
 * on every such call, so each request of a file was slower than the one before.
 */
export async function call(path: string, init: RequestInit = {}, bindings: typeof env = env): Promise<Response> {
  // Like a request through a service binding, this one carries no Cloudflare edge properties.
  const request = new Request(ORIGIN + path, init) as Request<unknown, IncomingRequestCfProperties>;
  const ctx = createExecutionContext();
  contexts.push(ctx);
  return worker.fetch(request, bindings, ctx);
}

const contexts: ExecutionContext[] = [];

/**
 * A static file (`asset("app.css")`) as the runtime's asset service serves it (Workers Static
 * Assets, before the worker runs): the worker's own fetch handler no longer has the bytes.
 */
export function staticFile(path: string): Promise<Response> {
  return env.ASSETS.fetch(ORIGIN + path);
}

/**
 * Waits for what this file's requests left running in the background (ctx.waitUntil), so none of
 * it reaches into the next file's storage. Its failures are not the test's: a request through the
 * runtime would not have reported them either.
 */
export async function settleBackgroundWork(): Promise<void> {
  for (const ctx of contexts.splice(0)) await waitOnExecutionContext(ctx).catch(() => undefined);
}

/** A JSON API call with a bearer token; `body` is JSON-encoded unless it is a string. */
export function api(token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h["content-type"] = "application/json";
  return call(`/api/v1${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
