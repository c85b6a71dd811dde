/** A catalog's JSON (catalog-build.ts) → the strings and functions views and emails call (`Catalog`). */
import type { Catalog } from "./catalog";
import type { CatalogData } from "./catalog-build";
import { formatMessage, messageLanguage, type MessageArg } from "./icu";

/** A catalog's JSON as the functions and strings of `Catalog`, formatting in `tag`'s language. */
export function compileCatalog(data: CatalogData, tag: string): Catalog {
  const lang = messageLanguage(tag);
  const compile = (d: CatalogData): unknown => {
    if (typeof d === "string") return d;
    if (Array.isArray(d)) return d.map(compile);
    if ("$" in d && Array.isArray(d.$)) {
      const parts = d.$;
      return (...args: MessageArg[]) => formatMessage(parts, args, lang);
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(d as Record<string, CatalogData>)) out[key] = compile(value);
    return out;
  };
  return compile(data) as Catalog;
}
