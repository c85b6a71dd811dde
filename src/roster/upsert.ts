import { getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { endBadgeSessionsOf } from "../auth/grants";
import type { Db } from "../db/client";
import {
  enrollments,
  schools as schoolsTable,
  sectionTeachers,
  sections as sectionsTable,
  students as studentsTable,
  teachers as teachersTable,
} from "../db/schema";
import { newId } from "../lib/random";
import { now } from "../lib/time";
import type { RosterInput, StudentItem } from "./schemas";
import { chunk, LOOKUP_CHUNK, multiRow, runBatch, type Statement } from "../db/batch";
import { idsBySisId } from "./sis-ids";

export interface RosterIssue {
  path: string;
  message: string;
}

export interface UpsertCounts {
  created: number;
  updated: number;
}

export interface RosterCounts {
  schools: UpsertCounts;
  teachers: UpsertCounts;
  students: UpsertCounts;
  sections: UpsertCounts;
}

export type RosterPlan =
  | { ok: false; issues: RosterIssue[] }
  | { ok: true; statements: Statement[]; counts: RosterCounts };

/** More problems than this are summarised, so a bad 20,000-membership call still gets a small answer. */
const MAX_ISSUES = 1000;

/**
 * Validates the references of a roster call against this district (rows already stored, or earlier
 * in the same call) and, when all resolve, returns the statements that write it. Used by the single
 * PUTs (a one-item call) and by `POST /roster`, so upsert logic lives in one place.
 *
 * Every lookup is one batched round trip of chunked `IN (...)` queries; every write is a multi-row
 * statement sized to D1's 100 bound parameters, so a call costs a fraction of a statement per item.
 */
export async function planRosterUpsert(db: Db, districtId: string, input: RosterInput, at = now()): Promise<RosterPlan> {
  const schools = input.schools ?? [];
  const teachers = input.teachers ?? [];
  const students = input.students ?? [];
  const sections = input.sections ?? [];

  const issues: RosterIssue[] = [
    ...duplicateIssues("schools", schools),
    ...duplicateIssues("teachers", teachers),
    ...duplicateIssues("students", students),
    ...duplicateIssues("sections", sections),
  ];

  const [schoolIds, teacherIds, studentIds, sectionIds] = (await idsBySisId(db, districtId, [
    { table: "schools", sisIds: [...schools.map((s) => s.sisId), ...students.map((s) => s.schoolSisId), ...sections.map((s) => s.schoolSisId)] },
    { table: "teachers", sisIds: [...teachers.map((t) => t.sisId), ...sections.flatMap((s) => s.teacherSisIds ?? [])] },
    { table: "students", sisIds: [...students.map((s) => s.sisId), ...sections.flatMap((s) => s.studentSisIds ?? [])] },
    { table: "sections", sisIds: sections.map((s) => s.sisId) },
  ])) as [Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>];

  // Counted before the call's own new rows join the maps.
  const counts: RosterCounts = {
    schools: countExisting(schools, schoolIds),
    teachers: countExisting(teachers, teacherIds),
    students: countExisting(students, studentIds),
    sections: countExisting(sections, sectionIds),
  };
  const existingSectionIds = new Set(sectionIds.values());
  // Stored students sent with badges off: their badge sessions end in the same batch.
  const badgesTurnedOff = students.filter((s) => s.badgesEnabled === false && studentIds.has(s.sisId)).map((s) => studentIds.get(s.sisId)!);
  assignNewIds(schools, schoolIds, "sch");
  assignNewIds(teachers, teacherIds, "tch");
  assignNewIds(students, studentIds, "stu");
  assignNewIds(sections, sectionIds, "sec");

  const unknown = (kind: string, path: string, ref: string) =>
    issues.push({ path, message: `No ${kind} with sisId "${ref}" in this district or in this call.` });
  students.forEach((s, i) => {
    if (!schoolIds.has(s.schoolSisId)) unknown("school", `students.${i}.schoolSisId`, s.schoolSisId);
  });
  sections.forEach((s, i) => {
    if (!schoolIds.has(s.schoolSisId)) unknown("school", `sections.${i}.schoolSisId`, s.schoolSisId);
    s.teacherSisIds?.forEach((t, k) => {
      if (!teacherIds.has(t)) unknown("teacher", `sections.${i}.teacherSisIds.${k}`, t);
    });
    s.studentSisIds?.forEach((t, k) => {
      if (!studentIds.has(t)) unknown("student", `sections.${i}.studentSisIds.${k}`, t);
    });
  });
  if (issues.length > 0) return { ok: false, issues: capIssues(issues) };

  const id = (map: Map<string, string>, sisId: string) => map.get(sisId)!;
  const key = (t: typeof schoolsTable | typeof teachersTable | typeof sectionsTable) => [t.districtId, t.sisId];
  const statements: Statement[] = [
    ...multiRow(
      schools.map((s) => ({ id: id(schoolIds, s.sisId), districtId, sisId: s.sisId, name: s.name, createdAt: at, updatedAt: at })),
      (part) => db.insert(schoolsTable).values(part).onConflictDoUpdate({ target: key(schoolsTable), set: fromExcluded(schoolsTable, ["name", "updatedAt"]) }),
    ),
    ...multiRow(
      teachers.map((t) => ({ id: id(teacherIds, t.sisId), districtId, sisId: t.sisId, name: t.name, email: t.email, createdAt: at, updatedAt: at })),
      (part) =>
        db.insert(teachersTable).values(part).onConflictDoUpdate({ target: key(teachersTable), set: fromExcluded(teachersTable, ["name", "email", "updatedAt"]) }),
    ),
    ...studentStatements(db, districtId, students, studentIds, schoolIds, at),
    ...endBadgeSessionsOf(db, badgesTurnedOff),
    ...multiRow(
      sections.map((s) => ({
        id: id(sectionIds, s.sisId),
        districtId,
        sisId: s.sisId,
        schoolId: id(schoolIds, s.schoolSisId),
        name: s.name,
        createdAt: at,
        updatedAt: at,
      })),
      (part) =>
        db.insert(sectionsTable).values(part).onConflictDoUpdate({ target: key(sectionsTable), set: fromExcluded(sectionsTable, ["schoolId", "name", "updatedAt"]) }),
    ),
  ];

  // Memberships: a given list replaces the stored one (delete, then insert the new pairs).
  const teacherLists = sections.filter((s) => s.teacherSisIds !== undefined);
  const studentLists = sections.filter((s) => s.studentSisIds !== undefined);
  const stored = (list: typeof sections) => list.map((s) => id(sectionIds, s.sisId)).filter((sid) => existingSectionIds.has(sid));
  statements.push(
    ...chunk(stored(teacherLists), LOOKUP_CHUNK).map((part) => db.delete(sectionTeachers).where(inArray(sectionTeachers.sectionId, part))),
    ...chunk(stored(studentLists), LOOKUP_CHUNK).map((part) => db.delete(enrollments).where(inArray(enrollments.sectionId, part))),
    ...multiRow(
      teacherLists.flatMap((s) => [...new Set(s.teacherSisIds)].map((t) => ({ sectionId: id(sectionIds, s.sisId), teacherId: id(teacherIds, t) }))),
      (part) => db.insert(sectionTeachers).values(part),
    ),
    ...multiRow(
      studentLists.flatMap((s) => [...new Set(s.studentSisIds)].map((t) => ({ sectionId: id(sectionIds, s.sisId), studentId: id(studentIds, t) }))),
      (part) => db.insert(enrollments).values(part),
    ),
  );
  return { ok: true, statements, counts };
}

/**
 * Runs a plan's statements in one batch. A constraint failure means another call changed the same
 * rows between our lookups and our writes (e.g. both created one new sisId): D1 rolled the whole
 * batch back, so the caller can answer 409 and the client simply sends the call again.
 */
export async function applyRosterPlan(db: Db, statements: readonly Statement[]): Promise<"applied" | "conflict"> {
  try {
    await runBatch(db, statements);
    return "applied";
  } catch (err) {
    if (err instanceof Error && /constraint failed/i.test(err.message)) return "conflict";
    throw err;
  }
}

const STUDENT_OPTIONAL = ["grade", "badgesEnabled", "email"] as const;

/**
 * Students are grouped by which optional fields they carry, so a field left out keeps its stored
 * value (or the column default for a new row) while each group still shares multi-row statements.
 */
function studentStatements(
  db: Db,
  districtId: string,
  students: StudentItem[],
  studentIds: Map<string, string>,
  schoolIds: Map<string, string>,
  at: number,
): Statement[] {
  const groups = new Map<string, StudentItem[]>();
  for (const s of students) {
    const shape = STUDENT_OPTIONAL.map((field) => (s[field] === undefined ? "-" : "+")).join("");
    groups.set(shape, [...(groups.get(shape) ?? []), s]);
  }
  return [...groups.values()].flatMap((group) => {
    const present = STUDENT_OPTIONAL.filter((field) => group[0]![field] !== undefined);
    return multiRow(
      group.map((s) => ({
        id: studentIds.get(s.sisId)!,
        districtId,
        sisId: s.sisId,
        schoolId: schoolIds.get(s.schoolSisId)!,
        firstName: s.firstName,
        lastName: s.lastName,
        grade: s.grade,
        badgesEnabled: s.badgesEnabled,
        email: s.email,
        createdAt: at,
        updatedAt: at,
      })),
      (part) =>
        db
          .insert(studentsTable)
          .values(part)
          .onConflictDoUpdate({
            target: [studentsTable.districtId, studentsTable.sisId],
            set: fromExcluded(studentsTable, ["schoolId", "firstName", "lastName", ...present, "updatedAt"]),
          }),
    );
  });
}

/** `SET column = excluded.column` for an upsert's DO UPDATE. */
function fromExcluded<T extends SQLiteTable>(table: T, keys: readonly (keyof T["$inferInsert"] & string)[]): Partial<Record<keyof T["$inferInsert"], SQL>> {
  const columns = getTableColumns(table);
  const set: Partial<Record<keyof T["$inferInsert"], SQL>> = {};
  for (const k of keys) set[k] = sql.raw(`excluded."${columns[k]!.name}"`);
  return set;
}

function duplicateIssues(kind: string, items: readonly { sisId: string }[]): RosterIssue[] {
  const first = new Map<string, number>();
  const issues: RosterIssue[] = [];
  items.forEach((item, i) => {
    const seen = first.get(item.sisId);
    if (seen === undefined) first.set(item.sisId, i);
    else issues.push({ path: `${kind}.${i}.sisId`, message: `Duplicate sisId "${item.sisId}" (also at ${kind}.${seen}).` });
  });
  return issues;
}

function countExisting(items: readonly { sisId: string }[], ids: Map<string, string>): UpsertCounts {
  const updated = items.filter((i) => ids.has(i.sisId)).length;
  return { created: items.length - updated, updated };
}

function assignNewIds(items: readonly { sisId: string }[], ids: Map<string, string>, prefix: string): void {
  for (const item of items) if (!ids.has(item.sisId)) ids.set(item.sisId, newId(prefix));
}

function capIssues(issues: RosterIssue[]): RosterIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  return [...issues.slice(0, MAX_ISSUES), { path: "", message: `…and ${issues.length - MAX_ISSUES} more problems like these.` }];
}
