// Every language catalog has exactly the English catalog's keys, each of the same kind (text, list,
// or a message whose template uses only English's placeholders), and no empty text: a missing key
// fails here and in the build as well as in tsc. The worker reads them through ASSETS.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../src/generated/catalogs";
import { catalogData, CatalogError } from "../src/i18n/catalog-build";
import type { Catalog, CatalogSource } from "../src/i18n/catalog";
import esSource from "../src/i18n/catalogs/es";
import { catalogLoader, loadCatalog } from "../src/i18n/load";
import { localeFor } from "../src/i18n/locale";
import { msg } from "../src/i18n/message";
import { asset } from "../src/static";
import { SOURCES } from "./i18n-source";

const english = SOURCES.en;

function emptyTexts(node: unknown, path: string, out: string[]): string[] {
  if (typeof node === "string") {
    if (node.trim() === "") out.push(`${path} is empty`);
  } else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) emptyTexts(v, `${path}.${k}`, out);
  return out;
}

describe("language catalogs", () => {
  it("English is complete and every other catalog has exactly its keys, of the same kinds, with English's placeholders", () => {
    expect(Object.keys(CATALOGS)).toEqual(expect.arrayContaining(["en", "es"]));
    expect(Object.keys(SOURCES).sort()).toEqual(Object.keys(CATALOGS).sort());
    for (const [tag, source] of Object.entries(SOURCES)) {
      expect(() => catalogData(english, source, tag), tag).not.toThrow();
      expect(emptyTexts(source, tag, []), tag).toEqual([]);
      expect(CATALOGS[tag]?.meta.tag).toBe(tag);
    }
  });

  it("each language names itself in its own language, and the names differ; the switcher's title is in that language", () => {
    const names = Object.values(CATALOGS).map((c) => c.meta.name);
    expect(new Set(names).size).toBe(names.length);
    expect(CATALOGS.es?.meta.name).toBe("Español");
    expect(CATALOGS.es?.switchTo).toBe("Ver esta página en Español");
    expect(CATALOGS.en?.switchTo).toBe("Show this page in English");
  });

  it("the build refuses a missing key, a key English lacks, a placeholder English lacks and a broken template", () => {
    const en = { layout: { signIn: "Sign in", titleSuffix: msg<[title: string]>("{title} · Family Portal", "title") } };
    const refused = (es: unknown) => () => catalogData(en, es, "es");
    expect(catalogData(en, { layout: { signIn: "Iniciar sesión", titleSuffix: "{title} · Family Portal" } }, "es")).toEqual({
      layout: { signIn: "Iniciar sesión", titleSuffix: { $: [{ v: 0 }, " · Family Portal"] } },
    });
    expect(refused({ layout: { titleSuffix: "{title}" } })).toThrow(CatalogError);
    expect(refused({ layout: { titleSuffix: "{title}" } })).toThrow(/layout\.signIn: missing/);
    expect(refused({ layout: { signIn: "x", titleSuffix: "{title}", extra: "y" } })).toThrow(/layout\.extra: not in English/);
    expect(refused({ layout: { signIn: "x", titleSuffix: "{titulo} · Family Portal" } })).toThrow(/layout\.titleSuffix: unknown placeholder \{titulo\}/);
    expect(refused({ layout: { signIn: "x", titleSuffix: "{title · Family Portal" } })).toThrow(/layout\.titleSuffix/);
    expect(refused({ layout: { signIn: "x", titleSuffix: "{title, plural, one {#}}" } })).toThrow(/needs an "other" case/);
    // English itself is checked the same way: its own template may not use a placeholder it does not declare.
    const brokenEnglish = { greeting: msg<[name: string]>("Hello {nombre}", "name") };
    expect(() => catalogData(brokenEnglish, brokenEnglish, "en")).toThrow(/greeting: unknown placeholder \{nombre\}/);
  });

  it("the type check still knows every message's arguments and every key (these lines would not compile otherwise)", async () => {
    const en = await loadCatalog("en");
    // @ts-expect-error a number where the message takes a title
    expect(en.layout.titleSuffix(3)).toBe("3 · Family Portal");
    // @ts-expect-error a message called without its argument
    expect(en.layout.titleSuffix()).toBe(" · Family Portal");
    const { signIn: _dropped, ...layout } = esSource.layout;
    // @ts-expect-error a translation without one of English's keys
    const missing: CatalogSource = { ...esSource, layout };
    expect(() => catalogData(english, missing, "es")).toThrow(/layout\.signIn: missing/);
  });

  it("is served as a static asset under a content-hashed name, not in the worker's code", async () => {
    for (const tag of Object.keys(CATALOGS)) {
      const path = asset(`catalog-${tag}.json`);
      expect(path).toMatch(new RegExp(`^/static/catalog-${tag}\\.[0-9a-f]{12}\\.json$`));
      const res = await env.ASSETS.fetch(`https://assets.invalid${path}`);
      expect(res.status).toBe(200);
      const data = await res.json<{ meta: { tag: string } }>();
      expect(data.meta.tag).toBe(tag);
    }
  });

  it("loads through ASSETS inside workerd, compiled to the functions views call, in each language", async () => {
    const es = await loadCatalog("es");
    expect(es.layout.titleSuffix("Inicio")).toBe("Inicio · Family Portal");
    expect(es.teacher.badges.makeNew(1)).toBe("Crear 1 credencial nueva");
    expect(es.teacher.badges.makeNew(3)).toBe("Crear 3 credenciales nuevas");
    const en = await loadCatalog("en");
    expect(en.teacher.badges.makeNew(1)).toBe("Make 1 new badge");
    expect(en.onboarding.disputed.body(null)).toContain("and the school can see");
    expect((await localeFor("es-MX", "America/Chicago")).t).toBe(es);
    expect((await localeFor("vi")).tag).toBe("en");
    await expect(loadCatalog("vi")).rejects.toThrow(/no catalog/);
  });

  it("reads each catalog once however many ask at once; a failed read is not kept", async () => {
    const asked: string[] = [];
    let failNext = true;
    const assets = {
      fetch: (input: RequestInfo | URL) => {
        const url = String(input instanceof Request ? input.url : input);
        asked.push(new URL(url).pathname);
        if (failNext) {
          failNext = false;
          return Promise.resolve(new Response("gone", { status: 503 }));
        }
        return env.ASSETS.fetch(url);
      },
    } as unknown as Fetcher;
    const load = catalogLoader(() => assets);
    await expect(load("es")).rejects.toThrow(/asset service answered 503/);
    const all: Catalog[] = await Promise.all([load("es"), load("es"), load("es"), load("en")]);
    expect(all[0]).toBe(all[1]);
    expect(all[1]).toBe(all[2]);
    expect(asked).toEqual([asset("catalog-es.json"), asset("catalog-es.json"), asset("catalog-en.json")]);
    await load("es");
    expect(asked).toHaveLength(3);
  });
});
