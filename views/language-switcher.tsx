import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../src/env";
import { CATALOGS } from "../src/generated/catalogs";
import { LANGUAGES } from "../src/i18n/negotiate";
import { PostForm } from "./components";
import { useLocale } from "./i18n";

/**
 * On every page: a button for each other language, named in that language ("Español"), which
 * shows the same page in it. A plain form, so it works without JavaScript.
 */
export function LanguageSwitcher() {
  const c = useRequestContext<AppEnv>();
  const { tag, t } = useLocale();
  const url = new URL(c.req.url);
  // A POST's page has no address to return to: go back to where the form was (or home).
  const back = c.req.method === "GET" ? url.pathname + url.search : "/";
  return (
    <PostForm action="/language" class="languages">
      <input type="hidden" name="back" value={back} />
      <span class="visually-hidden">{t.layout.languageSwitcher}</span>
      {LANGUAGES.filter((other) => other !== tag).map((other) => {
        const name = CATALOGS[other]!.meta.name;
        return (
          <button type="submit" name="lang" value={other} lang={other} class="link" title={CATALOGS[other]!.layout.switchTo(name)}>
            {name}
          </button>
        );
      })}
    </PostForm>
  );
}
