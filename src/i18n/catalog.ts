/**
 * The shape of a language catalog: exactly the English catalog's keys, strings and functions.
 * Every other catalog is declared `satisfies Catalog`, so a missing or misspelt key fails the
 * type check (and test/i18n-catalogs.test.ts checks it again at run time).
 */
import type en from "./catalogs/en";

export type Catalog = typeof en;
export type Dir = "ltr" | "rtl";
