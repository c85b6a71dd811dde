/**
 * Error pages (404, the cross-site refusal, 413, 400, 500): what happened and what to do, in the
 * reader's language. Within the pages they sit in the one layout (ErrorMessage); an answer given
 * before the layout can be used, or after something failed, is a small page of its own
 * (ErrorDocument) that needs nothing but its props.
 */
import { raw } from "hono/html";
import type { Locale } from "../../src/i18n/locale";
import { asset } from "../../src/static";

export interface ErrorWords {
  title: string;
  text: string;
}

export function ErrorMessage({ words, home }: { words: ErrorWords; home: string }) {
  return (
    <>
      <h1>{words.title}</h1>
      <p>{words.text}</p>
      <p>
        <a href="/">{home}</a>
      </p>
    </>
  );
}

export function ErrorDocument({ locale, words }: { locale: Locale; words: ErrorWords }) {
  const { tag, dir, t } = locale;
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={tag} dir={dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{t.layout.titleSuffix(words.title)}</title>
          <link rel="stylesheet" href={asset("app.css")} />
        </head>
        <body>
          <header class="top">
            <a class="brand" href="/">{t.layout.siteName}</a>
          </header>
          <main id="main">
            <ErrorMessage words={words} home={t.errors.home} />
          </main>
        </body>
      </html>
    </>
  );
}
