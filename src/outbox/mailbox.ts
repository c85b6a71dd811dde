import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { outbox, type OutboxRow } from "../db/schema";

export interface MailboxQuery {
  to?: string;
  kind?: string;
  /** Cursor from a previous page: only rows older than it. */
  before?: string;
  limit: number;
}

export interface MailboxPage {
  messages: OutboxRow[];
  /** Cursor for the next (older) page, or null on the last page. */
  older: string | null;
}

const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export const isMailboxCursor = (value: string): boolean => CURSOR.test(value);

/** Outbox rows, newest first, for the dev mailbox (every row, whatever its status). */
export async function listMailbox(db: Db, q: MailboxQuery): Promise<MailboxPage> {
  const where: SQL[] = [];
  if (q.to) where.push(eq(outbox.toAddress, q.to));
  if (q.kind) where.push(eq(outbox.kind, q.kind));
  const cursor = q.before ? CURSOR.exec(q.before) : null;
  if (cursor) {
    const at = Number(cursor[1]);
    const id = cursor[2] ?? "";
    const older = or(lt(outbox.createdAt, at), and(eq(outbox.createdAt, at), lt(outbox.id, id)));
    if (older) where.push(older);
  }
  const rows = await db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(q.limit + 1);
  const messages = rows.slice(0, q.limit);
  const last = messages[messages.length - 1];
  return { messages, older: rows.length > q.limit && last ? `${last.createdAt}.${last.id}` : null };
}

export async function getMailboxMessage(db: Db, id: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  return row ?? null;
}
