/**
 * A thread's own storage inside its Durable Object (SQLite): who the thread is between, its
 * messages, and each participant's read position and last unread email. Synchronous calls on
 * the object's SqlStorage; the object decides when to call them.
 */
import { FORGOTTEN_BODY } from "./body";
import type { IndexSnapshot, MessageVia, Participant, SenderKind, ThreadMessage, ThreadMeta } from "./types";
import { messagePreview } from "./preview";

interface MetaRow extends Record<string, SqlStorageValue> {
  id: string;
  district_id: string;
  teacher_id: string;
  guardian_user_id: string;
  student_id: string;
  created_at: number;
  version: number;
  synced_version: number;
  index_attempt_at: number | null;
}

interface MessageRow extends Record<string, SqlStorageValue> {
  seq: number;
  sender_kind: string;
  sender_id: string;
  sender_name: string;
  body: string;
  created_at: number;
  lang: string | null;
  via: string | null;
}

export interface ParticipantState {
  kind: SenderKind;
  id: string;
  /** Everything up to this seq has been seen by this participant. */
  readSeq: number;
  /** The first unread seq of the last unread run this participant was emailed about (0: none). */
  notifiedSeq: number;
}

export interface StoredMeta extends ThreadMeta {
  createdAt: number;
  /** Bumped by every change the D1 index shows; `syncedVersion` is the last one written there. */
  version: number;
  syncedVersion: number;
  /** When the object last tried to write the D1 index (0: never): the next write waits a window after it. */
  indexAttemptAt: number;
}

/** How long, and how many, form keys a thread remembers. */
const FORM_KEY_MS = 24 * 3600 * 1000;
const FORM_KEYS_KEPT = 500;
/** Old keys are cleared every this many messages, not at every post (it is a scan): at most FORM_KEYS_KEPT + this many are kept. */
const FORM_KEYS_PRUNE_EVERY = 50;

const asKind = (s: string): SenderKind => (s === "teacher" ? "teacher" : "guardian");

const toMessage = (r: MessageRow): ThreadMessage => ({
  seq: r.seq,
  senderKind: asKind(r.sender_kind),
  senderId: r.sender_id,
  senderName: r.sender_name,
  body: r.body,
  createdAt: r.created_at,
  lang: r.lang,
  via: r.via === "sms" ? "sms" : null,
});

export class ThreadStore {
  constructor(private readonly sql: SqlStorage) {}

