import { eq, sql, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { getDb, type Db } from "../db/client";
import type { Statement } from "../db/batch";
import { districts, guardianships, sessions, teachers, users } from "../db/schema";
import { DEFAULT_TIME_ZONE } from "../i18n/locale";
import { now } from "../lib/time";
import { messageSummaryOf, parentMessageSummaryQuery, teacherMessageSummaryQuery, type MessageSummary } from "../messaging/threads";
import type { Actor, StudentRow, Teacher, User } from "./actor-type";
import { clearSessionCookie, readSessionCookie } from "./cookies";
import { liveGrantedStudentQuery } from "./grants";
import { pageLoadOf } from "./page-load";
import { teacherKeyOf } from "../roster/teaching";
import { checkSession, deleteSession, kindMarkedIn, needsTouch, parseSessionToken, SESSION_LIMITS, touchSession, type Session, type SessionKind } from "./sessions";
import { hashToken } from "../lib/random";

export type { Actor, ActorKind, ActorOf, ParentActor, StudentActor, StudentRow, Teacher, TeacherActor, User } from "./actor-type";

/** The subject of session `id` if it is of this kind (NULL otherwise): how every later statement of the batch names the person. */
export const subjectOfSession = (id: string, kind: SessionKind): SQL =>
  sql`(SELECT ${sessions.subjectId} FROM ${sessions} WHERE ${sessions.id} = ${id} AND ${sessions.kind} = ${kind})`;

/**
 * True only while session `id` has this secret hash and is within its limits: the gate of any
 * write a page puts in the session's batch. SQLite compares the digests (not in constant time):
 * what the timing could tell is the digest, and a digest is no use without a preimage; whatever
 * is SHOWN waits for checkSession's constant-time comparison all the same.
 */
function liveSession(id: string, secretHash: string, t: number): SQL {
  const idle = (kind: SessionKind) => sql`(${sessions.kind} = ${kind} AND ${sessions.lastSeenAt} > ${t - SESSION_LIMITS[kind].idle})`;
  return sql`EXISTS (SELECT 1 FROM ${sessions} WHERE ${sessions.id} = ${id} AND ${sessions.secretHash} = ${secretHash} AND ${sessions.expiresAt} > ${t} AND (${idle("parent")} OR ${idle("teacher")} OR ${idle("student")}))`;
}

const grantOfSession = (id: string): SQL => sql`(SELECT ${sessions.grantId} FROM ${sessions} WHERE ${sessions.id} = ${id} AND ${sessions.kind} = 'student')`;

type NavRow = { threads: number; unread: number };

/**
 * The statements of one request's session, in one batch: the row, the person it names (of its
 * id's marked kind; of each kind for an unmarked id — only the row's own kind can match), and,
 * for a page with the layout, the navigation's Messages summary of a parent or a teacher.
 * `read` turns the batch's answers (from index 0) into the session row and the person.
 */
function sessionStatements(db: Db, id: string, withNav: boolean) {
  const marked = kindMarkedIn(id);
  const wanted = (kind: SessionKind) => marked === null || marked === kind;
  const parent = subjectOfSession(id, "parent");
  const teacher = subjectOfSession(id, "teacher");
  const statements: Statement[] = [db.select().from(sessions).where(eq(sessions.id, id))];
  const at: Partial<Record<SessionKind | "parentNav" | "teacherNav", number>> = {};
  const add = (key: keyof typeof at, statement: Statement) => {
    at[key] = statements.length;
    statements.push(statement);
  };
  if (wanted("parent")) {
    // The district's time zone comes in the same query: the district of their first child (default without one).
    // ("users"."id" written out: drizzle drops the table name of a one-table select, and "id" would be ambiguous here.)
    add(
      "parent",
      db
        .select({
          user: users,
          timeZone: sql<string | null>`(SELECT d.time_zone FROM ${guardianships} g JOIN ${districts} d ON d.id = g.district_id WHERE g.user_id = "users"."id" ORDER BY g.created_at, g.id LIMIT 1)`,
        })
        .from(users)
        .where(eq(users.id, parent)),
    );
  }
  if (wanted("teacher")) add("teacher", db.select({ teacher: teachers, timeZone: districts.timeZone }).from(teachers).innerJoin(districts, eq(districts.id, teachers.districtId)).where(eq(teachers.id, teacher)));
  // Only while the badge or guardianship that opened the session holds (checked in the same query).
  if (wanted("student")) add("student", liveGrantedStudentQuery(db, subjectOfSession(id, "student"), grantOfSession(id)));
  if (withNav && wanted("parent")) add("parentNav", parentMessageSummaryQuery(db, parent));
  if (withNav && wanted("teacher")) add("teacherNav", teacherMessageSummaryQuery(db, teacherKeyOf(teacher)));

  /** The person a live session names (null: they are gone, or the student's grant ended), and their navigation's summary. */
  function actorOf(session: Session, results: unknown[]): { actor: Actor | null; summary: MessageSummary | null } {
    const rows = <T,>(key: keyof typeof at): T[] => (at[key] === undefined ? [] : (results[at[key]] as T[]));
    const summary = (key: "parentNav" | "teacherNav") => (withNav && at[key] !== undefined ? messageSummaryOf(rows<NavRow>(key)) : null);
    switch (session.kind) {
      case "parent": {
        const row = rows<{ user: User; timeZone: string | null }>("parent")[0];
        return { actor: row ? { kind: "parent", session, user: row.user, timeZone: row.timeZone ?? DEFAULT_TIME_ZONE } : null, summary: summary("parentNav") };
      }
      case "teacher": {
        const row = rows<{ teacher: Teacher; timeZone: string }>("teacher")[0];
        return { actor: row ? { kind: "teacher", session, teacher: row.teacher, timeZone: row.timeZone } : null, summary: summary("teacherNav") };
      }
      case "student": {
        // Student pages show no times: the default zone.
        const row = rows<{ student: StudentRow }>("student")[0];
        return { actor: row ? { kind: "student", session, student: row.student, timeZone: DEFAULT_TIME_ZONE } : null, summary: null };
      }
    }
  }
  return { statements, actorOf };
}

/** A write the answer need not wait for (the session's touch or removal): after it, while the runtime keeps the request alive. */
async function afterAnswer(c: Context<AppEnv>, write: () => Promise<unknown>): Promise<void> {
  const work = write().then(
    () => undefined,
    (err: unknown) => console.error("session write failed", err),
  );
  let ctx: ExecutionContext | null = null;
  try {
    ctx = c.executionCtx;
  } catch {
    // No execution context (a direct app.request): wait here instead.
  }
  if (ctx) ctx.waitUntil(work);
  else await work;
}

/**
 * Reads the session cookie once per request and sets `c.var.actor`, in ONE D1 round trip: the
 * session row, the person, the navigation's summary (GET pages) and the data of the page the
 * request is for (src/auth/page-load.ts), all in one batch. The secret's hash is compared in
 * constant time and the limits checked before any of it is used; if they fail, all of it is thrown
 * away. The lastSeenAt touch and an expired session's removal happen after the answer.
 */
export const loadActor = createMiddleware<AppEnv>(async (c, next) => {
  c.set("actor", null);
  const token = parseSessionToken(readSessionCookie(c));
  if (!token) {
    if (readSessionCookie(c)) clearSessionCookie(c);
    return next();
  }
  const db = getDb(c.env.DB);
  const t = now();
  const page = pageLoadOf(c, liveSession(token.id, hashToken(token.secret), t));
  // Only a whole page shows the navigation (a GET; not an htmx fragment; student pages have none).
  const fragment = c.req.header("hx-request") === "true" && c.req.header("hx-boosted") !== "true" && c.req.header("hx-history-restore-request") !== "true";
  const isGet = c.req.method === "GET" || c.req.method === "HEAD";
  const own = sessionStatements(db, token.id, isGet && !fragment && page?.load.kind !== "student");
  const pageStatements: Statement[] = page ? page.load.statements(db, subjectOfSession(token.id, page.load.kind), page.input) : [];
  const results: unknown[] = await db.batch([...own.statements, ...pageStatements] as [Statement, ...Statement[]]);

  const session = (results[0] as Session[])[0];
  const state = checkSession(session, token.secret, t);
  // A wrong secret (or no such session) writes nothing: a guessed id must not end anyone's session.
  if (!session || state === "wrong") {
    clearSessionCookie(c);
    return next();
  }
  if (state === "expired") {
    clearSessionCookie(c);
    await afterAnswer(c, () => deleteSession(db, session.id).run());
    return next();
  }
  const { actor, summary } = own.actorOf(session, results);
  if (!actor) {
    clearSessionCookie(c);
    await afterAnswer(c, () => deleteSession(db, session.id).run());
    return next();
  }
  if (needsTouch(session, t)) {
    await afterAnswer(c, () => touchSession(db, session.id, t).run());
    session.lastSeenAt = t;
  }
  c.set("actor", actor);
  c.set("messageSummary", summary);
  if (page && actor.kind === page.load.kind) c.set("loadedPage", { load: page.load, results: results.slice(own.statements.length) });
  return next();
});

/** Where each kind of person belongs when they open a page that is not theirs. */
export const HOME_OF = { parent: "/", teacher: "/teacher", student: "/student" } as const;
