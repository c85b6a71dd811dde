/**
 * Cloudflare Workers AI's m2m100 model through the AI binding (declared only under
 * [env.production] in wrangler.toml): run(model, {text, source_lang, target_lang}) → {translated_text}.
 */
import { TranslationError, asTranslationError, type Translator } from "./translator";

export const M2M100 = "@cf/meta/m2m100-1.2b";

/** What we use of the AI binding (the real one types many models; a test stub implements just this). */
export interface AiRunner {
  run(model: typeof M2M100, input: { text: string; source_lang: string; target_lang: string }): Promise<{ translated_text?: string }>;
}

/** The languages m2m100 was trained on: anything else (Hmong, say) fails at once instead of costing a call. */
const M2M100_LANGUAGES = new Set(
  (
    "af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he hi hr ht hu hy id ig ilo is it ja jv " +
    "ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no ns oc or pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl tn tr uk ur uz vi wo xh yi yo zh zu"
  ).split(" "),
);

export function workersAi(ai: AiRunner): Translator {
  return {
    name: "workers-ai",
    async translate(text, source, target, signal) {
      if (!M2M100_LANGUAGES.has(source) || !M2M100_LANGUAGES.has(target)) throw new TranslationError("unsupported", `m2m100: no ${source}->${target}`);
      let answer: { translated_text?: string };
      try {
        // The binding takes no signal: the race ends the wait (the call itself finishes unseen).
        answer = await Promise.race([
          ai.run(M2M100, { text, source_lang: source, target_lang: target }),
          new Promise<never>((_, reject) => {
            if (signal.aborted) reject(signal.reason);
            signal.addEventListener("abort", () => reject(signal.reason), { once: true });
          }),
        ]);
      } catch (err) {
        throw asTranslationError(err, signal);
      }
      const translated = answer?.translated_text;
      if (typeof translated !== "string" || translated.trim() === "") throw new TranslationError("bad_answer", "m2m100: no translated_text");
      return translated;
    },
  };
}
