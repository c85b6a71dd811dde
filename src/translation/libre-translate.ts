/**
 * Any LibreTranslate-compatible API (https://libretranslate.com, self-hostable):
 * POST {url} {"q", "source", "target", "format": "text", "api_key"?} → {"translatedText"}.
 */
import { TranslationError, asTranslationError, type Translator } from "./translator";

export interface LibreTranslateOptions {
  url: string;
  /** Sent as `api_key` only when set (a self-hosted server usually needs none). */
  key?: string;
}

export function libreTranslate(opts: LibreTranslateOptions): Translator {
  return {
    name: "libretranslate",
    async translate(text, source, target, signal) {
      const body: Record<string, string> = { q: text, source, target, format: "text" };
      if (opts.key) body.api_key = opts.key;
      let res: Response;
      try {
        res = await fetch(opts.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body), signal });
      } catch (err) {
        throw asTranslationError(err, signal);
      }
      // LibreTranslate answers 400 for a language it does not have ("xx is not supported").
      if (res.status === 400) throw new TranslationError("unsupported", `libretranslate: ${res.status} for ${source}->${target}`);
      if (!res.ok) throw new TranslationError("unavailable", `libretranslate: ${res.status}`);
      let answer: unknown;
      try {
        answer = await res.json();
      } catch (err) {
        if (signal.aborted) throw asTranslationError(err, signal);
        throw new TranslationError("bad_answer", "libretranslate: answer is not JSON");
      }
      const translated = (answer as { translatedText?: unknown } | null)?.translatedText;
      if (typeof translated !== "string" || translated.trim() === "") throw new TranslationError("bad_answer", "libretranslate: no translatedText");
      return translated;
    },
  };
}
