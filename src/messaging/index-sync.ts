/** Keeps the D1 threads row (lists, unread counts) in step with the thread object's state. */
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { threads } from "../db/schema";
import type { IndexSnapshot } from "./types";

/**
 * Writes the snapshot unless the row already shows a newer one: writes from concurrent posts
 * can reach D1 out of order, and the newest state must win.
 */
export function writeIndex(db: Db, threadId: string, snap: IndexSnapshot) {
  return db
    .update(threads)
    .set({
      lastMessageAt: snap.lastMessageAt,
      lastSenderKind: snap.lastSenderKind,
      lastPreview: snap.lastPreview,
      teacherUnread: snap.teacherUnread,
      guardianUnread: snap.guardianUnread,
      indexVersion: snap.version,
    })
    .where(and(eq(threads.id, threadId), lt(threads.indexVersion, snap.version)));
}
