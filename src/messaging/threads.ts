/**
 * Reading the D1 thread index for the pages: who may open a thread, and each side's list.
 * Every query is scoped to the signed-in person (and the teacher's district); anything else is
 * "not found". The grants are read from the roster as it is now: a guardian has a thread while
 * the guardianship exists, a teacher while they teach the child (a section in common).
 */
import { and, desc, eq, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianships, students, teachers, threads, users } from "../db/schema";
import type { Cursor } from "../lib/cursor";
import type { SenderKind, ThreadMeta } from "./types";
import { THREAD_ID } from "../lib/ids";
import { teaches, type TeacherKey, type TeacherRef } from "../roster/teaching";


export interface ThreadHeader extends ThreadMeta {
  teacherName: string;
  teacherMessagesEnabled: boolean;
  /** The teacher's saved language, and whether they want families' messages translated (what a reply is translated into). */
  teacherLanguage: string | null;
  teacherTranslates: boolean;
  guardianName: string;
  /** The guardian's saved language (BCP 47, maybe without a catalog), shown to the teacher; null: not chosen. */
  guardianLanguage: string | null;
  student: { firstName: string; lastName: string };
  /** The guardian is still connected to the student (the district can remove a wrong association). */
  connected: boolean;
  /** The teacher still teaches the student (a section in common): otherwise the family can read but not reply. */
  teacherTeaches: boolean;
}


/** Who is asking for a thread: a guardian (users.id) or a teacher (in their district); ids may be SQL (subqueries on the session). */
export type ThreadViewer = { kind: "guardian"; userId: string | SQL } | { kind: "teacher"; teacher: TeacherKey };


const teacherName = sql<string>`coalesce(${teachers.displayName}, ${teachers.name})`;
const connectedSql = sql<number>`exists (select 1 from ${guardianships} where ${guardianships.userId} = ${threads.guardianUserId} and ${guardianships.studentId} = ${threads.studentId} and ${guardianships.districtId} = ${threads.districtId})`;
/** The thread's teacher still teaches its student. */
const teacherTeachesSql = teaches(threads.teacherId, threads.districtId, threads.studentId);

function headerQuery(db: Db) {
  return db
    .select({
      id: threads.id,
      districtId: threads.districtId,
      teacherId: threads.teacherId,
      guardianUserId: threads.guardianUserId,
      studentId: threads.studentId,
      teacherName: teacherName.as("teacher_name"),
      teacherMessagesEnabled: teachers.messagesEnabled,
      // Both languages aliased: in a D1 batch rows come back by column name, and both are "language".
      teacherLanguage: sql<string | null>`${teachers.language}`.as("teacher_language"),
      teacherTranslates: teachers.translateMessages,
      guardianName: sql<string>`${users.name}`.as("guardian_name"),
      guardianLanguage: sql<string | null>`${users.language}`.as("guardian_language"),
      firstName: students.firstName,
      lastName: students.lastName,
      connected: connectedSql.as("connected"),
      teacherTeaches: teacherTeachesSql.as("teacher_teaches"),
    })
    .from(threads)
    .innerJoin(teachers, eq(teachers.id, threads.teacherId))
    .innerJoin(users, eq(users.id, threads.guardianUserId))
    .innerJoin(students, eq(students.id, threads.studentId));
}

type HeaderRow = Awaited<ReturnType<ReturnType<typeof headerQuery>["all"]>>[number];

const toHeader = (r: HeaderRow): ThreadHeader => ({
  id: r.id,
  districtId: r.districtId,
  teacherId: r.teacherId,
  guardianUserId: r.guardianUserId,
  studentId: r.studentId,
  teacherName: r.teacherName,
  teacherMessagesEnabled: r.teacherMessagesEnabled,
  teacherLanguage: r.teacherLanguage,
  teacherTranslates: r.teacherTranslates,
  guardianName: r.guardianName,
  guardianLanguage: r.guardianLanguage,
  student: { firstName: r.firstName, lastName: r.lastName },
  connected: Boolean(r.connected),
  teacherTeaches: Boolean(r.teacherTeaches),
});

