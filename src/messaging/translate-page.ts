/**
 * A page of messages as one reader sees them: each message the other side wrote in another
 * language comes with its translation into the reader's. Stored translations come with the page
 * from the thread's object; the rest are asked of the translator in parallel, under ONE deadline
 * (the reader never waits longer than TRANSLATE_TIMEOUT_MS), and kept in the object, so the next
 * read costs nothing. A failure shows the original with a note and is not kept: a later read
 * tries again. Only the message text goes to the translator, never who wrote it.
 */
import type { Bindings } from "../env";
import { needsTranslation, translationLanguage } from "../translation/language";
import { protect, restore } from "../translation/placeholders";
import { translatorFor } from "../translation/choose";
import { TRANSLATE_TIMEOUT_MS, TranslationError, asTranslationError, type Translator } from "../translation/translator";
import { FORGOTTEN_BODY, MAX_MESSAGE_CHARS, charCount, normalizeBody } from "./body";
import { saveTranslations } from "./thread-calls";
import type { ThreadHeader } from "./threads";
import type { Participant, ThreadMessage } from "./types";

/** What a reader in another language is shown for a message. */
export type Reading = { lang: string; text: string } | { lang: string; failed: true };

export interface ReadMessage extends ThreadMessage {
  /** Absent: shown as written (the reader's own, same language, or translation off). */
  reading?: Reading;
}

/** Who is reading, in which language, and whether they want translations. */
export interface Reader {
  participant: Participant;
  /** The reader's language as translators name it ("es"); null: unknown, nothing is translated. */
  lang: string | null;
  /** False: this reader turned translation off (a teacher who reads the family's language). */
  wanted: boolean;
}

export interface ReadPage {
  messages: ReadMessage[];
  /** No translator is configured and a message here is in another language: the page says once that messages are shown as written. */
  asWritten: boolean;
}

/** Translator calls in flight at once for one page (a long backlog read for the first time). */
const CONCURRENCY = 6;

/** A translation is longer than its original, but not this much: a longer answer is not a translation of it. */
const MAX_TRANSLATION_CHARS = 4 * MAX_MESSAGE_CHARS;

/**
 * What a translator answered, as a message body is stored (no control or bidirectional characters,
 * one line-ending style) and with the originals of the placeholders put back; an answer that is
 * empty or far too long is refused (TranslationError).
 */
export function translatedBody(answer: string, kept: ReadonlyMap<string, string>): string {
  const text = normalizeBody(restore(answer, kept));
  if (text === "" || charCount(text) > MAX_TRANSLATION_CHARS) throw new TranslationError("bad_answer", `translation of ${charCount(text)} characters`);
  return text;
}

/** One text through the translator, its links, numbers and `names` kept as written. */
export async function translateOne(translator: Translator, body: string, from: string, to: string, names: readonly string[], signal: AbortSignal): Promise<string> {
  const sent = protect(body, names);
  return translatedBody(await translator.translate(sent.text, from, to, signal), sent.kept);
}

/** The people of a thread, whose names a translator must leave as written. */
export const namesIn = (thread: ThreadHeader): string[] => [thread.student.firstName, thread.student.lastName, thread.teacherName, thread.guardianName];

/**
 * Right after a reply is stored (in the background: posting never waits), its translation into
 * the other side's saved language, kept in the thread, so they need not wait when they open it.
 * Nothing is kept on failure: their first read tries again.
 */
export async function translateForOtherSide(env: Bindings, thread: ThreadHeader, sender: Participant, seq: number, body: string, from: string | null): Promise<void> {
  const translator = translatorFor(env);
  const to = sender.kind === "guardian" ? (thread.teacherTranslates ? translationLanguage(thread.teacherLanguage) : null) : translationLanguage(thread.guardianLanguage);
  if (!translator || !to || !needsTranslation(from, to)) return;
  const signal = AbortSignal.timeout(TRANSLATE_TIMEOUT_MS);
  try {
    const text = await translateOne(translator, body, from!, to, namesIn(thread), signal);
    await saveTranslations(env, thread.id, sender, to, [{ seq, text }]);
  } catch (err) {
    const why = asTranslationError(err, signal);
    console.warn(`translation: ${translator.name} ${why.kind} after posting to ${thread.id}#${seq} ${from}->${to}: ${why.message}`);
  }
}

/** The language a page should ask the thread's object for stored translations in (undefined: none wanted). */
export function translationTarget(env: Bindings, reader: Reader): string | undefined {
  return reader.wanted && reader.lang && translatorFor(env) ? reader.lang : undefined;
}

const wantsTranslation = (m: ThreadMessage, reader: Reader): boolean =>
  m.senderKind !== reader.participant.kind && m.body !== FORGOTTEN_BODY && needsTranslation(m.lang, reader.lang);

/**
 * `names`: the people of the thread (the child, the teacher, the guardian), kept as written.
 * `messages` come from the object listed with translateTo = translationTarget(env, reader).
 */
export async function readPage(env: Bindings, threadId: string, reader: Reader, messages: ThreadMessage[], names: string[]): Promise<ReadPage> {
  const translator = translatorFor(env);
  const to = reader.lang;
  if (!translator || !reader.wanted || !to) {
    return { messages, asWritten: !translator && reader.wanted && messages.some((m) => wantsTranslation(m, reader)) };
  }
  const out: ReadMessage[] = messages.map((m) => {
    if (!wantsTranslation(m, reader)) return m;
    return m.translation !== undefined ? { ...m, reading: { lang: to, text: m.translation } } : { ...m };
  });
  const todo = out.filter((m) => wantsTranslation(m, reader) && m.reading === undefined);
  if (todo.length === 0) return { messages: out, asWritten: false };

  const signal = AbortSignal.timeout(TRANSLATE_TIMEOUT_MS);
  const made: { seq: number; text: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const m = todo[next++]!;
      const source = m.lang!;
      try {
        const text = await translateOne(translator, m.body, source, to, names, signal);
        m.reading = { lang: to, text };
        made.push({ seq: m.seq, text });
      } catch (err) {
        const why = asTranslationError(err, signal);
        // Which message and languages, never its words.
        console.warn(`translation: ${translator.name} ${why.kind} for ${threadId}#${m.seq} ${source}->${to}: ${why.message}`);
        m.reading = { lang: to, failed: true };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
  if (made.length > 0) {
    try {
      await saveTranslations(env, threadId, reader.participant, to, made);
    } catch (err) {
      // The reader has them now; the next read asks again.
      console.error("translation: keeping translations failed", threadId, err);
    }
  }
  return { messages: out, asWritten: false };
}
