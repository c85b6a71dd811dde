// For the language tests of pages: a browser that asks for a language, and the check that a page
// is wholly in Spanish.
import { expect } from "vitest";
import { englishLeftIn } from "./i18n-helpers";
import { Browser, pageText } from "./world";

/** A browser whose Accept-Language asks for `language` on every request (redirects included). */
export class BrowserIn extends Browser {
  constructor(
    readonly language: string,
    userAgent?: string,
  ) {
    super(userAgent);
  }

  override request(path: string, init: RequestInit & { follow?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("accept-language", this.language);
    return super.request(path, { ...init, headers });
  }
}

/** Words no Spanish sentence has: an English literal that never reached the catalog (names are capitalised, so not caught). */
const ENGLISH_WORDS = /\b(the|your|you|and|with|this|that|please|sign|email|password|link|child|school|device)\b/g;

/** The page, checked: its status, `<html lang="es">`, no English phrase of the catalog and no English word; returns its text. */
export async function spanishPage(res: Response, status = 200): Promise<string> {
  expect(res.status).toBe(status);
  const html = await res.clone().text();
  expect(html).toMatch(/<html lang="es" dir="ltr">/);
  const text = await pageText(res);
  expect(englishLeftIn(text), text.slice(0, 400)).toEqual([]);
  expect(text.match(ENGLISH_WORDS) ?? [], text.slice(0, 600)).toEqual([]);
  return text;
}

/** The `<html lang>` of a page. */
export const htmlLang = async (res: Response): Promise<string | undefined> => (await res.clone().text()).match(/<html lang="([^"]+)"/)?.[1];
