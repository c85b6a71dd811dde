/**
 * The language a message is written or read in, as translators name it: the primary subtag of a
 * BCP 47 tag, lower case ("es-MX" → "es", "ht" → "ht"). Regional variants are read alike.
 */
import { BCP47 } from "../i18n/negotiate";

export function translationLanguage(tag: string | null | undefined): string | null {
  if (!tag || tag.length > 35 || !BCP47.test(tag)) return null;
  return tag.split("-")[0]!.toLowerCase();
}

/** A message needs translating for this reader: both languages known and different. */
export const needsTranslation = (from: string | null, to: string | null): boolean => from !== null && to !== null && from !== to;

/** The language a person writes and reads messages in: their saved language, else the one their pages are shown in. */
export const personLanguage = (saved: string | null, pageTag: string): string | null => translationLanguage(saved) ?? translationLanguage(pageTag);
