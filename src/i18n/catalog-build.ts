/**
 * Build time (scripts/build-static.mjs, and the tests): a catalog source → the JSON the worker
 * loads through ASSETS (load.ts). Every template is parsed here, against the English message's
 * parameters, so a broken template, a placeholder English does not have, a key English lacks or a
 * missing key fails the build rather than a family's page.
 */
import { parseMessage, TemplateError, type MessageParts } from "./icu";
import type { Message } from "./message";

/** A catalog as JSON: strings, arrays, sections, and messages as parsed templates (`{ $: parts }`). */
export type CatalogData = string | { $: MessageParts } | readonly CatalogData[] | { [key: string]: CatalogData };

export class CatalogError extends Error {}

function isMessage(x: unknown): x is Message<readonly never[]> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && typeof (x as Message<[]>).template === "string" && Array.isArray((x as Message<[]>).params);
}

/**
 * `source` in the shape of `english` (the English catalog itself when building English): its data,
 * or a CatalogError listing every problem, each with its key path ("layout.titleSuffix: …").
 */
export function catalogData(english: unknown, source: unknown, tag: string): CatalogData {
  const problems: string[] = [];
  const walk = (en: unknown, x: unknown, path: string): CatalogData => {
    if (isMessage(en)) {
      const template = isMessage(x) ? x.template : x;
      if (typeof template !== "string") return (problems.push(`${path}: needs a template (a string)`), "");
      if (new Set(en.params).size !== en.params.length) problems.push(`${path}: a parameter named twice`);
      try {
        return { $: parseMessage(template, en.params) };
      } catch (err) {
        if (err instanceof TemplateError) return (problems.push(`${path}: ${err.message}`), "");
        throw err;
      }
    }
    if (typeof en === "string") {
      if (typeof x !== "string") return (problems.push(`${path}: needs a string`), "");
      return x;
    }
    if (Array.isArray(en)) {
      if (!Array.isArray(x)) return (problems.push(`${path}: needs a list`), "");
      // A list's items (a help page's paragraphs, a sub-list of steps) may differ in number between
      // languages; each is checked against an English item of its kind.
      return x.map((item, i) => {
        const shape = en[i] !== undefined && Array.isArray(en[i]) === Array.isArray(item) ? en[i] : en.find((e) => Array.isArray(e) === Array.isArray(item));
        if (shape === undefined) return (problems.push(`${path}[${i}]: English has no item like it`), "");
        return walk(shape, item, `${path}[${i}]`);
      });
    }
    if (typeof en === "object" && en !== null) {
      if (typeof x !== "object" || x === null || Array.isArray(x)) return (problems.push(`${path}: needs a section`), "");
      const out: Record<string, CatalogData> = {};
      for (const key of Object.keys(en)) {
        if (!Object.hasOwn(x, key)) problems.push(`${path ? `${path}.` : ""}${key}: missing`);
        else out[key] = walk((en as Record<string, unknown>)[key], (x as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      }
      for (const key of Object.keys(x)) if (!Object.hasOwn(en, key)) problems.push(`${path ? `${path}.` : ""}${key}: not in English`);
      return out;
    }
    problems.push(`${path}: not a string, list, section or message`);
    return "";
  };
  const data = walk(english, source, "");
  if (problems.length) throw new CatalogError(`catalog ${tag}:\n  ${problems.join("\n  ")}`);
  return data;
}
