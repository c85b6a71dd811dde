/** The shapes that cross between the worker and a thread's Durable Object (structured-cloned over RPC). */

export type SenderKind = "teacher" | "guardian";

/** How a message arrived when not through a page: "sms", a reply by text (pages show a small mark). */
export type MessageVia = "sms";

/** Who a thread is between. Fixed when the first message is posted. */
export interface ThreadMeta {
  id: string;
  districtId: string;
  teacherId: string;
  /** users.id of the guardian. */
  guardianUserId: string;
  studentId: string;
}

/** Someone reading or writing in a thread: a teacher (teachers.id) or a guardian (users.id). */
export interface Participant {
  kind: SenderKind;
  id: string;
}

export interface ThreadMessage {
  seq: number;
  senderKind: SenderKind;
  senderId: string;
  /** The sender's name as it was when they wrote (what the other side saw at the time). */
  senderName: string;
  body: string;
  createdAt: number;
  /** The language it was written in (the sender's at the time, e.g. "es"); null: written before messages had one. */
  lang: string | null;
  /** "sms": it came as a reply by text; null: written on a page. */
  via: MessageVia | null;
  /** Its stored translation into the language the page asked for (ListOptions.translateTo), if there is one. */
  translation?: string;
}

export interface ThreadPage {
  messages: ThreadMessage[];
  /** The newest seq in the thread (0 when empty). */
  lastSeq: number;
  /** Older messages exist before the first one returned. */
  hasEarlier: boolean;
}

export interface ListOptions {
  /** Only messages after this seq (polling). */
  since?: number;
  /** Only messages before this seq (earlier pages). */
  before?: number;
  limit: number;
  /** Mark what is returned (and everything before it) as read for the viewer: they are looking at it. Ignored with `before`. */
  markRead: boolean;
  /** Attach each message's stored translation into this language (src/messaging/translate-page.ts). */
  translateTo?: string;
}

/** `repeated`: the same form was sent before; nothing new was stored (seq is the first one's). */
export type PostResult = { ok: true; seq: number; createdAt: number; repeated?: true } | { ok: false; reason: "not_participant" | "invalid_body" };

/** What the D1 threads row should say, from the object's state. */
export interface IndexSnapshot {
  lastMessageAt: number;
  lastSenderKind: SenderKind | null;
  /** One line of the newest message (src/messaging/preview.ts), or null when there is none. */
  lastPreview: string | null;
  teacherUnread: number;
  guardianUnread: number;
  version: number;
}

export const otherSide = (kind: SenderKind): SenderKind => (kind === "teacher" ? "guardian" : "teacher");
