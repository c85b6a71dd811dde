/**
 * The catalogs are static assets (catalog-<tag>.<hash>.json, written by scripts/build-static.mjs),
 * not the worker's code: every language would otherwise grow the worker by ~60 KB. A catalog is
 * read through ASSETS once per isolate, compiled into the functions views call, and kept;
 * concurrent requests share the one read, and a failed read is not kept (the next request tries again).
 * The binding is the worker's own (cloudflare:workers' env), so a Durable Object's alarm or a queue
 * consumer deep in a mail path loads its recipient's language without being handed the bindings.
 */
import { env } from "cloudflare:workers";
import { CATALOGS } from "../generated/catalogs";
import { asset } from "../static";
import type { Catalog } from "./catalog";
import type { CatalogData } from "./catalog-build";
import { compileCatalog } from "./compile";

/** A loader over one asset service (tests give their own): each language read at most once at a time, kept once compiled. */
export function catalogLoader(assets: () => Fetcher): (tag: string) => Promise<Catalog> {
  const loaded = new Map<string, Promise<Catalog>>();
  return (tag) => {
    if (!Object.hasOwn(CATALOGS, tag)) return Promise.reject(new Error(`no catalog for language ${tag}`));
    let catalog = loaded.get(tag);
    if (!catalog) {
      catalog = assets()
        .fetch(`https://assets.invalid${asset(`catalog-${tag}.json`)}`)
        .then(async (res) => {
          if (!res.ok) throw new Error(`catalog-${tag}.json: asset service answered ${res.status}`);
          return compileCatalog(await res.json<CatalogData>(), tag);
        })
        .catch((err: unknown) => {
          loaded.delete(tag);
          throw err;
        });
      loaded.set(tag, catalog);
    }
    return catalog;
  };
}

/** The catalog of a language we have (`tag` as in CATALOGS), through this worker's ASSETS, once per isolate. */
export const loadCatalog = catalogLoader(() => env.ASSETS);
