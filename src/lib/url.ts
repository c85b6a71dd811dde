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
