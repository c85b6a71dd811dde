/** Reading the message pages' inputs: thread ids, seq numbers, list cursors and the message form. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import * as z from "zod/mini";
import { readForm } from "../lib/form";
import { decodeCursor, encodeCursor, type Cursor } from "../lib/cursor";
import { checkBody } from "./body";
import { formKeyOf } from "./form-key";
import { THREAD_ID } from "../lib/ids";

const seqSchema = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

export const threadIdOf = (c: Context): string | null => {
  const id = c.req.param("id") ?? "";
  return THREAD_ID.test(id) ? id : null;
};

/** A seq from the path or query; null when it is not a whole number ≥ 0. */
export function seqOf(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,16}$/.test(raw)) return null;
  const parsed = seqSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** `?before=` of a list page: null for the first page, undefined for something that is not ours. */
export function listCursorOf(c: Context): Cursor | null | undefined {
  return listCursorFrom(c.req.query("before"));
}

/** The same, from the raw `?before=` value. */
export function listCursorFrom(raw: string | undefined): Cursor | null | undefined {
  if (raw === undefined || raw === "") return null;
  return raw.length <= 200 ? (decodeCursor(raw) ?? undefined) : undefined;
}

export const cursorParam = (cursor: Cursor): string => encodeURIComponent(encodeCursor(cursor));

/** `key`: the form's one-time key, or null for a form without one (a page from before keys: still accepted). */
export type MessageForm =
  | { ok: true; body: string; key: string | null; fields: Record<string, string> }
  | { ok: false; error: string; typed: string; key: string | null; fields: Record<string, string> };

/** Fields every message form has; the others (e.g. the family of a new conversation) are the caller's to check. */
export const MESSAGE_FIELDS = ["body", "key"];

/** The message text and one-time key of a form (plus its other fields, for the caller to check); what is wrong, in the page's language. */
export async function readMessageForm<E extends AppEnv>(c: Context<E>): Promise<MessageForm> {
  const fields = await readForm(c);
  const { tag, t } = c.var.locale;
  const checked = checkBody(fields.body, tag, t.messages.form);
  const typed = (fields.body ?? "").slice(0, 20_000);
  const key = formKeyOf(fields.key);
  if (key === undefined) return { ok: false, error: t.messages.form.outOfDate, typed, key: null, fields };
  return checked.ok ? { ok: true, body: checked.body, key, fields } : { ok: false, error: checked.error, typed, key, fields };
}

/** True for a request htmx made (polling, boosted links and forms). */
export const isHtmx = (c: Context): boolean => c.req.header("hx-request") === "true";
