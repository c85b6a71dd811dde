import { and, desc, eq, gt, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";
import { SESSION_LIMITS, type Session } from "../auth/sessions";
import { now } from "../lib/time";

/** The live sessions of one parent account, most recently active first. */
export async function listAccountSessions(db: Db, userId: string, at = now()): Promise<Session[]> {
  return liveAccountSessions(await accountSessionsQuery(db, userId, at), at);
}

/** The account's unexpired sessions as a statement for a batch (`userId` may be SQL: a subquery on the session). */
export function accountSessionsQuery(db: Db, userId: string | SQL, at = now()) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.kind, "parent"), eq(sessions.subjectId, userId), gt(sessions.expiresAt, at)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Idle sessions are only removed when their cookie comes back; they are over all the same. */
export function liveAccountSessions(rows: readonly Session[], at = now()): Session[] {
  return rows.filter((s) => s.lastSeenAt + SESSION_LIMITS.parent.idle > at);
}

/** Ends one session of this account; false when the id is not one of its sessions. */
export async function endAccountSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "parent"), eq(sessions.subjectId, userId)))
    .returning({ id: sessions.id });
  return gone.length === 1;
}
