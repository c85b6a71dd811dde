/**
 * Which catalog a person gets. First match wins (SPEC 3.10): the language a signed-in person
 * saved → the one chosen with the switcher (cookie) → on an invitation's pages, the
 * invitation's language → the browser's Accept-Language → English. Any BCP 47 tag is accepted
 * and mapped to the closest catalog we have (es-MX → es); a tag with none (vi) maps to null here
 * and the next rule decides.
 */
import { CATALOGS } from "../generated/catalogs";
import type { LanguageMeta } from "./catalog";

export const DEFAULT_LANGUAGE = "en";

/** The catalog tags we have, English first. */
export const LANGUAGES: readonly string[] = [DEFAULT_LANGUAGE, ...Object.keys(CATALOGS).filter((t) => t !== DEFAULT_LANGUAGE).sort()];

/** A syntactically plausible BCP 47 tag (what we accept and store; we do not validate registries). */
export const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** The catalog closest to a BCP 47 tag: the exact tag, then its language subtag; null when we have neither. */
export function closestLanguage(tag: string | null | undefined): string | null {
  if (!tag || tag.length > 35 || !BCP47.test(tag)) return null;
  const lower = tag.toLowerCase();
  const exact = Object.keys(CATALOGS).find((t) => t.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split("-")[0]!;
  return Object.keys(CATALOGS).find((t) => t.toLowerCase() === primary) ?? null;
}

/** The browser's languages in order of preference (q-values), as sent in Accept-Language. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .map((l) => l.tag);
}

export interface LanguageSources {
  /** The signed-in person's saved language. */
  saved?: string | null;
  /** The switcher's cookie. */
  chosen?: string | null;
  /** On an invitation's pages: the language the district gave for the family. */
  invitation?: string | null;
  acceptLanguage?: string | null;
}

/** The catalog tag for a request, by the rules above. */
export function resolveLanguage(s: LanguageSources): string {
  for (const tag of [s.saved, s.chosen, s.invitation]) {
    const found = closestLanguage(tag);
    if (found) return found;
  }
  for (const tag of acceptedLanguages(s.acceptLanguage)) {
    const found = closestLanguage(tag);
    if (found) return found;
  }
  return DEFAULT_LANGUAGE;
}

/** A language we have (English for any other tag): its name, direction and switcher title. */
export function languageMeta(tag: string): LanguageMeta {
  return (Object.hasOwn(CATALOGS, tag) ? CATALOGS[tag] : undefined) ?? CATALOGS[DEFAULT_LANGUAGE]!;
}
