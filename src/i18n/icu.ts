/**
 * The ICU MessageFormat subset our catalogs are written in — what translators and their tools
 * (Weblate, Crowdin) know: `{name}`, `{count, number}`, `{count, plural, =0 {…} one {# item} other
 * {# items}}` (`#` is the number, formatted for the language), `{x, select, a {…} none {…} other {…}}`,
 * and ICU's apostrophe quoting (`'{'` is a literal brace, `''` an apostrophe; any other apostrophe is
 * itself). The platform has no Intl.MessageFormat yet, so templates are parsed at build time
 * (scripts/build-static.mjs: a broken one fails the build) into the small tree below, and the worker
 * only formats trees (formatMessage).
 */

/** A parsed template: literal text and arguments, by the argument's position in the message's parameters. */
export type MessageParts = readonly MessagePart[];
export type MessagePart =
  | string
  /** `{name}`: the value as given (a number as its digits). */
  | { v: number }
  /** `{count, number}`: the number formatted for the language (Intl.NumberFormat). */
  | { v: number; n: 1 }
  /** `{count, plural, …}`: the `=N` case, else the language's plural category (Intl.PluralRules), else other. */
  | { v: number; p: Readonly<Record<string, MessageParts>> }
  /** `{x, select, …}`: the case named by the value; `none` for a missing (null) value; else other. */
  | { v: number; s: Readonly<Record<string, MessageParts>> }
  /** `#` inside a plural: its number, formatted for the language. */
  | { h: 1 };

/** A message's arguments at run time. A select's value may be missing (null: its `none` case). */
export type MessageArg = string | number | null | undefined;

export class TemplateError extends Error {}

/**
 * Parses a template whose placeholders must be among `params` (the English message's parameter
 * names); anything else — an unknown name, an unclosed brace, a plural or select without `other`,
 * an unknown argument type — throws a TemplateError naming the problem.
 */
export function parseMessage(template: string, params: readonly string[]): MessageParts {
  let at = 0;
  const fail = (why: string): never => {
    throw new TemplateError(`${why} at ${at} in "${template}"`);
  };
  const spaces = () => {
    while (at < template.length && /\s/.test(template[at]!)) at++;
  };
  const word = (): string => {
    spaces();
    const m = /^[A-Za-z0-9_=-]+/.exec(template.slice(at));
    if (!m) return fail("expected a name");
    at += m[0].length;
    spaces();
    return m[0];
  };
  const expect = (ch: string) => {
    spaces();
    if (template[at] !== ch) fail(`expected "${ch}"`);
    at++;
  };
  /** Text and arguments until the closing `}` of a case (or the end, at the top). */
  const parts = (inPlural: boolean, top: boolean): MessagePart[] => {
    const out: MessagePart[] = [];
    let text = "";
    const flush = () => {
      if (text) out.push(text);
      text = "";
    };
    while (at < template.length) {
      const ch = template[at]!;
      if (ch === "'") {
        const next = template[at + 1];
        if (next === "'") {
          text += "'";
          at += 2;
        } else if (next === "{" || next === "}" || (inPlural && next === "#")) {
          // A quoted literal runs to the next lone apostrophe ('' inside is one apostrophe).
          at++;
          for (;;) {
            if (at >= template.length) fail("unclosed quote");
            if (template[at] === "'") {
              if (template[at + 1] === "'") {
                text += "'";
                at += 2;
                continue;
              }
              at++;
              break;
            }
            text += template[at++];
          }
        } else {
          text += "'";
          at++;
        }
      } else if (ch === "{") {
        flush();
        at++;
        out.push(argument());
      } else if (ch === "}") {
        if (top) fail("unmatched }");
        break;
      } else if (ch === "#" && inPlural) {
        flush();
        out.push({ h: 1 });
        at++;
      } else {
        text += ch;
        at++;
      }
    }
    flush();
    return out;
  };
  const argument = (): MessagePart => {
    const name = word();
    const v = params.indexOf(name);
    if (v < 0) fail(`unknown placeholder {${name}} (the message's parameters: ${params.join(", ") || "none"})`);
    if (template[at] === "}") {
      at++;
      return { v };
    }
    expect(",");
    const type = word();
    if (type === "number") {
      expect("}");
      return { v, n: 1 };
    }
    if (type !== "plural" && type !== "select") return fail(`unknown argument type "${type}"`);
    expect(",");
    const cases: Record<string, MessageParts> = {};
    for (;;) {
      spaces();
      if (template[at] === "}") {
        at++;
        break;
      }
      const key = word();
      if (type === "plural" && !/^(=\d+|zero|one|two|few|many|other)$/.test(key)) fail(`unknown plural case "${key}"`);
      if (Object.hasOwn(cases, key)) fail(`case "${key}" twice`);
      expect("{");
      cases[key] = parts(type === "plural", false);
      expect("}");
    }
    if (!Object.hasOwn(cases, "other")) fail(`a ${type} needs an "other" case`);
    return type === "plural" ? { v, p: cases } : { v, s: cases };
  };
  const out = parts(false, true);
  if (at < template.length) fail("unexpected text");
  return out;
}

/** What formatting needs of a language, made once per catalog. */
export interface MessageLanguage {
  plural: Intl.PluralRules;
  number: Intl.NumberFormat;
}

export function messageLanguage(tag: string): MessageLanguage {
  return { plural: new Intl.PluralRules(tag), number: new Intl.NumberFormat(tag) };
}

/** A parsed message with its arguments, in its language. */
export function formatMessage(parts: MessageParts, args: readonly MessageArg[], lang: MessageLanguage, hash?: number): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") out += part;
    else if ("h" in part) out += hash === undefined ? "#" : lang.number.format(hash);
    else {
      const value = args[part.v];
      if ("p" in part) {
        const count = Number(value);
        const cases = part.p;
        const chosen = cases[`=${count}`] ?? cases[lang.plural.select(count)] ?? cases.other!;
        out += formatMessage(chosen, args, lang, count);
      } else if ("s" in part) {
        const key = value === null || value === undefined ? "none" : String(value);
        out += formatMessage((Object.hasOwn(part.s, key) ? part.s[key] : undefined) ?? part.s.other!, args, lang, hash);
      } else if ("n" in part) out += lang.number.format(Number(value));
      else out += value ?? "";
    }
  }
  return out;
}
