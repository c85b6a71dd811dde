import { and, asc, eq, gt, lte, or, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { districts, guardianContacts, invitations, schools, students, type Invitation } from "../db/schema";
import { hashToken } from "../lib/random";
import { encodeCursor, type Cursor } from "../lib/cursor";
import type { InvitationViewStatus } from "./status";
import { invitationViewColumns, type InvitationViewRow } from "./view";

function viewQuery(db: Db, where: SQL | undefined) {
  return db
    .select(invitationViewColumns)
    .from(invitations)
    .innerJoin(students, eq(students.id, invitations.studentId))
    .innerJoin(guardianContacts, eq(guardianContacts.id, invitations.contactId))
    .where(where);
}

/** One of the district's invitations, or null (another district's id is simply not found). */
export async function getInvitationView(db: Db, districtId: string, id: string): Promise<InvitationViewRow | null> {
  const row = await viewQuery(db, and(eq(invitations.districtId, districtId), eq(invitations.id, id))).get();
  return row ?? null;
}

/** Stored condition for a view status: "pending" means not yet expired, "expired" is pending past its time. */
export function statusCondition(status: InvitationViewStatus, now: number): SQL | undefined {
  switch (status) {
    case "pending":
      return and(eq(invitations.status, "pending"), gt(invitations.expiresAt, now));
    case "expired":
      return and(eq(invitations.status, "pending"), lte(invitations.expiresAt, now));
    default:
      return eq(invitations.status, status);
  }
}

export interface InvitationListQuery {
  status?: InvitationViewStatus;
  studentSisId?: string;
  cursor?: Cursor;
  limit: number;
  now: number;
}

/** A page of the district's invitations in (created_at, id) order, stable while rows are added. */
export async function listInvitations(db: Db, districtId: string, q: InvitationListQuery): Promise<{ rows: InvitationViewRow[]; nextCursor: string | null }> {
  const rows = await viewQuery(
    db,
    and(
      eq(invitations.districtId, districtId),
      q.status ? statusCondition(q.status, q.now) : undefined,
      q.studentSisId !== undefined ? and(eq(students.districtId, districtId), eq(students.sisId, q.studentSisId)) : undefined,
      q.cursor
        ? or(gt(invitations.createdAt, q.cursor.at), and(eq(invitations.createdAt, q.cursor.at), gt(invitations.id, q.cursor.id)))
        : undefined,
    ),
  )
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** What the confirm page at /i/:token needs: the invitation, whose child, which school, which district. */
export interface InvitationByToken {
  invitation: Invitation;
  student: { id: string; sisId: string; firstName: string; lastName: string };
  school: { id: string; name: string };
  district: { id: string; name: string };
  /** The contact it was sent to: their language (as the district gave it) is the language of the link's pages. */
  contact: { language: string | null };
}

/**
 * The invitation a link's token belongs to, in any state (the caller decides what each status
 * means, see invitationStatus). Tokens carry 160 random bits and are looked up by their SHA-256.
 */
export async function findInvitationByToken(db: Db, token: string): Promise<InvitationByToken | null> {
  if (token.length === 0 || token.length > 128) return null;
  const row = await db
    .select({
      invitation: invitations,
      student: { id: students.id, sisId: students.sisId, firstName: students.firstName, lastName: students.lastName },
      school: { id: schools.id, name: schools.name },
      district: { id: districts.id, name: districts.name },
      contact: { language: guardianContacts.language },
    })
    .from(invitations)
    .innerJoin(guardianContacts, eq(guardianContacts.id, invitations.contactId))
    .innerJoin(students, eq(students.id, invitations.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .innerJoin(districts, eq(districts.id, invitations.districtId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  return row ?? null;
}
