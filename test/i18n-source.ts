// The catalogs as the worker gets them, built here from their sources the way
// scripts/build-static.mjs builds the JSON (checked against English) and src/i18n/load.ts compiles
// it: for tests that compare a page with a catalog's words synchronously.
import { catalogData } from "../src/i18n/catalog-build";
import type { Catalog } from "../src/i18n/catalog";
import { compileCatalog } from "../src/i18n/compile";
import enSource from "../src/i18n/catalogs/en";
import esSource from "../src/i18n/catalogs/es";

export const SOURCES: Readonly<Record<string, unknown>> = { en: enSource, es: esSource };

const compiled = (tag: string): Catalog => compileCatalog(catalogData(enSource, SOURCES[tag], tag), tag);

export const en = compiled("en");
export const es = compiled("es");
export const COMPILED: Readonly<Record<string, Catalog>> = { en, es };
