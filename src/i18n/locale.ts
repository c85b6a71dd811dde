/**
 * A person's language, resolved once: the catalog to speak with, and how to format dates for them.
 * The catalog is loaded (load.ts) before anything renders: the pages' middleware does it for the
 * request, and every email, text and notice path awaits it for its recipient.
 */
import type { Catalog, Dir } from "./catalog";
import { loadCatalog } from "./load";
import { closestLanguage, DEFAULT_LANGUAGE, languageMeta } from "./negotiate";

export const DEFAULT_TIME_ZONE = "America/New_York";

export interface Locale {
  /** The catalog's BCP 47 tag: what `<html lang>` says. */
  tag: string;
  dir: Dir;
  t: Catalog;
  /** IANA zone for dates and times (the district's). */
  timeZone: string;
}

/** A catalog tag we have (else English), loaded. */
export async function localeOf(tag: string, timeZone: string = DEFAULT_TIME_ZONE): Promise<Locale> {
  const meta = languageMeta(tag).meta;
  return { tag: meta.tag, dir: meta.dir, t: await loadCatalog(meta.tag), timeZone };
}

/** For a message to someone whose language is stored (maybe without a catalog): the closest catalog, else English. */
export function localeFor(stored: string | null | undefined, timeZone?: string | null): Promise<Locale> {
  return localeOf(closestLanguage(stored) ?? DEFAULT_LANGUAGE, timeZone || DEFAULT_TIME_ZONE);
}
