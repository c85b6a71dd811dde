/**
 * Base64 and base64url (RFC 4648) with the platform's btoa/atob, as strict as the library they
 * replace (@oslojs/encoding's base64: 2 KB of the worker's budgeted bundle, issue 15 item 5): a
 * character outside the alphabet, or a length no encoder makes, throws.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL_NO_PADDING = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;

export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function decodeBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new Error("invalid base64");
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function encodeBase64urlNoPadding(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** base64url with or without its padding. */
export function decodeBase64urlIgnorePadding(text: string): Uint8Array {
  const bare = text.replace(/=+$/, "");
  if (!BASE64URL_NO_PADDING.test(bare)) throw new Error("invalid base64url");
  const padded = bare.replace(/-/g, "+").replace(/_/g, "/");
  return decodeBase64(padded + "=".repeat((4 - (padded.length % 4)) % 4));
}
