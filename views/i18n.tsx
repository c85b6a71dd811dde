/**
 * The language of the page being rendered, for every view: `const t = useT()` then `t.area.key`.
 * Read from the request (c.var.locale, set by chooseLanguage); fragments rendered outside the
 * layout go through renderFragment (src/render.tsx), which provides the same request.
 */
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../src/env";
import type { Catalog } from "../src/i18n/catalog";
import type { Locale } from "../src/i18n/locale";

export function useLocale(): Locale {
  return useRequestContext<AppEnv>().var.locale;
}

export function useT(): Catalog {
  return useLocale().t;
}
