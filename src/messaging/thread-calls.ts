/** The worker's calls to a thread's object, once a route has checked who may act. */
import type { Bindings } from "../env";
import type { ThreadHeader } from "./threads";
import type { MessageVia, Participant, PostResult, ThreadMeta, ThreadPage } from "./types";

/** Messages on a thread page. */
export const PAGE_SIZE = 50;
/** New messages per poll answer; the next poll picks up the rest. */
const POLL_LIMIT = 100;

const stub = (env: Pick<Bindings, "MESSAGE_THREAD">, threadId: string) => env.MESSAGE_THREAD.getByName(threadId);

export const metaOf = (h: ThreadHeader): ThreadMeta => ({
  id: h.id,
  districtId: h.districtId,
  teacherId: h.teacherId,
  guardianUserId: h.guardianUserId,
  studentId: h.studentId,
});

const EMPTY: ThreadPage = { messages: [], lastSeq: 0, hasEarlier: false };

/**
 * The newest page, marked as read for the viewer (they are looking at it), or an older page
 * (`before`), which changes nothing. A thread whose first message never arrived is empty.
 */
export async function openThread(env: Pick<Bindings, "MESSAGE_THREAD">, threadId: string, viewer: Participant, before: number | null, translateTo?: string): Promise<ThreadPage> {
  const page = await stub(env, threadId).list(viewer, before !== null ? { before, limit: PAGE_SIZE, markRead: false, translateTo } : { limit: PAGE_SIZE, markRead: true, translateTo });
  return page ?? EMPTY;
}

/**
 * Messages after `since` (marked read: the open page shows them), and the seq the next poll
 * starts from; null when the viewer is not in the thread.
 */
export async function pollThread(env: Pick<Bindings, "MESSAGE_THREAD">, threadId: string, viewer: Participant, since: number, translateTo?: string): Promise<(ThreadPage & { nextSince: number }) | null> {
  const page = await stub(env, threadId).list(viewer, { since, limit: POLL_LIMIT, markRead: true, translateTo });
  return page ? { ...page, nextSince: page.messages.at(-1)?.seq ?? since } : null;
}

/** Stores a message written in `lang`; `formKey` makes the same form sent twice store once. */
export function postMessage(
  env: Pick<Bindings, "MESSAGE_THREAD">,
  header: ThreadHeader,
  sender: Participant,
  senderName: string,
  body: string,
  formKey: string | null,
  lang: string | null,
  via: MessageVia | null = null,
): Promise<PostResult> {
  return stub(env, header.id).post(metaOf(header), sender, senderName, body, formKey, lang, via);
}

/** Keeps a reader's new translations with the thread (src/messaging/translate-page.ts). */
export function saveTranslations(env: Pick<Bindings, "MESSAGE_THREAD">, threadId: string, viewer: Participant, lang: string, items: { seq: number; text: string }[]): Promise<boolean> {
  return stub(env, threadId).saveTranslations(viewer, lang, items);
}

/** True when this sender's form key already stored a message in the thread. */
export function storedForKey(env: Pick<Bindings, "MESSAGE_THREAD">, threadId: string, sender: Participant, formKey: string): Promise<boolean> {
  return stub(env, threadId).storedForKey(sender, formKey);
}
