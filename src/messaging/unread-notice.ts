/**
 * The D1 side of the unread-message email: who the recipient is (read at send time, so turning
 * emails off counts until the last moment) and the outbox row, whose idempotency key is derived
 * from the unread run so that sending twice stores one row.
 */
import { eq, sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { districts, guardianships, outbox, students, teachers, threads, users } from "../db/schema";
import { localeFor } from "../i18n/locale";
import { outboxRow } from "../outbox/enqueue";
import { buildUnreadNotice, settingsLink, threadLink } from "./notice-email";
import { teaches } from "../roster/teaching";
import type { SenderKind } from "./types";

export interface NoticeContext {
  threadId: string;
  districtId: string;
  studentId: string;
  student: { firstName: string; lastName: string };
  /** The district's IANA zone, for any time an email shows. */
  timeZone: string;
  /** `teaching`: the teacher still teaches the student (a former teacher is told nothing about them). `language`: as saved (BCP 47), or null. */
  teacher: { name: string; email: string; notifyUnread: boolean; teaching: boolean; language: string | null };
  guardian: { name: string; email: string; notifyUnread: boolean; connected: boolean; language: string | null };
}

/** One query: the thread's people as they are now; null when the thread is gone from the index. */
export async function loadNoticeContext(db: Db, threadId: string): Promise<NoticeContext | null> {
  const row = await db
    .select({
      districtId: threads.districtId,
      studentId: threads.studentId,
      firstName: students.firstName,
      lastName: students.lastName,
      teacherName: sql<string>`coalesce(${teachers.displayName}, ${teachers.name})`,
      teacherEmail: teachers.email,
      teacherNotify: teachers.notifyUnread,
      teacherLanguage: teachers.language,
      guardianName: users.name,
      guardianEmail: users.email,
      guardianNotify: users.notifyUnread,
      guardianLanguage: users.language,
      timeZone: districts.timeZone,
      teaching: sql<number>`${teaches(threads.teacherId, threads.districtId, threads.studentId)}`,
      connected: sql<number>`exists (select 1 from ${guardianships} where ${guardianships.userId} = ${threads.guardianUserId} and ${guardianships.studentId} = ${threads.studentId})`,
    })
    .from(threads)
    .innerJoin(teachers, eq(teachers.id, threads.teacherId))
    .innerJoin(users, eq(users.id, threads.guardianUserId))
    .innerJoin(students, eq(students.id, threads.studentId))
    .innerJoin(districts, eq(districts.id, threads.districtId))
    .where(eq(threads.id, threadId))
    .get();
  if (!row) return null;
  return {
    threadId,
    districtId: row.districtId,
    studentId: row.studentId,
    student: { firstName: row.firstName, lastName: row.lastName },
    timeZone: row.timeZone,
    teacher: { name: row.teacherName, email: row.teacherEmail, notifyUnread: row.teacherNotify, teaching: Boolean(row.teaching), language: row.teacherLanguage },
    guardian: { name: row.guardianName, email: row.guardianEmail, notifyUnread: row.guardianNotify, connected: Boolean(row.connected), language: row.guardianLanguage },
  };
}

/** Same run, same key: a second alarm run (or a retry after a crash) cannot store a second email. */
export const unreadNoticeKey = (threadId: string, kind: SenderKind, recipientId: string, firstUnreadSeq: number): string =>
  `unread:${threadId}:${kind}:${recipientId}:${firstUnreadSeq}`;

export interface DueNotice {
  kind: SenderKind;
  recipientId: string;
  firstUnreadSeq: number;
}

/** The outbox row for a due notice, or null when the recipient turned these emails off (or left the thread). */
export function unreadNoticeRow(ctx: NoticeContext, due: DueNotice, publicUrl: string, delaySeconds: number, at: number): typeof outbox.$inferInsert | null {
  const toTeacher = due.kind === "teacher";
  const recipient = toTeacher ? ctx.teacher : ctx.guardian;
  if (!recipient.notifyUnread) return null;
  if (!toTeacher && !ctx.guardian.connected) return null;
  if (toTeacher && !ctx.teacher.teaching) return null;
  // In the recipient's saved language (the closest catalog, else English), never the writer's.
  const words = buildUnreadNotice(
    {
      recipientKind: due.kind,
      writerName: toTeacher ? ctx.guardian.name : ctx.teacher.name,
      student: ctx.student,
      link: threadLink(publicUrl, due.kind, ctx.threadId),
      settingsLink: settingsLink(publicUrl, due.kind),
      delaySeconds,
    },
    localeFor(recipient.language, ctx.timeZone),
  );
  const row = outboxRow(
    { kind: "unread_message", channel: "email", to: recipient.email, ...words, districtId: ctx.districtId, studentId: ctx.studentId },
    at,
  );
  return { ...row, idempotencyKey: unreadNoticeKey(ctx.threadId, due.kind, due.recipientId, due.firstUnreadSeq) };
}

/** INSERT … ON CONFLICT(idempotency_key) DO NOTHING, all rows in one batch; returns how many were new. */
export async function insertNotices(db: Db, rows: (typeof outbox.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const statements = rows.map((r) => db.insert(outbox).values(r).onConflictDoNothing({ target: outbox.idempotencyKey }).returning({ id: outbox.id }));
  const results = await runBatch(db, statements);
  return results.reduce((n, r) => n + r.length, 0);
}
