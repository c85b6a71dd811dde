/**
 * A teacher's classes as the teacher pages show them: sections, their students, each student's
 * connected guardians and the invitation status of each contact on record.
 *
 * Four queries (the guardians' with the teacher's unread conversations), whatever the number of sections or students, sent to D1 in ONE batch (where rows
 * come back as objects, so clashing column names are aliased). Each is
 * scoped by a subquery over the teacher's own section_teachers rows, so no id list is bound (no
 * 100-parameter limit) and no other teacher's section can slip in.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { enrollments, guardianContacts, guardianships, invitations, schools, sections, students, threads, users } from "../db/schema";
import { invitationStatus, latestInvitationIdOfContact, type InvitationViewStatus } from "../invitations/status";
import { teacherSectionIds, teacherStudentIds, type TeacherKey, type TeacherRef } from "../roster/teaching";
import type { BatchResponse } from "drizzle-orm/batch";

export interface ClassContact {
  id: string;
  channel: "email" | "sms";
  address: string;
  name: string | null;
  relationship: string | null;
  /** The family's language as the district gave it (BCP 47, maybe without a catalog), or null. */
  language: string | null;
  /** The contact's latest invitation, or null when none was ever sent. */
  invitation: { id: string; status: InvitationViewStatus; expiresAt: number; sentAt: number | null } | null;
}

export interface ClassGuardian {
  id: string;
  name: string;
  language: string | null;
  /** The teacher's conversation with this guardian about this child when it has a reply they have not read. */
  unreadThreadId: string | null;
}

export interface ClassStudent {
  id: string;
  firstName: string;
  lastName: string;
  grade: string | null;
  /** The connected guardians (accounts with a guardianship): users.id, name and saved language (or null). */
  guardians: ClassGuardian[];
  contacts: ClassContact[];
}

export interface ClassSection {
  id: string;
  name: string;
  schoolName: string;
  students: ClassStudent[];
}

const byName = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
  a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName);

/** All of the teacher's sections, or only `sectionId` (an empty list when it is not theirs). */
export async function loadTeacherClasses(db: Db, teacher: TeacherRef, now: number, sectionId?: string): Promise<ClassSection[]> {
  return teacherClassesOf(await db.batch(teacherClassesStatements(db, teacher, sectionId)), now);
}

/** The four statements, for one batch (the teacher's ids may be SQL: subqueries on the session). */
export function teacherClassesStatements(db: Db, teacher: TeacherKey, sectionId?: string) {
  return [
    db
      .select({ id: sections.id, name: sections.name, schoolName: sql<string>`${schools.name}`.as("school_name") })
      .from(sections)
      .innerJoin(schools, eq(schools.id, sections.schoolId))
      .where(and(eq(sections.districtId, teacher.districtId), inArray(sections.id, teacherSectionIds(db, teacher, sectionId))))
      .orderBy(asc(schools.name), asc(sections.name), asc(sections.id)),
    db
      .select({ sectionId: enrollments.sectionId, id: students.id, firstName: students.firstName, lastName: students.lastName, grade: students.grade })
      .from(enrollments)
      .innerJoin(students, eq(students.id, enrollments.studentId))
      .where(and(eq(students.districtId, teacher.districtId), inArray(enrollments.sectionId, teacherSectionIds(db, teacher, sectionId)))),
    db
      .select({
        studentId: guardianships.studentId,
        userId: guardianships.userId,
        name: users.name,
        language: users.language,
        threadId: threads.id,
        unread: threads.teacherUnread,
      })
      .from(guardianships)
      .innerJoin(users, eq(users.id, guardianships.userId))
      // The teacher's conversation with this family about this child, if any (one at most: threads_participants).
      .leftJoin(
        threads,
        and(eq(threads.teacherId, teacher.id), eq(threads.districtId, teacher.districtId), eq(threads.guardianUserId, guardianships.userId), eq(threads.studentId, guardianships.studentId)),
      )
      .where(and(eq(guardianships.districtId, teacher.districtId), inArray(guardianships.studentId, teacherStudentIds(db, teacher, sectionId))))
      .orderBy(asc(users.name)),
    db
      .select({
        id: guardianContacts.id,
        studentId: guardianContacts.studentId,
        channel: guardianContacts.channel,
        address: guardianContacts.address,
        name: guardianContacts.name,
        relationship: guardianContacts.relationship,
        language: guardianContacts.language,
        invitationId: sql<string | null>`${invitations.id}`.as("invitation_id"),
        status: invitations.status,
        expiresAt: invitations.expiresAt,
        sentAt: invitations.sentAt,
      })
      .from(guardianContacts)
      // The latest invitation of each contact (through the student index).
      .leftJoin(invitations, eq(invitations.id, latestInvitationIdOfContact))
      .where(and(eq(guardianContacts.districtId, teacher.districtId), inArray(guardianContacts.studentId, teacherStudentIds(db, teacher, sectionId))))
      .orderBy(asc(guardianContacts.createdAt), asc(guardianContacts.id)),
  ] as const;
}

type ClassesResults = BatchResponse<ReturnType<typeof teacherClassesStatements>>;

/** The sections with their students, guardians and contacts, from teacherClassesStatements' results. */
export function teacherClassesOf([sectionRows, enrolled, guardianRows, contactRows]: ClassesResults, now: number): ClassSection[] {

  const guardiansOf = new Map<string, ClassGuardian[]>();
  for (const g of guardianRows) guardiansOf.set(g.studentId, [...(guardiansOf.get(g.studentId) ?? []), { id: g.userId, name: g.name, language: g.language, unreadThreadId: g.threadId && g.unread ? g.threadId : null }]);
  const contactsOf = new Map<string, ClassContact[]>();
  for (const r of contactRows) {
    const contact: ClassContact = {
      id: r.id,
      channel: r.channel,
      address: r.address,
      name: r.name,
      relationship: r.relationship,
      language: r.language,
      invitation:
        r.invitationId && r.status && r.expiresAt !== null
          ? { id: r.invitationId, status: invitationStatus({ status: r.status, expiresAt: r.expiresAt }, now), expiresAt: r.expiresAt, sentAt: r.sentAt }
          : null,
    };
    contactsOf.set(r.studentId, [...(contactsOf.get(r.studentId) ?? []), contact]);
  }
  const studentsOf = new Map<string, ClassStudent[]>();
  for (const e of enrolled) {
    const student: ClassStudent = {
      id: e.id,
      firstName: e.firstName,
      lastName: e.lastName,
      grade: e.grade,
      guardians: guardiansOf.get(e.id) ?? [],
      contacts: contactsOf.get(e.id) ?? [],
    };
    studentsOf.set(e.sectionId, [...(studentsOf.get(e.sectionId) ?? []), student]);
  }
  return sectionRows.map((s) => ({ ...s, students: (studentsOf.get(s.id) ?? []).sort(byName) }));
}
