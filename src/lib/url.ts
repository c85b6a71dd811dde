/** True for an absolute http:// or https:// URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** An absolute link on this site: PUBLIC_URL (with or without its trailing slash) and a path. */
export const siteUrl = (publicUrl: string, path: string): string => `${publicUrl.replace(/\/+$/, "")}${path}`;

/** Any origin will do: only whether `next` stays on it matters, and only its path is returned. */
const OWN_ORIGIN = "https://family-portal.invalid";
/** Browsers drop tabs and newlines and read `\\` as `/`, so `/\t/evil.example` would leave the site. */
const UNSAFE_IN_NEXT = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * A `next` parameter that can only point inside this site: it must parse (WHATWG URL, as browsers
 * do) against our origin to our origin, and the answer is the parsed path, query and fragment.
 */
export function safeNext(next: string | undefined | null, fallback = "/"): string {
  if (!next || next.length > 2048 || !next.startsWith("/") || UNSAFE_IN_NEXT.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const local = url.pathname + url.search + url.hash;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  return local.startsWith("/") && !local.startsWith("//") ? local : fallback;
}
