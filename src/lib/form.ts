import type { Context } from "hono";
import type * as z from "zod/mini";
import { CSRF_FIELD } from "./csrf-field";
import "./zod-english";
import type { Catalog } from "../i18n/catalog";

/** A submitted page form as plain strings: the CSRF field dropped, a repeated field keeps its last value. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data")) return {};
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (key === CSRF_FIELD) continue;
    const last: unknown = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    // A file where text was expected reads as empty, so the field's own rule reports it.
    out[key] = typeof last === "string" ? last : "";
  }
  return out;
}

export type FieldErrors = Record<string, string>;

/** The first message for each field; problems not tied to a field (unknown fields) under "form", in the page's language. */
export function fieldErrors(error: z.core.$ZodError, t: Catalog): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.code === "unrecognized_keys" || issue.path.length === 0 ? "form" : String(issue.path[0]);
    if (!(key in out)) out[key] = key === "form" ? t.common.unknownFields : issue.message;
  }
  return out;
}
