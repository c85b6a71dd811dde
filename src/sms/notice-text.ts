/**
 * The unread notice by text, in the parent's language: who wrote, about which child, "reply to
 * this text to answer", and the thread's link; the start of the message only where the district
 * allows it. It must fit two SMS: the preview goes first, then the names are shortened; the
 * link is never cut (a cut link is a dead link).
 */
import type { Locale } from "../i18n/locale";
import { oneLine } from "../lib/text";
import { fitsSegments } from "./segments";

export const MAX_SEGMENTS = 2;
/** The most of a message a text may show (and only with the district's setting on). */
export const PREVIEW_CHARS = 60;

export interface UnreadTextInput {
  writerName: string;
  childFirstName: string;
  link: string;
  /** The unread message's text, when the district allows its start in texts; else null. */
  preview: string | null;
}

/** Cut to `n` characters (code points), marked with a full stop-free ".." so it stays GSM-7. */
function cut(s: string, n: number): string {
  const chars = [...s];
  if (chars.length <= n) return s;
  return n <= 2 ? chars.slice(0, n).join("") : `${chars.slice(0, n - 2).join("").trimEnd()}..`;
}

export function buildUnreadText(m: UnreadTextInput, locale: Locale): string {
  const t = locale.t.messages.sms;
  const compose = (writer: string, child: string, preview: string | null) =>
    [t.notice(writer, child), preview ? t.preview(preview) : null, t.replyHint, m.link].filter((p): p is string => p !== null).join(" ");
  const writer = oneLine(m.writerName);
  const child = oneLine(m.childFirstName);
  const full = m.preview ? oneLine(m.preview) : "";
  // Longest preview first, then none; then ever shorter names.
  for (let n = Math.min(PREVIEW_CHARS, [...full].length); n > 0; n -= 5) {
    const text = compose(writer, child, cut(full, n));
    if (fitsSegments(text, MAX_SEGMENTS)) return text;
  }
  for (const len of [Infinity, 30, 20, 12, 8, 4, 1]) {
    const text = compose(cut(writer, len), cut(child, len), null);
    if (fitsSegments(text, MAX_SEGMENTS)) return text;
  }
  // Only an absurdly long link gets here: the link still goes whole.
  return compose(cut(writer, 1), cut(child, 1), null);
}
