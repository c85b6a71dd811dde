import { useRequestContext } from "../src/render-context";
import type { AppEnv } from "../src/env";
import { CATALOGS } from "../src/generated/catalogs";
import { LANGUAGES } from "../src/i18n/negotiate";
import { safeNext } from "../src/lib/url";
import { PostForm } from "./components";
import { useLocale } from "./i18n";

/**
 * On every page: a button for each other language, named in that language ("Español"), which
 * shows the same page in it. A plain form, so it works without JavaScript.
 */
export function LanguageSwitcher() {
  const c = useRequestContext<AppEnv>();
  const { tag, t } = useLocale();
  // A POST's page has no address to return to: go back home.
  const back = c.req.method === "GET" ? returnAddress(new URL(c.req.url)) : "/";
  return (
    <PostForm action="/language" class="languages">
      <input type="hidden" name="back" value={back} />
      <span class="visually-hidden">{t.layout.languageSwitcher}</span>
      {LANGUAGES.filter((other) => other !== tag).map((other) => {
        const name = CATALOGS[other]!.meta.name;
        return (
          <button type="submit" name="lang" value={other} lang={other} class="link" title={CATALOGS[other]!.switchTo}>
            {name}
          </button>
        );
      })}
    </PostForm>
  );
}

/**
 * This page's address without reflecting what a link may have smuggled into it: query values
 * that are ids, numbers or cursors are kept, a `next` only when it is a safe path of ours.
 */
function returnAddress(url: URL): string {
  const kept = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    const ok = key === "next" ? safeNext(value) === value : /^[\w.\-:~,]{0,200}$/.test(value);
    if (/^[\w-]{1,40}$/.test(key) && ok) kept.append(key, value);
  }
  const search = kept.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
