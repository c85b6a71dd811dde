/**
 * Machine translation of message text, behind one interface so a district chooses the backend
 * (src/translation/choose.ts): Workers AI when deployed with the AI binding, or any
 * LibreTranslate-compatible HTTP API. Only the message's text is ever sent (names and links are
 * placeholders by then: placeholders.ts), never who wrote it or to whom.
 */

/** How long a reader may wait for a translation before they get the original. */
export const TRANSLATE_TIMEOUT_MS = 5_000;

export interface Translator {
  /** For logs: which backend answered or failed. */
  readonly name: string;
  /**
   * `text` from language `source` into `target` (ISO 639 codes, e.g. "en", "es", "ht"). Throws
   * TranslationError when the backend fails, refuses the language, or `signal` aborts.
   */
  translate(text: string, source: string, target: string, signal: AbortSignal): Promise<string>;
}

/** "paused": not asked at all, the backend failed a moment ago (pause.ts). */
export type FailureKind = "unsupported" | "unavailable" | "timeout" | "bad_answer" | "paused";

/** Why a translation did not come back; the reader sees the original either way, and a later read tries again. */
export class TranslationError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = "TranslationError";
  }
}

/** An abort (our timeout) as a TranslationError; anything else as "unavailable". */
export function asTranslationError(err: unknown, signal: AbortSignal): TranslationError {
  if (err instanceof TranslationError) return err;
  if (signal.aborted) return new TranslationError("timeout", "translator timed out");
  return new TranslationError("unavailable", err instanceof Error ? err.message : String(err));
}
