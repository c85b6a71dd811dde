/**
 * A family's language as a teacher reads it: the stored BCP 47 tag named in the reader's language
 * by the platform (Intl.DisplayNames: "es" → "Spanish" / "español", "vi" → "Vietnamese"), so a
 * language we have no catalog for is still named. A tag the platform cannot name shows as stored.
 */
export function languageName(tag: string, readerTag: string): string {
  try {
    return new Intl.DisplayNames([readerTag], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
