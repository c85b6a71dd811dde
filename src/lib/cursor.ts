/** Opaque list cursors for "next page" links and the API's nextCursor: base64url of text we wrote. */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

/** An opaque list position: the (timestamp, id) of the last item returned. */
export interface Cursor {
  at: number;
  id: string;
}

const encodeText = (text: string): string => encodeBase64urlNoPadding(new TextEncoder().encode(text));

/** The text inside, or null when it is not base64url of UTF-8. */
function decodeText(s: string): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(decodeBase64urlIgnorePadding(s));
  } catch {
    return null;
  }
}

export function encodeCursor(c: Cursor): string {
  return encodeText(JSON.stringify([c.at, c.id]));
}

/** null for anything that is not a cursor we issued (the caller answers 422). */
export function decodeCursor(s: string): Cursor | null {
  const text = decodeText(s);
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === "string" && v[1].length <= 64) {
      return { at: v[0] as number, id: v[1] };
    }
  } catch {
    // Not JSON: not one of ours.
  }
  return null;
}

/** A cursor that is one key of a list in key order (the roster's sisIds). */
export const encodeKeyCursor = (key: string): string => encodeText(key);

/** The key inside a key cursor, or null when it is not one of ours. */
export function decodeKeyCursor(s: string, maxLength: number): string | null {
  const key = decodeText(s);
  return key !== null && key.length > 0 && key.length <= maxLength ? key : null;
}
