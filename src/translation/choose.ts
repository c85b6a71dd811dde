/** Which translator this deployment has, from its configuration (src/config.ts); null: messages are shown as written. */
import { config, type ConfigSource } from "../config";
import { libreTranslate } from "./libre-translate";
import { pausedAfterFailures } from "./pause";
import type { Translator } from "./translator";
import { workersAi, type AiRunner } from "./workers-ai";

const cache = new WeakMap<object, Translator | null>();

export function translatorFor(env: ConfigSource & { AI?: AiRunner | Ai }): Translator | null {
  if (cache.has(env)) return cache.get(env) ?? null;
  const choice = config(env).translation;
  const made = !choice
    ? null
    : choice.kind === "libretranslate"
      ? pausedAfterFailures(libreTranslate(choice), `libretranslate ${choice.url}`)
      : env.AI
        ? pausedAfterFailures(workersAi(env.AI as AiRunner), "workers-ai")
        : null;
  cache.set(env, made);
  return made;
}
