/**
 * The D1 side of the unread-message email: who the recipient is (read at send time, so turning
 * emails off counts until the last moment) and the outbox row, whose idempotency key is derived
 * from the unread run so that sending twice stores one row.
 */
import { eq, sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { districts, guardianships, outbox, smsNotices, smsOptOuts, students, teachers, threads, users } from "../db/schema";
import { buildUnreadText } from "../sms/notice-text";
import { localeFor, type Locale } from "../i18n/locale";
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
  guardian: { name: string; email: string; notifyUnread: boolean; connected: boolean; language: string | null; sms: GuardianSms };
  /** The district lets a text notice carry the start of the message. */
  smsPreview: boolean;
  /** Each recipient's language (their saved one's closest catalog, else English), loaded. */
  locales: { teacher: Locale; guardian: Locale };
}

/** Where the guardian's text notice goes: their verified phone, if they chose texts and the number did not say STOP. */
export interface GuardianSms {
  phone: string | null;
  wanted: boolean;
  stopped: boolean;
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
      smsPreview: districts.smsPreview,
      guardianPhone: sql<string | null>`case when ${users.phoneVerifiedAt} is not null then ${users.phone} end`,
      guardianNotifySms: users.notifySms,
      guardianStopped: sql<number>`exists (select 1 from ${smsOptOuts} where ${smsOptOuts.phone} = ${users.phone})`,
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
  // In the recipient's saved language, never the writer's; loaded here so the rows are built without waiting.
  const [teacherLocale, guardianLocale] = await Promise.all([localeFor(row.teacherLanguage, row.timeZone), localeFor(row.guardianLanguage, row.timeZone)]);
  return {
    threadId,
    districtId: row.districtId,
    studentId: row.studentId,
    student: { firstName: row.firstName, lastName: row.lastName },
    timeZone: row.timeZone,
    teacher: { name: row.teacherName, email: row.teacherEmail, notifyUnread: row.teacherNotify, teaching: Boolean(row.teaching), language: row.teacherLanguage },
    guardian: {
      name: row.guardianName,
      email: row.guardianEmail,
      notifyUnread: row.guardianNotify,
      connected: Boolean(row.connected),
      language: row.guardianLanguage,
      sms: { phone: row.guardianPhone, wanted: row.guardianNotifySms, stopped: Boolean(row.guardianStopped) },
    },
    smsPreview: row.smsPreview,
    locales: { teacher: teacherLocale, guardian: guardianLocale },
  };
}

/** Same run, same key: a second alarm run (or a retry after a crash) cannot store a second email. */
export const unreadNoticeKey = (threadId: string, kind: SenderKind, recipientId: string, firstUnreadSeq: number): string =>
  `unread:${threadId}:${kind}:${recipientId}:${firstUnreadSeq}`;

export interface DueNotice {
  kind: SenderKind;
  recipientId: string;
  firstUnreadSeq: number;
  /** The first unread message's text: only ever put in a text notice, and only where the district allows its start. */
  firstUnreadBody?: string;
}

/** The rows one due notice writes: outbox rows (email, text) and, for a text, which thread it was about (for replies). */
export interface NoticeRows {
  outbox: (typeof outbox.$inferInsert)[];
  smsNotices: (typeof smsNotices.$inferInsert)[];
}

/**
 * The notice's rows by the channels the recipient chose, or none when they chose neither (or left
 * the thread). Email never carries the message's text; a text carries at most its first 60
 * characters, and only when the district allows it.
 */
export function unreadNoticeRows(ctx: NoticeContext, due: DueNotice, publicUrl: string, delaySeconds: number, at: number): NoticeRows {
  const rows: NoticeRows = { outbox: [], smsNotices: [] };
  const toTeacher = due.kind === "teacher";
  const recipient = toTeacher ? ctx.teacher : ctx.guardian;
  if (!toTeacher && !ctx.guardian.connected) return rows;
  if (toTeacher && !ctx.teacher.teaching) return rows;
  const key = unreadNoticeKey(ctx.threadId, due.kind, due.recipientId, due.firstUnreadSeq);
  // In the recipient's saved language (the closest catalog, else English), never the writer's.
  const locale = toTeacher ? ctx.locales.teacher : ctx.locales.guardian;
  const writerName = toTeacher ? ctx.guardian.name : ctx.teacher.name;
  const link = threadLink(publicUrl, due.kind, ctx.threadId);
  if (recipient.notifyUnread) {
    const words = buildUnreadNotice(
      { recipientKind: due.kind, writerName, student: ctx.student, link, settingsLink: settingsLink(publicUrl, due.kind), delaySeconds },
      locale,
    );
    const row = outboxRow({ kind: "unread_message", channel: "email", to: recipient.email, ...words, districtId: ctx.districtId, studentId: ctx.studentId }, at);
    rows.outbox.push({ ...row, idempotencyKey: key });
  }
  const sms = ctx.guardian.sms;
  if (!toTeacher && sms.wanted && sms.phone && !sms.stopped) {
    const text = buildUnreadText({ writerName, childFirstName: ctx.student.firstName, link, preview: ctx.smsPreview ? (due.firstUnreadBody ?? null) : null }, locale);
    const row = outboxRow({ kind: "unread_message", channel: "sms", to: sms.phone, text, districtId: ctx.districtId, studentId: ctx.studentId }, at);
    rows.outbox.push({ ...row, idempotencyKey: `${key}:sms` });
    // Same key: the run's record is written once however often the alarm runs.
    rows.smsNotices.push({ id: `${key}:sms`, phone: sms.phone, userId: due.recipientId, threadId: ctx.threadId, createdAt: at });
  }
  return rows;
}

/** INSERT … ON CONFLICT DO NOTHING, all rows in one batch; returns how many outbox rows were new. */
export async function insertNotices(db: Db, rows: NoticeRows): Promise<number> {
  if (rows.outbox.length === 0) return 0;
  const statements = [
    ...rows.outbox.map((r) => db.insert(outbox).values(r).onConflictDoNothing({ target: outbox.idempotencyKey }).returning({ id: outbox.id })),
    ...rows.smsNotices.map((r) => db.insert(smsNotices).values(r).onConflictDoNothing().returning({ id: smsNotices.id })),
  ];
  const results = await runBatch(db, statements);
  return results.slice(0, rows.outbox.length).reduce((n, r) => n + r.length, 0);
}
