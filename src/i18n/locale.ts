/** A person's language, resolved once: the catalog to speak with, and how to format dates for them. */
import type { Catalog, Dir } from "./catalog";
import { catalogOf, closestLanguage, DEFAULT_LANGUAGE } from "./negotiate";

export const DEFAULT_TIME_ZONE = "America/New_York";

export interface Locale {
  /** The catalog's BCP 47 tag: what `<html lang>` says. */
  tag: string;
  dir: Dir;
  t: Catalog;
  /** IANA zone for dates and times (the district's). */
  timeZone: string;
}

export function localeOf(tag: string, timeZone: string = DEFAULT_TIME_ZONE): Locale {
  const t = catalogOf(tag);
  return { tag: t.meta.tag, dir: t.meta.dir, t, timeZone };
}

/** For a message to someone whose language is stored (maybe without a catalog): the closest catalog, else English. */
export function localeFor(stored: string | null | undefined, timeZone?: string | null): Locale {
  return localeOf(closestLanguage(stored) ?? DEFAULT_LANGUAGE, timeZone || DEFAULT_TIME_ZONE);
}
