/**
 * Every error answer of the pages, in the reader's language with `content-language` (the JSON
 * API's errors stay English: they are for district developers). Some are given before
 * chooseLanguage has run (the body limit, the CSRF check, a failure while loading the signed-in
 * person): those take the language from the request itself (requestLocale) and are a small page
 * of their own; the others use the one layout.
 */
import type { Context } from "hono";
import { TrieRouter } from "hono/router/trie-router";
import type { RouterRoute } from "hono/types";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env";
import type { Catalog } from "./i18n/catalog";
import { requestLocale } from "./i18n/request-locale";
import { apiError } from "./api/errors";
import { ErrorDocument, ErrorMessage, type ErrorWords } from "../views/pages/error";

/** Page forms are small; a bigger body is refused before anything reads it (src/pages.ts). */
export const PAGE_BODY_LIMIT_BYTES = 64 * 1024;

export type PageError = "notFound" | "methodNotAllowed" | "gone" | "tooMany" | "crossSite" | "tooLarge" | "unreadable" | "serverError";

function wordsFor(t: Catalog, tag: string, kind: PageError): ErrorWords {
  if (kind === "tooLarge") {
    const size = `${new Intl.NumberFormat(tag).format(PAGE_BODY_LIMIT_BYTES / 1024)} KB`;
    return { title: t.errors.tooLarge.title, text: t.errors.tooLarge.text(size) };
  }
  return t.errors[kind];
}

/** A whole small page that needs no middleware, no layout and no D1: safe before the pages' middleware and after a failure. */
export async function plainErrorPage(c: Context<AppEnv>, status: ContentfulStatusCode, kind: PageError): Promise<Response> {
  const locale = await requestLocale(c);
  c.header("content-language", locale.tag);
  c.header("vary", "Accept-Language, Cookie", { append: true });
  c.header("cache-control", "private, no-cache");
  return c.html(<ErrorDocument locale={locale} words={wordsFor(locale.t, locale.tag, kind)} />, status);
}

/** Within the pages (after chooseLanguage and the renderer): the error in the one layout, with the language switcher. */
export function errorPage(c: Context<AppEnv>, status: ContentfulStatusCode, kind: PageError): Response | Promise<Response> {
  const locale = c.get("locale") as AppEnv["Variables"]["locale"] | undefined;
  if (!locale) return plainErrorPage(c, status, kind);
  const words = wordsFor(locale.t, locale.tag, kind);
  c.status(status);
  return c.render(<ErrorMessage words={words} home={locale.t.errors.home} />, { title: words.title });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Which methods an address takes, from the app's own routes (middleware, registered for ALL, left
 * out): a form sent to a page that only shows is a 405 with Allow, not "page not found".
 */
export function allowedMethods(routes: readonly RouterRoute[]): (path: string) => string[] {
  let router: TrieRouter<string> | null = null;
  return (path) => {
    if (!router) {
      router = new TrieRouter<string>();
      // /dev/* answers 404 outside development whatever the method: it never hints that it exists.
      for (const r of routes) if (r.method !== "ALL" && !r.path.startsWith("/dev/")) router.add(r.method, r.path, r.method);
    }
    const found = router;
    const allowed: string[] = METHODS.filter((m) => found.match(m, path)[0].length > 0);
    return allowed.includes("GET") ? [...allowed, "HEAD"] : allowed;
  };
}

/** Any address nothing answers: JSON under /api/ (for district developers), a page elsewhere (405 when another method would have answered). */
export function notFound(c: Context<AppEnv>, allowed: (path: string) => string[] = () => []): Response | Promise<Response> {
  if (isApiPath(c.req.path)) return apiError(c, 404, "not_found", "No such route.");
  const methods = allowed(c.req.path);
  if (methods.length > 0 && !methods.includes(c.req.method)) {
    c.header("allow", methods.join(", "));
    return errorPage(c, 405, "methodNotAllowed");
  }
  return errorPage(c, 404, "notFound");
}

/** The JSON API's addresses: /api and everything under it. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}
