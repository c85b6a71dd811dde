/**
 * Posting a message, whatever it came from (the thread page's form, or a reply by text): the
 * sender's posting limits, the thread's one-time key, the language it is written in, and the
 * translation for the other side in the background. One path, so a text can do nothing a page cannot.
 */
import type { Bindings } from "../env";
import { countPost } from "./post-limit";
import { postMessage, storedForKey } from "./thread-calls";
import type { ThreadHeader } from "./threads";
import { translateForOtherSide } from "./translate-page";
import type { MessageVia, Participant } from "./types";

export type PostOutcome =
  /** `repeated`: this key stored a message before (the same form or text again): nothing new. */
  | { ok: true; repeated: boolean }
  | { ok: false; reason: "too_many"; retryAfter: number }
  | { ok: false; reason: "not_participant" | "invalid_body" };

export interface Post {
  thread: ThreadHeader;
  sender: Participant;
  senderName: string;
  /** Already checked and normalised (checkBody). */
  body: string;
  key: string | null;
  lang: string | null;
  via?: MessageVia;
}

export async function postReply(env: Bindings, waitUntil: (p: Promise<unknown>) => void, p: Post): Promise<PostOutcome> {
  const verdict = await countPost(env, p.sender);
  if (!verdict.allowed) {
    // The same form (or text) sent again after it went through is answered as the first time, limit or not.
    if (p.key && (await storedForKey(env, p.thread.id, p.sender, p.key))) return { ok: true, repeated: true };
    return { ok: false, reason: "too_many", retryAfter: verdict.retryAfter };
  }
  // Stored with the language it is written in; translated for the other side in the background (or when they read it): posting never waits.
  const result = await postMessage(env, p.thread, p.sender, p.senderName, p.body, p.key, p.lang, p.via ?? null);
  if (!result.ok) return result;
  if (!result.repeated) waitUntil(translateForOtherSide(env, p.thread, p.sender, result.seq, p.body, p.lang));
  return { ok: true, repeated: result.repeated === true };
}
