/** What a message may be: text only, at most MAX_MESSAGE_CHARS characters (not counting the white space around it). */
import type { Catalog } from "../i18n/catalog";
import { cleanText } from "../lib/text";

export const MAX_MESSAGE_CHARS = 2000;

/** What a deleted account's messages are replaced with (stored; pages show it in the reader's language). */
export const FORGOTTEN_BODY = "(This message was removed when its writer deleted their account.)";

/** Characters as a person counts them (code points), so an emoji is one, not two. */
export const charCount = (s: string): number => [...s].length;

/**
 * One line ending style, no invisible control characters (tabs and new lines stay) and no
 * bidirectional controls (which can make a link read as another file name), no white space around.
 */
export function normalizeBody(raw: string): string {
  return cleanText(raw.replace(/\r\n?/g, "\n")).trim();
}

export type BodyCheck = { ok: true; body: string } | { ok: false; error: string };

/** The words a person sees when their message cannot be sent as it is, in the page's language (`tag`, `t`). */
export function checkBody(raw: unknown, tag: string, t: Catalog["messages"]["form"]): BodyCheck {
  if (typeof raw !== "string") return { ok: false, error: t.missing };
  const body = normalizeBody(raw);
  if (body === "") return { ok: false, error: t.empty };
  const n = charCount(body);
  if (n > MAX_MESSAGE_CHARS) {
    const number = new Intl.NumberFormat(tag);
    return { ok: false, error: t.tooLong(number.format(MAX_MESSAGE_CHARS), number.format(n)) };
  }
  return { ok: true, body };
}

/** True when the body is already in normal form and within the limit (the thread object's own check). */
export const isStorableBody = (body: string): boolean => body !== "" && body === normalizeBody(body) && charCount(body) <= MAX_MESSAGE_CHARS;
