import { and, eq, lt, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions, SESSION_KINDS } from "../db/schema";
import { hashToken, newSecret, safeEqual } from "../lib/random";
import { DAY, HOUR, now } from "../lib/time";

/**
 * Sessions after Lucia's guide: the cookie holds `<id>.<secret>`; the database holds only
 * SHA-256(secret), compared in constant time. Each kind has an inactivity and an absolute limit.
 */
export type SessionKind = (typeof SESSION_KINDS)[number];
export type Session = typeof sessions.$inferSelect;

export const SESSION_LIMITS: Record<SessionKind, { idle: number; absolute: number }> = {
  parent: { idle: 30 * DAY, absolute: 90 * DAY },
  teacher: { idle: 12 * HOUR, absolute: 7 * DAY },
  // Shared school devices: eight hours, however active.
  student: { idle: 8 * HOUR, absolute: 8 * HOUR },
};

/** lastSeenAt is written at most this often, so most requests read without writing. */
const TOUCH_EVERY = HOUR;

export interface NewSession {
  token: string;
  session: Session;
}

export async function createSession(db: Db, kind: SessionKind, subjectId: string, userAgent?: string | null, grantId?: string | null): Promise<NewSession> {
  const session = newSessionRow(kind, subjectId, userAgent, grantId);
  await db.insert(sessions).values(session.row);
  return { token: session.token, session: session.row };
}

/**
 * What a session id starts with, by kind. Base32 has no "-", so ids made before the mark (24
 * letters and digits only) are told apart, and read as any kind. Only a hint for which person to
 * read: the row's own kind still decides, and a different mark is a different id (no such row).
 */
const SESSION_ID_MARK: Record<SessionKind, string> = { parent: "p-", teacher: "t-", student: "s-" };

/** The kind a session id is marked with, or null (an id from before the mark: any kind). */
export function kindMarkedIn(id: string): SessionKind | null {
  for (const kind of SESSION_KINDS) if (id.startsWith(SESSION_ID_MARK[kind])) return kind;
  return null;
}

/**
 * The row and token of a new session, for callers that put the insert in a larger batch.
 * `grantId`: the badge or guardianship that let it begin, when it must end with that grant.
 */
export function newSessionRow(kind: SessionKind, subjectId: string, userAgent?: string | null, grantId?: string | null): { token: string; row: Session } {
  // The kind in the id ("p-…"): loadActor then reads only that kind's person (src/auth/actor.ts).
  const id = `${SESSION_ID_MARK[kind]}${newSecret().slice(0, 24)}`;
  const secret = newSecret();
  const t = now();
  return {
    token: `${id}.${secret}`,
    row: {
      id,
      secretHash: hashToken(secret),
      kind,
      subjectId,
      createdAt: t,
      lastSeenAt: t,
      expiresAt: t + SESSION_LIMITS[kind].absolute,
      userAgent: userAgent ? userAgent.slice(0, 200) : null,
      grantId: grantId ?? null,
    },
  };
}

/** The id and secret of a well-formed cookie token (`<id>.<secret>`), or null. */
export function parseSessionToken(token: string | undefined): { id: string; secret: string } | null {
  if (!token) return null;
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  return { id, secret };
}

/**
 * What a session row read for a cookie's id means: "wrong" when there is none or the secret's
 * hash differs (compared in constant time; nothing is written for a guessed id), "expired" past
 * its absolute or idle limit (the row should go), else "live".
 */
export function checkSession(row: Session | undefined, secret: string, t = now()): "wrong" | "expired" | "live" {
  if (!row || !safeEqual(hashToken(secret), row.secretHash)) return "wrong";
  const limits = SESSION_LIMITS[row.kind];
  return t >= row.expiresAt || t >= row.lastSeenAt + limits.idle ? "expired" : "live";
}

/** lastSeenAt is due to be written (at most once an hour). */
export const needsTouch = (row: Session, t = now()): boolean => t - row.lastSeenAt >= TOUCH_EVERY;

export function touchSession(db: Db, id: string, t: number) {
  return db.update(sessions).set({ lastSeenAt: t }).where(eq(sessions.id, id));
}

/** The live session a cookie token names, or null (and the dead session is removed). */
export async function validateSessionToken(db: Db, token: string | undefined): Promise<Session | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await db.select().from(sessions).where(eq(sessions.id, parsed.id)).get();
  const t = now();
  const state = checkSession(row, parsed.secret, t);
  if (!row || state === "wrong") return null;
  if (state === "expired") {
    await deleteSession(db, row.id);
    return null;
  }
  if (needsTouch(row, t)) {
    await touchSession(db, row.id, t);
    row.lastSeenAt = t;
  }
  return row;
}

export function deleteSession(db: Db, id: string) {
  return db.delete(sessions).where(eq(sessions.id, id));
}

/** Every session of one person (after a password reset, or account deletion). */
export function deleteAllSessions(db: Db, kind: SessionKind, subjectId: string) {
  return db.delete(sessions).where(and(eq(sessions.kind, kind), eq(sessions.subjectId, subjectId)));
}

/** Every other session of one person ("sign out everywhere else"). */
export function deleteOtherSessions(db: Db, kind: SessionKind, subjectId: string, keepId: string) {
  return db.delete(sessions).where(and(eq(sessions.kind, kind), eq(sessions.subjectId, subjectId), ne(sessions.id, keepId)));
}

export function deleteExpiredSessions(db: Db, at = now()) {
  return db.delete(sessions).where(lt(sessions.expiresAt, at));
}
