/**
 * Badges as a teacher sees them: only students enrolled in one of the teacher's own sections of
 * their own district. Each read is one query with the live badge LEFT JOINed (no id lists, so no
 * 100-parameter limit); tokens and PINs are derived in memory from the badge ids.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditInserts } from "../audit";
import { endBadgeSessionsOf } from "../auth/grants";
import { badges, districts, enrollments, schools, sections, students } from "../db/schema";
import { hashToken, newId } from "../lib/random";
import { now } from "../lib/time";
import { chunk, LOOKUP_CHUNK, multiRow, type Statement } from "../db/batch";
import { teacherSectionIds, teacherStudentIds, type TeacherRef } from "../roster/teaching";
import { badgePinHash, badgeToken } from "./token";


export interface BadgeStudent {
  id: string;
  firstName: string;
  lastName: string;
  schoolName: string;
  badgesEnabled: boolean;
  badge: { id: string; createdAt: number } | null;
}

export interface SectionBadges {
  id: string;
  name: string;
  schoolName: string;
  /** The district asks for a PIN after each scan. */
  pinRequired: boolean;
  students: BadgeStudent[];
}


// D1 batches return rows as objects, so clashing column names (id, name) are aliased.
const studentColumns = {
  id: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  schoolName: sql<string>`${schools.name}`.as("school_name"),
  badgesEnabled: students.badgesEnabled,
  badgeId: sql<string | null>`${badges.id}`.as("badge_id"),
  badgeCreatedAt: sql<number | null>`${badges.createdAt}`.as("badge_created_at"),
};

const liveBadgeOf = and(eq(badges.studentId, students.id), eq(badges.districtId, students.districtId), isNull(badges.voidedAt));

function toBadgeStudent(r: { id: string; firstName: string; lastName: string; schoolName: string; badgesEnabled: boolean; badgeId: string | null; badgeCreatedAt: number | null }): BadgeStudent {
  const { badgeId, badgeCreatedAt, ...s } = r;
  return { ...s, badge: badgeId && badgeCreatedAt !== null ? { id: badgeId, createdAt: badgeCreatedAt } : null };
}

/** One of the teacher's sections with its students and their live badges (one round trip), or null when it is not theirs. */
export async function loadSectionBadges(db: Db, teacher: TeacherRef, sectionId: string): Promise<SectionBadges | null> {
  const [sectionRows, studentRows] = await db.batch([
    db
      .select({ id: sections.id, name: sections.name, schoolName: sql<string>`${schools.name}`.as("school_name"), pinRequired: districts.badgePin })
      .from(sections)
      .innerJoin(schools, eq(schools.id, sections.schoolId))
      .innerJoin(districts, eq(districts.id, sections.districtId))
      .where(and(eq(sections.districtId, teacher.districtId), inArray(sections.id, teacherSectionIds(db, teacher, sectionId)))),
    db
      .select(studentColumns)
      .from(enrollments)
      .innerJoin(students, eq(students.id, enrollments.studentId))
      .innerJoin(schools, eq(schools.id, students.schoolId))
      .leftJoin(badges, liveBadgeOf)
      .where(and(eq(students.districtId, teacher.districtId), inArray(enrollments.sectionId, teacherSectionIds(db, teacher, sectionId))))
      .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id)),
  ]);
  const [section] = sectionRows;
  if (!section) return null;
  return { ...section, students: studentRows.map(toBadgeStudent) };
}

/** A student in one of the teacher's sections, with the district's PIN setting; null when not theirs. */
export async function findTeacherStudent(db: Db, teacher: TeacherRef, studentId: string): Promise<(BadgeStudent & { pinRequired: boolean }) | null> {
  const row = await db
    .select({ ...studentColumns, pinRequired: districts.badgePin })
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .innerJoin(districts, eq(districts.id, students.districtId))
    .leftJoin(badges, liveBadgeOf)
    .where(
      and(
        eq(students.id, studentId),
        eq(students.districtId, teacher.districtId),
        inArray(students.id, teacherStudentIds(db, teacher)),
      ),
    )
    .get();
  if (!row) return null;
  const { pinRequired, ...rest } = row;
  return { ...toBadgeStudent(rest), pinRequired };
}

/**
 * New badges for several students in one batch: their live badges voided (chunked IN lists),
 * then multi-row inserts of the badges and of one audit row per student. A handful of
 * statements for a whole class instead of three per student.
 */
export function regenerateBadges(
  db: Db,
  o: { secret: string; districtId: string; studentIds: readonly string[]; withPin: boolean; actor: { actorKind: "teacher"; actorId: string }; at?: number },
): { badgeIds: Map<string, string>; statements: Statement[] } {
  const at = o.at ?? now();
  const ids = [...new Set(o.studentIds)];
  const badgeIds = new Map(ids.map((s) => [s, newId("bdg")]));
  const rows = ids.map((studentId) => {
    const id = badgeIds.get(studentId)!;
    return {
      id,
      districtId: o.districtId,
      studentId,
      tokenHash: hashToken(badgeToken(o.secret, id)),
      pinHash: o.withPin ? badgePinHash(o.secret, id) : null,
      createdAt: at,
    };
  });
  return {
    badgeIds,
    statements: [
      // Voids first, so the one-live-badge-per-student index holds when the inserts run.
      ...chunk(ids, LOOKUP_CHUNK).map((part) =>
        db
          .update(badges)
          .set({ voidedAt: at })
          .where(and(eq(badges.districtId, o.districtId), inArray(badges.studentId, part), isNull(badges.voidedAt))),
      ),
      ...multiRow(rows, (part) => db.insert(badges).values(part)),
      // The old badges' sessions end with them.
      ...endBadgeSessionsOf(db, ids),
      ...auditInserts(
        db,
        rows.map((b) => ({ districtId: o.districtId, ...o.actor, action: "badge.regenerate", studentId: b.studentId, targetId: b.id, detail: { pin: o.withPin, section: true } })),
        at,
      ),
    ],
  };
}

/** "badge.view" rows for a printed class sheet: who printed whose badge. */
export function printedAudits(
  db: Db,
  o: { districtId: string; teacherId: string; sectionId: string; printed: readonly { studentId: string; badgeId: string }[]; at?: number },
): Statement[] {
  return auditInserts(
    db,
    o.printed.map((p) => ({
      districtId: o.districtId,
      actorKind: "teacher",
      actorId: o.teacherId,
      action: "badge.view",
      studentId: p.studentId,
      targetId: p.badgeId,
      detail: { as: "print", section: o.sectionId },
    })),
    o.at ?? now(),
  );
}
