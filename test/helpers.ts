import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../src/index";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
export const ORIGIN = "http://127.0.0.1:8787";

/**
 * A request to the worker under test, as an outside client would send it. It calls the worker's
 * fetch handler directly rather than through `exports.default`: the pool (0.15) wraps its entry
 * point once more on every such call, so each request of a file was slower than the one before.
 */
export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  // Like a request through a service binding, this one carries no Cloudflare edge properties.
  const request = new Request(ORIGIN + path, init) as Request<unknown, IncomingRequestCfProperties>;
  return worker.fetch(request, env, createExecutionContext());
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

export interface TestDistrict {
  id: string;
  name: string;
  token: string;
}

let districtCounter = 0;

/** A fresh district through the admin API. */
export async function createDistrict(name = `District ${++districtCounter}`): Promise<TestDistrict> {
  const res = await api(ADMIN_TOKEN, "POST", "/admin/districts", { name });
  if (res.status !== 201) throw new Error(`createDistrict: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestDistrict;
}

/** Count rows of a table, optionally with a WHERE clause. */
export async function countRows(table: string, where = "1=1", ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).bind(...params).first<{ n: number }>();
  return row?.n ?? 0;
}