/**
 * THE access check of every thread route (page, poll, post: each request, before the thread's
 * object is called). A guardian: their own thread, with a message in it, while the guardianship
 * exists. A teacher: their own thread in their district, while they teach the student.
 */
export async function findThreadFor(db: Db, viewer: ThreadViewer, threadId: string): Promise<ThreadHeader | null> {
  if (!THREAD_ID.test(threadId)) return null;
  return threadHeaderOf(threadId, await findThreadQuery(db, viewer, threadId).all());
}

/** findThreadFor's query as a statement for a batch (the viewer's ids may be SQL). */
export function findThreadQuery(db: Db, viewer: ThreadViewer, threadId: string) {
  const mine =
    viewer.kind === "guardian"
      ? and(eq(threads.guardianUserId, viewer.userId), isNotNull(threads.lastSenderKind), sql`${connectedSql}`)
      : and(eq(threads.teacherId, viewer.teacher.id), eq(threads.districtId, viewer.teacher.districtId), teacherTeachesSql);
  return headerQuery(db).where(and(eq(threads.id, threadId), mine)).limit(1);
}

/** The header findThreadQuery found, or null (also for an id that is not a thread id). */
export function threadHeaderOf(threadId: string, rows: readonly HeaderRow[]): ThreadHeader | null {
  const row = rows[0];
  return THREAD_ID.test(threadId) && row ? toHeader(row) : null;
}

export interface ThreadListItem {
  id: string;
  /** The other side's name: the teacher (for parents) or the guardian (for teachers). */
  withName: string;
  student: { firstName: string; lastName: string };
  lastMessageAt: number;
  lastSenderKind: SenderKind;
  /** One line of the newest message (null for threads not indexed since previews came). */
  preview: string | null;
  /** Messages the viewer has not read yet. */
  unread: number;
  connected: boolean;
}

export interface ThreadList {
  items: ThreadListItem[];
  /** Where the next (older) page starts, or null. */
  next: Cursor | null;
}

export const THREADS_PER_PAGE = 50;

const olderThan = (c: Cursor | null) =>
  c ? or(lt(threads.lastMessageAt, c.at), and(eq(threads.lastMessageAt, c.at), lt(threads.id, c.id))) : undefined;

type ListRow = Omit<ThreadListItem, "connected" | "lastSenderKind"> & { connected: number; lastSenderKind: SenderKind | null };

function toList(rows: ListRow[], limit: number): ThreadList {
  const items = rows.slice(0, limit).map((r) => ({ ...r, lastSenderKind: r.lastSenderKind ?? "teacher", connected: Boolean(r.connected) }));
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? { at: last.lastMessageAt, id: last.id } : null };
}

/**
 * The parent's conversations, newest first, as one statement (only children they are still
 * connected to), one more than `limit` so the page knows whether there is an older one.
 * `userId` may be SQL (a subquery on the session).
 */
export function parentThreadsQuery(db: Db, userId: string | SQL, cursor: Cursor | null, limit = THREADS_PER_PAGE) {
  return db
    .select({
      id: threads.id,
      withName: teacherName.as("teacher_name"),
      firstName: students.firstName,
      lastName: students.lastName,
      lastMessageAt: threads.lastMessageAt,
      lastSenderKind: threads.lastSenderKind,
      preview: threads.lastPreview,
      unread: threads.guardianUnread,
      connected: sql<number>`1`.as("connected"),
    })
    .from(threads)
    .innerJoin(guardianships, and(eq(guardianships.userId, threads.guardianUserId), eq(guardianships.studentId, threads.studentId)))
    .innerJoin(teachers, eq(teachers.id, threads.teacherId))
    .innerJoin(students, eq(students.id, threads.studentId))
    .where(and(eq(threads.guardianUserId, userId), isNotNull(threads.lastSenderKind), olderThan(cursor)))
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(limit + 1);
}

