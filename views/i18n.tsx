/**
 * The language of the page being rendered, for every view: `const t = useT()` then `t.area.key`.
 * Read from the request (c.var.locale, set by chooseLanguage); fragments rendered outside the
 * layout go through renderFragment (src/render.tsx), which provides the same request.
 */
import { useRequestContext } from "../src/render-context";
import type { AppEnv } from "../src/env";
import type { Catalog } from "../src/i18n/catalog";
import type { Locale } from "../src/i18n/locale";

/** The request's locale (its catalog loaded by chooseLanguage, or by the route itself outside the pages: /dev). */
export function useLocale(): Locale {
  const locale = useRequestContext<AppEnv>().var.locale as Locale | undefined;
  if (!locale) throw new Error("no locale for this request: a page rendered before its catalog was loaded");
  return locale;
}

export function useT(): Catalog {
  return useLocale().t;
}
