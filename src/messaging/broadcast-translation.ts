/**
 * A broadcast is one text to many families: right after it is posted (in the background, so
 * sending never waits), it is translated ONCE per family language and the translation kept in
 * each of those families' threads (a teacher's first message to one family goes the same way). Thirty Spanish-speaking families cost one call, and none of
 * them waits for it when they open the message. A failure here keeps nothing: each family's
 * first read then tries again (src/messaging/translate-page.ts).
 */
import type { Bindings } from "../env";
import { translatorFor } from "../translation/choose";
import { needsTranslation, translationLanguage } from "../translation/language";
import { protect } from "../translation/placeholders";
import { TRANSLATE_TIMEOUT_MS, asTranslationError } from "../translation/translator";
import type { Family } from "./start";
import { translatedBody } from "./translate-page";
import type { ThreadMeta } from "./types";

/** Saves in flight at once (as many threads as a broadcast reaches). */
const SAVE_CONCURRENCY = 32;

export interface BroadcastSent {
  teacher: { id: string; name: string; lang: string | null };
  body: string;
  families: readonly Family[];
  /** The threads the message went into, with its seq in each. */
  sent: readonly (ThreadMeta & { seq: number; repeated?: boolean })[];
}

export async function translateBroadcast(env: Bindings, b: BroadcastSent): Promise<void> {
  const translator = translatorFor(env);
  const from = b.teacher.lang;
  if (!translator || !from) return;
  const languageOf = new Map(b.families.map((f) => [`${f.guardianUserId} ${f.studentId}`, translationLanguage(f.guardianLanguage)]));
  const byLanguage = new Map<string, (ThreadMeta & { seq: number })[]>();
  for (const t of b.sent) {
    // The same form sent again: its first sending already asked.
    if (t.repeated) continue;
    const to = languageOf.get(`${t.guardianUserId} ${t.studentId}`) ?? null;
    if (!to || !needsTranslation(from, to)) continue;
    byLanguage.set(to, [...(byLanguage.get(to) ?? []), t]);
  }
  if (byLanguage.size === 0) return;
  // Every name in the section stays as written (a broadcast may greet anyone).
  const names = [b.teacher.name, ...b.families.flatMap((f) => [f.studentFirstName, f.studentLastName, f.guardianName])];
  const sent = protect(b.body, names);
  const signal = AbortSignal.timeout(TRANSLATE_TIMEOUT_MS);
  const saves: { thread: ThreadMeta & { seq: number }; lang: string; text: string }[] = [];
  await Promise.all(
    [...byLanguage].map(async ([to, threads]) => {
      try {
        const text = translatedBody(await translator.translate(sent.text, from, to, signal), sent.kept);
        for (const thread of threads) saves.push({ thread, lang: to, text });
      } catch (err) {
        const why = asTranslationError(err, signal);
        console.warn(`translation: ${translator.name} ${why.kind} for a broadcast to ${threads.length} threads ${from}->${to}: ${why.message}`);
      }
    }),
  );
  let next = 0;
  const worker = async () => {
    while (next < saves.length) {
      const { thread, lang, text } = saves[next++]!;
      try {
        await env.MESSAGE_THREAD.getByName(thread.id).saveTranslations({ kind: "teacher", id: b.teacher.id }, lang, [{ seq: thread.seq, text }]);
      } catch (err) {
        console.error("translation: keeping a broadcast's translation failed", thread.id, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SAVE_CONCURRENCY, saves.length) }, worker));
}
