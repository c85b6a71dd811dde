import { exports, env } from "cloudflare:workers";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
export const ORIGIN = "http://127.0.0.1:8787";

/** A request to the worker under test, as an outside client would send it. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(ORIGIN + path, init));
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
