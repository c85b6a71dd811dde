/**
 * A catalog entry that takes arguments. The English catalog declares each message's parameters
 * once — `titleSuffix: msg<[title: string]>("{title} · Family Portal", "title")` — which is data at
 * run time (the ICU template and its parameters' names, built into the catalog's JSON by
 * scripts/build-static.mjs) and, at type level, the function views call:
 * `t.layout.titleSuffix(title)` (see Catalog in catalog.ts). Other languages give only templates,
 * using the same names.
 */
import type { MessageArg } from "./icu";

declare const ARGS: unique symbol;

export interface Message<A extends readonly MessageArg[]> {
  readonly template: string;
  readonly params: readonly string[];
  /** Type only: the arguments the compiled function takes. */
  readonly [ARGS]?: A;
}

export function msg<A extends readonly MessageArg[]>(template: string, ...params: { [K in keyof A]: string }): Message<A> {
  return { template, params };
}
