/** What a message may be: text only, at most MAX_MESSAGE_CHARS characters (not counting the white space around it). */
import { cleanText } from "../lib/text";

export const MAX_MESSAGE_CHARS = 2000;

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

/** The words a person sees when their message cannot be sent as it is. */
export function checkBody(raw: unknown): BodyCheck {
  if (typeof raw !== "string") return { ok: false, error: "Write your message in the box, then press Send." };
  const body = normalizeBody(raw);
  if (body === "") return { ok: false, error: "Your message is empty. Write something, then press Send." };
  const n = charCount(body);
  if (n > MAX_MESSAGE_CHARS) {
    return {
      ok: false,
      error: `Messages can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters, and this one has ${n.toLocaleString("en-US")}. Please shorten it, or send it in parts.`,
    };
  }
  return { ok: true, body };
}

/** True when the body is already in normal form and within the limit (the thread object's own check). */
export const isStorableBody = (body: string): boolean => body !== "" && body === normalizeBody(body) && charCount(body) <= MAX_MESSAGE_CHARS;
