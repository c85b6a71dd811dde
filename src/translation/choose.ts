/** Which translator this deployment has, from its configuration (src/config.ts); null: messages are shown as written. */
import { config, type ConfigSource } from "../config";
import { libreTranslate } from "./libre-translate";
import type { Translator } from "./translator";
import { workersAi, type AiRunner } from "./workers-ai";

const cache = new WeakMap<object, Translator | null>();

export function translatorFor(env: ConfigSource & { AI?: AiRunner | Ai }): Translator | null {
  if (cache.has(env)) return cache.get(env) ?? null;
  const choice = config(env).translation;
  const made = !choice ? null : choice.kind === "libretranslate" ? libreTranslate(choice) : env.AI ? workersAi(env.AI as AiRunner) : null;
  cache.set(env, made);
  return made;
}
