import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { asset } from "../src/static";
import type { Actor } from "../src/auth/actor";
import { Nav } from "./nav";
import { useLocale } from "./i18n";
import { LanguageSwitcher } from "./language-switcher";

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  // No copies of pages in sessionStorage: Back asks the server, which knows who is signed in.
  historyCacheSize: 0,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "[45]..", swap: true, error: true },
  ],
});

export interface LayoutProps {
  title: string;
  children?: Child;
  /** Extra scripts for this page only (e.g. the badge scanner). */
  scripts?: string[];
  /** Hide the navigation (e.g. on the student portal's shared devices). */
  bare?: boolean;
  /** The signed-in person, for the navigation. */
  actor?: Actor | null;
  /** A parent's conversations (the Messages tab shows once there is one). */
  messages?: { threads: number; unread: number } | null;
}

/** The one page shell: server-rendered, complete without JavaScript; htmx only enhances. */
export function Layout({ title, children, scripts = [], bare = false, actor = null, messages = null }: LayoutProps) {
  const { tag, dir, t } = useLocale();
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={tag} dir={dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{t.layout.titleSuffix(title)}</title>
          <link rel="icon" href={asset("favicon.svg")} type="image/svg+xml" />
          <link rel="stylesheet" href={asset("app.css")} />
          {/* htmx's own indicator styles are inline, which our CSP forbids (app.css has them).
              Every answer is a whole page, so 4xx/5xx pages (422 form errors, 429 waits) are shown too. */}
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <script src={asset("htmx.min.js")} defer></script>
          {scripts.map((s) => (
            <script src={asset(s)} defer></script>
          ))}
        </head>
        {/* hx-disabled-elt (inherited by every boosted form): the form's submit button is disabled
            until the answer, so a second tap on a slow connection cannot send twice. */}
        <body hx-boost="true" hx-disabled-elt="find [type=submit]">
          <a class="skip" href="#main">{t.layout.skipToContent}</a>
          <header class="top">
            <a class="brand" href="/">{t.layout.siteName}</a>
            {!bare && <Nav actor={actor} messages={messages} />}
            <LanguageSwitcher />
          </header>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  );
}