  migrate(): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS thread (
      id TEXT PRIMARY KEY, district_id TEXT NOT NULL, teacher_id TEXT NOT NULL, guardian_user_id TEXT NOT NULL,
      student_id TEXT NOT NULL, created_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 0, synced_version INTEGER NOT NULL DEFAULT 0)`);
    // seq is the rowid: messages are never deleted, so it only grows.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY, sender_kind TEXT NOT NULL, sender_id TEXT NOT NULL, sender_name TEXT NOT NULL,
      body TEXT NOT NULL, created_at INTEGER NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS participants (
      kind TEXT PRIMARY KEY, id TEXT NOT NULL, read_seq INTEGER NOT NULL DEFAULT 0, notified_seq INTEGER NOT NULL DEFAULT 0)`);
    // The one-time keys of the forms a message was stored for: the same form sent again stores nothing.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS form_keys (
      sender_kind TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, created_at INTEGER NOT NULL,
      PRIMARY KEY (sender_kind, key))`);
    // The language each message was written in (null: written before messages had one; never translated).
    const columns = this.sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('messages')").toArray();
    if (!columns.some((c) => c.name === "lang")) this.sql.exec("ALTER TABLE messages ADD COLUMN lang TEXT");
    // How a message arrived when not through a page ("sms": a reply by text); null: a page.
    if (!columns.some((c) => c.name === "via")) this.sql.exec("ALTER TABLE messages ADD COLUMN via TEXT");
    // When the index was last written (or tried): D1 sees at most one write per thread per window, even across restarts.
    const threadColumns = this.sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('thread')").toArray();
    if (!threadColumns.some((c) => c.name === "index_attempt_at")) this.sql.exec("ALTER TABLE thread ADD COLUMN index_attempt_at INTEGER NOT NULL DEFAULT 0");
    // Each message translated once per reader language: a second view, or the other side in the same language, costs nothing.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS translations (
      seq INTEGER NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL,
      PRIMARY KEY (seq, lang))`);
  }

  /** The stored translations into `lang` of these messages, by seq. */
  translations(lang: string, seqs: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    if (seqs.length === 0) return out;
    const min = Math.min(...seqs);
    const max = Math.max(...seqs);
    const wanted = new Set(seqs);
    for (const r of this.sql.exec<{ seq: number; text: string }>("SELECT seq, text FROM translations WHERE lang = ? AND seq BETWEEN ? AND ?", lang, min, max)) {
      if (wanted.has(r.seq)) out.set(r.seq, r.text);
    }
    return out;
  }

  /** Keeps translations of existing messages (a message forgotten meanwhile keeps none). */
  saveTranslations(lang: string, items: readonly { seq: number; text: string }[], at: number): void {
    for (const { seq, text } of items) {
      this.sql.exec(
        "INSERT OR REPLACE INTO translations (seq, lang, text, created_at) SELECT seq, ?, ?, ? FROM messages WHERE seq = ? AND body <> ?",
        lang, text, at, seq, FORGOTTEN_BODY,
      );
    }
  }

  /** Forgets the translations of one side's messages (a guardian who deleted their account). */
  forgetTranslations(kind: SenderKind): void {
    this.sql.exec("DELETE FROM translations WHERE seq IN (SELECT seq FROM messages WHERE sender_kind = ?)", kind);
  }

  /** The message stored for this sender's form key within the last day, if one was. */
  storedForKey(kind: SenderKind, key: string, now: number): { seq: number; createdAt: number } | null {
    const [r] = this.sql
      .exec<{ seq: number; created_at: number }>("SELECT seq, created_at FROM form_keys WHERE sender_kind = ? AND key = ? AND created_at >= ?", kind, key, now - FORM_KEY_MS)
      .toArray();
    return r ? { seq: r.seq, createdAt: r.created_at } : null;
  }

  /**
   * Remembers a form key for a day, for the keys of the newest FORM_KEYS_KEPT messages (a repeat
   * comes within seconds or minutes). A key older than a day is replaced (storedForKey no longer sees it).
   */
  rememberKey(kind: SenderKind, key: string, seq: number, at: number): void {
    this.sql.exec("INSERT OR REPLACE INTO form_keys (sender_kind, key, seq, created_at) VALUES (?, ?, ?, ?)", kind, key, seq, at);
    if (seq % FORM_KEYS_PRUNE_EVERY !== 0) return;
    this.sql.exec("DELETE FROM form_keys WHERE created_at < ? OR seq <= ?", at - FORM_KEY_MS, seq - FORM_KEYS_KEPT);
  }

  /** Forgets one side's keys (a guardian who deleted their account). */
  forgetKeys(kind: SenderKind): void {
    this.sql.exec("DELETE FROM form_keys WHERE sender_kind = ?", kind);
  }

  meta(): StoredMeta | null {
    const [r] = this.sql.exec<MetaRow>("SELECT * FROM thread LIMIT 1").toArray();
    if (!r) return null;
    return {
      id: r.id,
      districtId: r.district_id,
      teacherId: r.teacher_id,
      guardianUserId: r.guardian_user_id,
      studentId: r.student_id,
      createdAt: r.created_at,
      version: r.version,
      syncedVersion: r.synced_version,
      indexAttemptAt: r.index_attempt_at ?? 0,
    };
  }

  /** The first post fixes who the thread is between. */
  init(m: ThreadMeta, at: number): StoredMeta {
    this.sql.exec(
      "INSERT INTO thread (id, district_id, teacher_id, guardian_user_id, student_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      m.id, m.districtId, m.teacherId, m.guardianUserId, m.studentId, at,
    );
    this.sql.exec("INSERT INTO participants (kind, id) VALUES ('teacher', ?), ('guardian', ?)", m.teacherId, m.guardianUserId);
    return { ...m, createdAt: at, version: 0, syncedVersion: 0, indexAttemptAt: 0 };
  }

  participants(): ParticipantState[] {
    return this.sql
      .exec<{ kind: string; id: string; read_seq: number; notified_seq: number }>("SELECT kind, id, read_seq, notified_seq FROM participants ORDER BY kind")
      .toArray()
      .map((r) => ({ kind: asKind(r.kind), id: r.id, readSeq: r.read_seq, notifiedSeq: r.notified_seq }));
  }

  lastSeq(): number {
    return this.sql.exec<{ seq: number | null }>("SELECT max(seq) AS seq FROM messages").one().seq ?? 0;
  }

  /** Stores a message; writing means the sender has seen everything before it. */
  append(sender: Participant, senderName: string, body: string, at: number, lang: string | null = null, via: MessageVia | null = null): ThreadMessage {
    const seq = this.lastSeq() + 1;
    this.sql.exec(
      "INSERT INTO messages (seq, sender_kind, sender_id, sender_name, body, created_at, lang, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      seq, sender.kind, sender.id, senderName, body, at, lang, via,
    );
    this.sql.exec("UPDATE participants SET read_seq = ? WHERE kind = ?", seq, sender.kind);
    this.bumpVersion();
    return { seq, senderKind: sender.kind, senderId: sender.id, senderName, body, createdAt: at, lang, via };
  }

  /** Messages in seq order: after `since`, before `before`, or the newest `limit`. */
  page(opts: { since?: number; before?: number; limit: number }): { messages: ThreadMessage[]; hasEarlier: boolean } {
    if (opts.since !== undefined) {
      const rows = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?", opts.since, opts.limit).toArray();
      return { messages: rows.map(toMessage), hasEarlier: false };
    }
    const before = opts.before ?? Number.MAX_SAFE_INTEGER;
    const rows = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq < ? ORDER BY seq DESC LIMIT ?", before, opts.limit + 1).toArray();
    const hasEarlier = rows.length > opts.limit;
    return { messages: rows.slice(0, opts.limit).reverse().map(toMessage), hasEarlier };
  }

  /** Everything up to `upTo` (default: the newest) is read by `kind`; false when nothing changed. */
  markRead(kind: SenderKind, upTo = this.lastSeq()): boolean {
    const changed = this.sql.exec("UPDATE participants SET read_seq = ? WHERE kind = ? AND read_seq < ?", upTo, kind, upTo).rowsWritten > 0;
    if (changed) this.bumpVersion();
    return changed;
  }

  /** The oldest message `kind` has not read yet (written by the other side), or null. */
  firstUnread(p: ParticipantState): { seq: number; createdAt: number } | null {
    const [r] = this.sql
      .exec<{ seq: number; created_at: number }>("SELECT seq, created_at FROM messages WHERE seq > ? AND sender_kind <> ? ORDER BY seq LIMIT 1", p.readSeq, p.kind)
      .toArray();
    return r ? { seq: r.seq, createdAt: r.created_at } : null;
  }

  /** One message's text (null when there is no such message). */
  bodyOf(seq: number): string | null {
    const [r] = this.sql.exec<{ body: string }>("SELECT body FROM messages WHERE seq = ?", seq).toArray();
    return r ? r.body : null;
  }

  setNotified(kind: SenderKind, seq: number): void {
    this.sql.exec("UPDATE participants SET notified_seq = max(notified_seq, ?) WHERE kind = ?", seq, kind);
  }

  indexSnapshot(): IndexSnapshot {
    const meta = this.meta();
    const [last] = this.sql.exec<{ sender_kind: string; created_at: number; body: string }>("SELECT sender_kind, created_at, body FROM messages ORDER BY seq DESC LIMIT 1").toArray();
    const unread = this.sql
      .exec<{ kind: string; n: number }>(
        "SELECT p.kind AS kind, (SELECT count(*) FROM messages m WHERE m.seq > p.read_seq AND m.sender_kind <> p.kind) AS n FROM participants p",
      )
      .toArray();
    const count = (k: SenderKind) => unread.find((u) => u.kind === k)?.n ?? 0;
    return {
      lastMessageAt: last?.created_at ?? meta?.createdAt ?? 0,
      lastSenderKind: last ? asKind(last.sender_kind) : null,
      lastPreview: last ? messagePreview(last.body) : null,
      teacherUnread: count("teacher"),
      guardianUnread: count("guardian"),
      version: meta?.version ?? 0,
    };
  }

  /** A D1 index write starts now (stored first, so a crash mid-write still spaces the next one). */
  setIndexAttempt(at: number): void {
    this.sql.exec("UPDATE thread SET index_attempt_at = ?", at);
  }

  setSynced(version: number): void {
    this.sql.exec("UPDATE thread SET synced_version = max(synced_version, ?)", version);
  }

  private bumpVersion(): void {
    this.sql.exec("UPDATE thread SET version = version + 1");
  }
}
