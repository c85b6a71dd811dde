import { and, desc, eq, isNotNull, lt, or } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { invitations, students } from "../db/schema";
import { isoDate } from "../lib/time";
import { encodeCursor, type Cursor } from "../lib/cursor";
import { invitationStatus } from "./status";

export interface ReportStudent {
  sisId: string;
  firstName: string;
  lastName: string;
}

export interface DisputeReportItem {
  invitationId: string;
  student: ReportStudent;
  channel: "email" | "sms";
  address: string;
  disputedAt: string;
}

export interface RenewalReportItem {
  invitationId: string;
  renewedFromId: string;
  status: ReturnType<typeof invitationStatus>;
  student: ReportStudent;
  channel: "email" | "sms";
  address: string;
  createdAt: string;
}

export interface ReportPage<T> {
  items: T[];
  nextCursor: string | null;
}

const studentColumns = { sisId: students.sisId, firstName: students.firstName, lastName: students.lastName };

/** Newest first: rows strictly before the cursor's (timestamp, id). */
const before = (at: AnySQLiteColumn, id: AnySQLiteColumn, cursor: Cursor | undefined) =>
  cursor ? or(lt(at, cursor.at), and(eq(at, cursor.at), lt(id, cursor.id))) : undefined;

function page<R extends { id: string }, T>(rows: R[], limit: number, at: (r: R) => number, map: (r: R) => T): ReportPage<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}

/** "This is not my child": invitations the recipient disputed, newest first. */
export async function listDisputes(db: Db, districtId: string, limit: number, cursor?: Cursor): Promise<ReportPage<DisputeReportItem>> {
  const rows = await db
    .select({ id: invitations.id, channel: invitations.channel, address: invitations.address, disputedAt: invitations.disputedAt, student: studentColumns })
    .from(invitations)
    .innerJoin(students, eq(students.id, invitations.studentId))
    .where(
      and(
        eq(invitations.districtId, districtId),
        eq(invitations.status, "disputed"),
        isNotNull(invitations.disputedAt),
        before(invitations.disputedAt, invitations.id, cursor),
      ),
    )
    .orderBy(desc(invitations.disputedAt), desc(invitations.id))
    .limit(limit + 1)
    .all();
  return page(rows, limit, (r) => r.disputedAt ?? 0, (r) => ({
    invitationId: r.id,
    student: r.student,
    channel: r.channel,
    address: r.address,
    disputedAt: isoDate(r.disputedAt ?? 0),
  }));
}

/** Fresh invitations that guardians asked for from an expired link, newest first. */
export async function listRenewals(db: Db, districtId: string, limit: number, now: number, cursor?: Cursor): Promise<ReportPage<RenewalReportItem>> {
  const rows = await db
    .select({
      id: invitations.id,
      renewedFromId: invitations.renewedFromId,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      channel: invitations.channel,
      address: invitations.address,
      createdAt: invitations.createdAt,
      student: studentColumns,
    })
    .from(invitations)
    .innerJoin(students, eq(students.id, invitations.studentId))
    .where(and(eq(invitations.districtId, districtId), isNotNull(invitations.renewedFromId), before(invitations.createdAt, invitations.id, cursor)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit + 1)
    .all();
  return page(rows, limit, (r) => r.createdAt, (r) => ({
    invitationId: r.id,
    renewedFromId: r.renewedFromId ?? "",
    status: invitationStatus(r, now),
    student: r.student,
    channel: r.channel,
    address: r.address,
    createdAt: isoDate(r.createdAt),
  }));
}
