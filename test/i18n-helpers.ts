// For the language tests: which English phrases of the catalog a page still shows. A phrase is an
// English catalog text of two words or more that the other catalog words differently (names such
// as "Family Portal" are the same in every language and are not counted).
import { COMPILED, en } from "./i18n-source";

function leaves(node: unknown, path: string, out: Map<string, string>): void {
  if (typeof node === "string") out.set(path, node);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) leaves(v, path ? `${path}.${k}` : k, out);
}

/** English texts that differ in `tag`'s catalog, longest first (so a sentence is reported, not its words). */
export function englishPhrases(tag = "es"): string[] {
  const english = new Map<string, string>();
  const other = new Map<string, string>();
  leaves(en, "", english);
  leaves(COMPILED[tag], "", other);
  return [...english]
    .filter(([path, text]) => other.get(path) !== text && /\S+\s+\S+/.test(text))
    .map(([, text]) => text)
    .sort((a, b) => b.length - a.length);
}

/** The English phrases a page's visible text still contains. */
export function englishLeftIn(pageText: string, tag = "es"): string[] {
  return englishPhrases(tag).filter((phrase) => pageText.includes(phrase));
}
