/**
 * The shapes of a language catalog. The English source (catalogs/en.ts) is the reference: its
 * strings, arrays and messages (msg(), message.ts). `Catalog` is what views and emails use — the
 * same keys, each message a function of its declared arguments; `Translation` is what another
 * language's source gives — the same keys, every message a template string — so a missing or
 * misspelt key fails the type check (and test/i18n-catalogs.test.ts and the build check it again).
 */
import type en from "./catalogs/en";
import type { Message } from "./message";

export type Dir = "ltr" | "rtl";

export type Compiled<T> =
  T extends Message<infer A> ? (...args: A) => string
  : T extends string ? T
  : T extends readonly (infer E)[] ? readonly Compiled<E>[]
  : { readonly [K in keyof T]: Compiled<T[K]> };

export type Translation<T> =
  T extends Message<infer _A> ? string
  : T extends string ? (string extends T ? string : T)
  : T extends readonly (infer E)[] ? readonly Translation<E>[]
  : { readonly [K in keyof T]: Translation<T[K]> };

export type Catalog = Compiled<typeof en>;
/** A language's source, as written: the English keys (meta.dir stays a Dir). */
export type CatalogSource = Translation<typeof en>;

/** A language we have: its name in itself, its direction, and the switcher's button title in it. */
export interface LanguageMeta {
  meta: { tag: string; name: string; dir: Dir };
  /** "Show this page in English", in that language. */
  switchTo: string;
}
