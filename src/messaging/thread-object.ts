import { DurableObject } from "cloudflare:workers";
import { dbOf } from "../db/route";
import { config } from "../config";
import type { Bindings } from "../env";
import { SECOND } from "../lib/time";
import { kickOutbox } from "../outbox/enqueue";
import { FORMER_GUARDIAN_NAME } from "../stewardship/parent-account";
import { FORGOTTEN_BODY, isStorableBody } from "./body";
import { writeIndex } from "./index-sync";
import { ThreadStore, type StoredMeta } from "./thread-store";
import type { ListOptions, MessageVia, Participant, PostResult, ThreadMeta, ThreadPage } from "./types";
import { insertNotices, loadNoticeContext, unreadNoticeRows, type DueNotice, type NoticeRows } from "./unread-notice";

/** After a failed D1 write (index or email), try again this much later; the state to write is still here. */
const RETRY_MS = 30 * SECOND;
/**
 * The D1 index (threads row) is written by the alarm, at most once per this window: a quiet
 * thread's row follows at once (the alarm is due now), a busy one's is one write of the newest
 * state per window, however many posts and reads came in meanwhile.
 */
export const INDEX_WINDOW_MS = 2 * SECOND;

const sameThread = (a: ThreadMeta, b: ThreadMeta) =>
  a.id === b.id && a.districtId === b.districtId && a.teacherId === b.teacherId && a.guardianUserId === b.guardianUserId && a.studentId === b.studentId;

const isParticipant = (m: ThreadMeta, p: Participant) => (p.kind === "teacher" ? m.teacherId === p.id : m.guardianUserId === p.id);

/**
 * One message thread (one teacher, one guardian, one student): its messages, each side's read
 * position, and the alarm that writes the D1 index and sends the unread-message email. The worker
 * checks who may act before calling; the object checks again that the caller is one of its two
 * participants. Posting and reading never wait on D1: they change the object's own storage and
 * set the alarm; the alarm writes the newest state to the index (INDEX_WINDOW_MS apart).
 *
 * The alarm is derived from stored state only (the earliest unread run not yet emailed, or an
 * index write still owed), so it can run twice, late or after a restart and still send one email
 * per unread run: the outbox row's key is the run's key, inserted with ON CONFLICT DO NOTHING.
 */
