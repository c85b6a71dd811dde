/**
 * Which language an invitation (email or text, with its renewal and reminder) goes out in. The
 * district gives the family's language as any BCP 47 tag; we may have no catalog for it.
 *
 * The rule (issue 12, point 5): the closest catalog to that tag (es-MX → es), else English. When
 * the closest catalog is NOT the language asked for (another language's catalog chosen as the
 * closest), the same message follows in English below it, so that whoever helps the family can read
 * it too; when the closest is English already, English is all there is and nothing is repeated.
 * With today's matching (same tag, else same primary language subtag, else none) a catalog other
 * than English is only ever chosen for its own language, so `vi` gets the English message alone and
 * `es`, `es-MX` get Spanish alone; the English-below case is there for a fallback between languages
 * a future catalog may bring (say, a Galician family closest to Spanish).
 */
import { localeFor, localeOf, type Locale } from "../i18n/locale";
import { closestLanguage, DEFAULT_LANGUAGE } from "../i18n/negotiate";

export interface MessageLocales {
  /** The message's language. */
  main: Locale;
  /** English, repeated below the message; null when not needed. */
  englishBelow: Locale | null;
}

const primary = (tag: string): string => tag.toLowerCase().split("-")[0] ?? "";

/** Whether a message written in catalog `served` to someone asking for `asked` needs English below it. */
export function needsEnglishBelow(asked: string | null | undefined, served: string): boolean {
  if (!asked || primary(served) === primary(DEFAULT_LANGUAGE)) return false;
  return primary(asked) !== primary(served);
}

/** The locales of a message to a family whose language the district gave as `asked`. */
export async function invitationLocales(asked: string | null | undefined, timeZone: string): Promise<MessageLocales> {
  const main = await localeFor(asked, timeZone);
  const served = closestLanguage(asked) ?? DEFAULT_LANGUAGE;
  return { main, englishBelow: needsEnglishBelow(asked, served) ? await localeOf(DEFAULT_LANGUAGE, timeZone) : null };
}
