/**
 * A translator that just failed is not asked again at once. Without this, while LibreTranslate is
 * down or hanging every parent who opens a thread waits out the whole 5 s deadline, on every read.
 * After a backend failure (down, an error, our deadline passing) the backend is paused: readers get
 * the original with the note at once, with no call. The pause starts at PAUSE_MS, doubles with each
 * failure in a row up to MAX_PAUSE_MS, and ends at the first success. A language pair the backend
 * refuses (it does not have Hmong) is paused for UNSUPPORTED_PAUSE_MS, for that pair only. A bad
 * answer (empty, far too long) is about one text, not the backend: nothing is paused.
 * State lives in this isolate's memory, by backend (`key`: its kind and address), not by translator
 * object: a request may see a fresh `env` and so a fresh translator. Each isolate learns for itself.
 */
import { TranslationError, type Translator } from "./translator";

export const PAUSE_MS = 30_000;
export const MAX_PAUSE_MS = 5 * 60_000;
export const UNSUPPORTED_PAUSE_MS = 60 * 60_000;

interface Pause {
  until: number;
  /** Length of the last pause: the next failure in a row doubles it. */
  ms: number;
}

interface Pauses {
  backend: Pause | null;
  /** "en>hmn" → until when that pair is not asked. */
  pairs: Map<string, number>;
}

const byBackend = new Map<string, Pauses>();

export function pausedAfterFailures(inner: Translator, key: string, now: () => number = Date.now): Translator {
  let state = byBackend.get(key);
  if (!state) byBackend.set(key, (state = { backend: null, pairs: new Map() }));
  const pauses = state;
  return {
    name: inner.name,
    async translate(text, source, target, signal) {
      const pair = `${source}>${target}`;
      const at = now();
      const { backend, pairs } = pauses;
      if (backend && at < backend.until) throw new TranslationError("paused", `${inner.name} paused for ${Math.ceil((backend.until - at) / 1000)} s after failing`);
      if ((pairs.get(pair) ?? 0) > at) throw new TranslationError("unsupported", `${inner.name} refused ${pair} lately`);
      try {
        const answer = await inner.translate(text, source, target, signal);
        pauses.backend = null;
        return answer;
      } catch (err) {
        const kind = err instanceof TranslationError ? err.kind : "unavailable";
        if (kind === "unsupported") pairs.set(pair, now() + UNSUPPORTED_PAUSE_MS);
        else if (kind === "unavailable" || kind === "timeout") {
          const last = pauses.backend;
          const failedAt = now();
          // Calls that were already in flight when another one paused the backend do not lengthen the pause.
          if (!last || failedAt >= last.until) {
            const ms = last ? Math.min(last.ms * 2, MAX_PAUSE_MS) : PAUSE_MS;
            pauses.backend = { until: failedAt + ms, ms };
          }
        }
        throw err;
      }
    },
  };
}
