/**
 * The language of the page being rendered, for every view: `const t = useT()` then `t.area.key`.
 * Read from the request (c.var.locale, set by chooseLanguage); fragments rendered outside the
 * layout go through renderFragment (src/render.tsx), which provides the same request.
 */
import { useRequestContext } from "../src/render-context";
import type { AppEnv } from "../src/env";
import type { Catalog } from "../src/i18n/catalog";
import { localeOf, type Locale } from "../src/i18n/locale";
import { DEFAULT_LANGUAGE } from "../src/i18n/negotiate";

/** The request's locale; English where no language was chosen (the development pages under /dev). */
export function useLocale(): Locale {
  return useRequestContext<AppEnv>().var.locale ?? localeOf(DEFAULT_LANGUAGE);
}

export function useT(): Catalog {
  return useLocale().t;
}
