import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

/** An opaque list position: the (timestamp, id) of the last item returned. */
export interface Cursor {
  at: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify([c.at, c.id])));
}

/** null for anything that is not a cursor we issued (the caller answers 422). */
export function decodeCursor(s: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(decodeBase64urlIgnorePadding(s)));
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === "string" && v[1].length <= 64) {
      return { at: v[0] as number, id: v[1] };
    }
  } catch {
    // Not base64url or not JSON: not one of ours.
  }
  return null;
}
