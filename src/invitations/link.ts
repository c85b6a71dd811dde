/** What an invitation link shows: the invitation in its current state, and its pending siblings. */
import { and, asc, eq, gt, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { invitations, schools, students } from "../db/schema";
import { findInvitationByToken, type InvitationByToken } from "./lookup";
import { invitationStatus, type InvitationViewStatus } from "./status";
import { isInvitationId, LINK_TOKEN } from "../lib/ids";

export interface LinkedInvitation {
  status: InvitationViewStatus;
  found: InvitationByToken;
}

/** The invitation a link names, with its status as the parent sees it (expired included). */
export async function openInvitationLink(db: Db, token: string, now: number): Promise<LinkedInvitation | null> {
  if (!LINK_TOKEN.test(token)) return null;
  const found = await findInvitationByToken(db, token);
  return found ? { status: invitationStatus(found.invitation, now), found } : null;
}

export interface SiblingInvitation {
  id: string;
  firstName: string;
  lastName: string;
  schoolName: string;
}

/** Invitations as the onboarding pages list them: the child's name and school. */
const listed = (db: Db) =>
  db
    .select({ id: invitations.id, firstName: students.firstName, lastName: students.lastName, schoolName: schools.name })
    .from(invitations)
    .innerJoin(students, eq(students.id, invitations.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId));

/**
 * Other pending, unexpired invitations sent to the same address (siblings, in any school of any
 * district: holding one valid link for an address proves control of it), oldest first.
 */
export async function pendingSiblings(db: Db, address: string, exclude: readonly string[], now: number): Promise<SiblingInvitation[]> {
  return listed(db)
    .where(
      and(
        eq(invitations.address, address),
        eq(invitations.status, "pending"),
        gt(invitations.expiresAt, now),
        exclude.length ? notInArray(invitations.id, [...exclude]) : undefined,
      ),
    )
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .limit(30)
    .all();
}

/** The confirmed invitations of a state with names, for the account step's list. */
export async function describeInvitations(db: Db, ids: readonly string[]): Promise<SiblingInvitation[]> {
  if (ids.length === 0) return [];
  return listed(db)
    .where(inArray(invitations.id, [...ids]))
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .all();
}

/** One of the address's invitations by id (for sibling answers), in any state, or null. */
export async function findSibling(db: Db, address: string, id: string) {
  if (!isInvitationId(id)) return null;
  const row = await db
    .select({ id: invitations.id, districtId: invitations.districtId, studentId: invitations.studentId, address: invitations.address, status: invitations.status, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.address, address)))
    .get();
  return row ?? null;
}
