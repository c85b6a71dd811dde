/**
 * A language named in the reader's language by the platform (Intl.DisplayNames: "es" → "Spanish"
 * / "español", "vi" → "Vietnamese"), so a language we have no catalog for is still named: a
 * family's language on a teacher's class page, an idea's language. A tag the platform cannot
 * name shows as stored.
 */
export function languageName(tag: string, readerTag: string): string {
  try {
    return new Intl.DisplayNames([readerTag], { type: "language", fallback: "code" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