export class MessageThread extends DurableObject<Bindings> {
  private readonly store: ThreadStore;
  /** The index write in flight: an alarm forced while another runs shares it rather than writing twice. */
  private syncing: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    this.store = new ThreadStore(ctx.storage.sql);
    void ctx.blockConcurrencyWhile(async () => this.store.migrate());
  }

  /**
   * Stores a message. The first post (always the teacher's) fixes who the thread is between. With
   * a form key already stored for this sender, nothing is stored and the first answer is repeated.
   * `lang`: the language the sender writes in (their saved one), so the other side can get it translated.
   */
  async post(meta: ThreadMeta, sender: Participant, senderName: string, body: string, formKey: string | null = null, lang: string | null = null, via: MessageVia | null = null): Promise<PostResult> {
    if (!isStorableBody(body)) return { ok: false, reason: "invalid_body" };
    const stored = this.store.meta();
    // Teachers write first: a guardian can never bring a thread into being.
    if (!stored && sender.kind !== "teacher") return { ok: false, reason: "not_participant" };
    if ((stored && !sameThread(stored, meta)) || !isParticipant(meta, sender)) return { ok: false, reason: "not_participant" };
    // One synchronous transaction: two posts of the same form cannot both miss the key.
    const result = this.ctx.storage.transactionSync(() => {
      const earlier = formKey ? this.store.storedForKey(sender.kind, formKey, Date.now()) : null;
      if (earlier) return { ...earlier, repeated: true };
      if (!stored) this.store.init(meta, Date.now());
      const message = this.store.append(sender, senderName.slice(0, 200), body, Date.now(), lang, via);
      if (formKey) this.store.rememberKey(sender.kind, formKey, message.seq, message.createdAt);
      return { seq: message.seq, createdAt: message.createdAt, repeated: false };
    });
    if (result.repeated) return { ok: true, seq: result.seq, createdAt: result.createdAt, repeated: true };
    if (!stored) await this.firstIndexWrite();
    else await this.afterChange();
    return { ok: true, seq: result.seq, createdAt: result.createdAt };
  }

  /** True when this participant's form key already stored a message here (a repeat over the posting limit is still answered as the first). */
  async storedForKey(sender: Participant, formKey: string): Promise<boolean> {
    const meta = this.store.meta();
    if (!meta || !isParticipant(meta, sender)) return false;
    return this.store.storedForKey(sender.kind, formKey, Date.now()) !== null;
  }

  /** A page of messages for a participant (null for anyone else), optionally marking all as read. */
  async list(viewer: Participant, opts: ListOptions): Promise<ThreadPage | null> {
    const meta = this.store.meta();
    if (!meta || !isParticipant(meta, viewer)) return null;
    const limit = Math.min(Math.max(1, Math.floor(opts.limit)), 200);
    const lastSeq = this.store.lastSeq();
    if (opts.since !== undefined && opts.since >= lastSeq) return { messages: [], lastSeq, hasEarlier: false };
    const page = this.store.page({ since: opts.since, before: opts.before, limit });
    // Read as far as the viewer is shown (a poll may return only part of a long backlog).
    const shownUpTo = opts.since !== undefined ? (page.messages.at(-1)?.seq ?? opts.since) : lastSeq;
    if (opts.markRead && opts.before === undefined && this.store.markRead(viewer.kind, shownUpTo)) await this.afterChange();
    const lang = opts.translateTo;
    if (lang) {
      const stored = this.store.translations(lang, page.messages.filter((m) => m.lang !== null && m.lang !== lang).map((m) => m.seq));
      for (const m of page.messages) {
        const text = stored.get(m.seq);
        if (text !== undefined) m.translation = text;
      }
    }
    return { ...page, lastSeq };
  }

  /** Keeps translations a participant's page made (into their language), so no later read asks again. */
  async saveTranslations(viewer: Participant, lang: string, items: { seq: number; text: string }[]): Promise<boolean> {
    const meta = this.store.meta();
    if (!meta || !isParticipant(meta, viewer)) return false;
    this.ctx.storage.transactionSync(() => this.store.saveTranslations(lang, items, Date.now()));
    return true;
  }

  /** Everything in the thread is read by `viewer`; false for anyone else. */
  async markRead(viewer: Participant): Promise<boolean> {
    const meta = this.store.meta();
    if (!meta || !isParticipant(meta, viewer)) return false;
    if (this.store.markRead(viewer.kind)) await this.afterChange();
    return true;
  }

  /** Forgets the whole thread, alarm included (the district deleted the student: src/stewardship/). */
  async erase(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    // Empty tables again, so a call that still reaches this instance finds an empty thread rather than an error.
    this.store.migrate();
  }

  /**
   * The guardian deleted their account: the words and name of their messages go (the teacher's stay),
   * so do their read state and owed emails, and the thread no longer takes posts (src/stewardship/).
   */
  async forgetGuardian(): Promise<void> {
    this.ctx.storage.transactionSync(() => {
      this.store.forgetTranslations("guardian");
      this.ctx.storage.sql.exec("UPDATE messages SET body = ?, sender_name = ? WHERE sender_kind = 'guardian'", FORGOTTEN_BODY, FORMER_GUARDIAN_NAME);
      this.ctx.storage.sql.exec("DELETE FROM participants WHERE kind = 'guardian'");
      this.store.forgetKeys("guardian");
      this.ctx.storage.sql.exec("UPDATE thread SET guardian_user_id = ''");
    });
    await this.scheduleAlarm();
  }

  override async alarm(): Promise<void> {
    const meta = this.store.meta();
    if (!meta) return;
    let retryFloor = 0;
    // Never throw out of the alarm (the runtime gives up after a few retries); the state says what is still owed.
    try {
      await this.syncIndex();
    } catch (err) {
      console.error("message thread: index write failed", meta.id, err);
      retryFloor = Date.now() + RETRY_MS;
    }
    try {
      await this.sendDueNotices(meta, Date.now());
    } catch (err) {
      console.error("message thread: unread notice failed", meta.id, err);
      retryFloor = Date.now() + RETRY_MS;
    }
    await this.scheduleAlarm(retryFloor);
  }

  // ------------------------------------------------------------------ internals

  /** A change the index shows was stored: the alarm writes it (now, or when the window since the last write ends). */
  private async afterChange(): Promise<void> {
    await this.scheduleAlarm();
  }

  /**
   * A new thread's first message: its index row is written before the teacher's post returns, as
   * it is what shows the thread to the family at all (lists skip rows without a message). Once per
   * thread; a failure is the alarm's to retry, as always.
   */
  private async firstIndexWrite(): Promise<void> {
    await this.scheduleAlarm();
    try {
      await this.syncIndex();
    } catch (err) {
      console.error("message thread: index write failed", this.store.meta()?.id, err);
    }
    await this.scheduleAlarm();
  }

  /** Unread runs whose first message is older than the delay and that nobody has been emailed about. */
  private dueNotices(now: number): { due: DueNotice[]; nextAt: number | null } {
    const delayMs = config(this.env).unreadNotifyAfterMs;
    const due: DueNotice[] = [];
    let nextAt: number | null = null;
    for (const p of this.store.participants()) {
      const first = this.store.firstUnread(p);
      if (!first || p.notifiedSeq >= first.seq) continue;
      const at = first.createdAt + delayMs;
      if (at <= now) due.push({ kind: p.kind, recipientId: p.id, firstUnreadSeq: first.seq });
      else nextAt = nextAt === null ? at : Math.min(nextAt, at);
    }
    return { due, nextAt };
  }

  private async sendDueNotices(meta: StoredMeta, now: number): Promise<void> {
    if (this.dueNotices(now).due.length === 0) return;
    // The thread's district's database (src/db/route.ts): its index row, its people, its outbox.
    const db = dbOf(this.env, meta.districtId);
    const ctx = await loadNoticeContext(db, meta.id);
    // Re-read after the await: a participant may have read the thread meanwhile.
    const { due } = this.dueNotices(Date.now());
    const { publicUrl, unreadNotifyAfterSeconds } = config(this.env);
    const rows: NoticeRows = { outbox: [], smsNotices: [] };
    if (ctx) for (const d of due) {
      const made = unreadNoticeRows(ctx, { ...d, firstUnreadBody: this.store.bodyOf(d.firstUnreadSeq) ?? undefined }, publicUrl, unreadNotifyAfterSeconds, Date.now());
      rows.outbox.push(...made.outbox);
      rows.smsNotices.push(...made.smsNotices);
    }
    const inserted = await insertNotices(db, rows);
    // Emailed, turned off, or gone from the index: this run is settled either way.
    this.ctx.storage.transactionSync(() => {
      for (const d of due) this.store.setNotified(d.kind, d.firstUnreadSeq);
    });
    if (inserted > 0) await kickOutbox(this.env);
  }

  /** When the index is next due to be written (null: it shows the newest state). */
  private indexDueAt(now: number): number | null {
    const meta = this.store.meta();
    if (meta === null || meta.syncedVersion >= meta.version) return null;
    return Math.max(now, meta.indexAttemptAt + INDEX_WINDOW_MS);
  }

  /** Writes the newest state to the D1 index (one statement, version-guarded); throws when D1 does. */
  private syncIndex(): Promise<void> {
    this.syncing ??= this.writeIndexOnce().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async writeIndexOnce(): Promise<void> {
    const meta = this.store.meta();
    if (!meta || meta.syncedVersion >= meta.version) return;
    const snap = this.store.indexSnapshot();
    this.store.setIndexAttempt(Date.now());
    await writeIndex(dbOf(this.env, meta.districtId), meta.id, snap);
    this.store.setSynced(snap.version);
  }

  /** The next alarm from stored state: the earliest unread email due, or an index write still owed (`floor`: not before, after a failure). */
  private async scheduleAlarm(floor = 0): Promise<void> {
    const now = Date.now();
    const candidates: number[] = [];
    const { nextAt, due } = this.dueNotices(now);
    if (nextAt !== null) candidates.push(nextAt);
    if (due.length > 0) candidates.push(now);
    const indexAt = this.indexDueAt(now);
    if (indexAt !== null) candidates.push(indexAt);
    const current = await this.ctx.storage.getAlarm();
    if (candidates.length === 0) {
      if (current !== null) await this.ctx.storage.deleteAlarm();
      return;
    }
    const next = Math.max(Math.min(...candidates), floor);
    if (current !== next) await this.ctx.storage.setAlarm(next);
  }
}