type ParentThreadRow = Awaited<ReturnType<typeof parentThreadsQuery>>[number];

/** The rows of parentThreadsQuery as the list page shows them. */
export function parentThreadList(rows: ParentThreadRow[], limit = THREADS_PER_PAGE): ThreadList {
  return toList(rows.map(({ firstName, lastName, ...r }) => ({ ...r, student: { firstName, lastName } })), limit);
}

/**
 * The teacher's conversations, newest first, as one statement: only those they can open (about
 * students they teach now). The teacher's ids may be SQL (subqueries on the session).
 */
export function teacherThreadsQuery(db: Db, teacher: TeacherKey, cursor: Cursor | null, limit = THREADS_PER_PAGE) {
  return db
    .select({
      id: threads.id,
      withName: users.name,
      firstName: students.firstName,
      lastName: students.lastName,
      lastMessageAt: threads.lastMessageAt,
      lastSenderKind: threads.lastSenderKind,
      preview: threads.lastPreview,
      unread: threads.teacherUnread,
      connected: connectedSql.as("connected"),
    })
    .from(threads)
    .innerJoin(users, eq(users.id, threads.guardianUserId))
    .innerJoin(students, eq(students.id, threads.studentId))
    .where(and(eq(threads.teacherId, teacher.id), eq(threads.districtId, teacher.districtId), isNotNull(threads.lastSenderKind), teacherTeachesSql, olderThan(cursor)))
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(limit + 1);
}

type TeacherThreadRow = Awaited<ReturnType<typeof teacherThreadsQuery>>[number];

/** The rows of teacherThreadsQuery as the list page shows them. */
export function teacherThreadList(rows: TeacherThreadRow[], limit = THREADS_PER_PAGE): ThreadList {
  return toList(rows.map(({ firstName, lastName, ...r }) => ({ ...r, student: { firstName, lastName } })), limit);
}

/** The navigation's Messages tab: how many conversations, and how many with unread messages. */
export interface MessageSummary {
  threads: number;
  unread: number;
}

const summaryOf = (row: { threads: number; unread: number } | undefined): MessageSummary => ({ threads: row?.threads ?? 0, unread: row?.unread ?? 0 });

/**
 * For the navigation: how many conversations the parent has, and how many have unread messages.
 * One statement; `userId` may be SQL (a subquery on the session, to run in the session's batch).
 */
export function parentMessageSummaryQuery(db: Db, userId: string | SQL) {
  return db
    .select({
      threads: sql<number>`count(*)`,
      unread: sql<number>`coalesce(sum(${threads.guardianUnread} > 0), 0)`,
    })
    .from(threads)
    .innerJoin(guardianships, and(eq(guardianships.userId, threads.guardianUserId), eq(guardianships.studentId, threads.studentId)))
    .where(and(eq(threads.guardianUserId, userId), isNotNull(threads.lastSenderKind)));
}

export async function parentMessageSummary(db: Db, userId: string): Promise<MessageSummary> {
  return summaryOf(await parentMessageSummaryQuery(db, userId).get());
}

/** For the teacher's navigation: the conversations they can open (as in their list), and how many have unread messages. One statement. */
export function teacherMessageSummaryQuery(db: Db, teacher: TeacherKey) {
  return db
    .select({
      threads: sql<number>`count(*)`,
      unread: sql<number>`coalesce(sum(${threads.teacherUnread} > 0), 0)`,
    })
    .from(threads)
    .where(and(eq(threads.teacherId, teacher.id), eq(threads.districtId, teacher.districtId), isNotNull(threads.lastSenderKind), teaches(threads.teacherId, threads.districtId, threads.studentId)));
}

export async function teacherMessageSummary(db: Db, teacher: TeacherRef): Promise<MessageSummary> {
  return summaryOf(await teacherMessageSummaryQuery(db, teacher).get());
}

/** A summary row of a batch, as the navigation reads it. */
export const messageSummaryOf = (rows: readonly { threads: number; unread: number }[]): MessageSummary => summaryOf(rows[0]);
