/**
 * Applying one step of an import: the stored rows it touches are read and compared, so each row is
 * counted created, updated, unchanged or removed, and only what changed is written, through the
 * roster's own upsert (planRosterUpsert) and the invitations' own plan (planInvitations). A dry
 * run reads and counts exactly the same way and returns no statements.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { chunk, LOOKUP_CHUNK, multiRow, rawBatch, runBatch, type Statement } from "../../db/batch";
import { enrollments, guardianContacts, schools, sections, sectionTeachers, students, teachers } from "../../db/schema";
import { planInvitations, type InvitationContext } from "../../invitations/create";
import { newId } from "../../lib/random";
import { deleteStudents } from "../../stewardship/students";
import { idsBySisId } from "../sis-ids";
import { planRosterUpsert } from "../upsert";
import type { ContactKey, ContactRow, Entity, EntityCounts, ImportOptions, Members, RowError, Step } from "./plan";

export interface StepResult {
  counts: Partial<Record<Entity, Partial<EntityCounts>>>;
  errors: RowError[];
  /** Writes to run in ONE batch with the import's own progress update. */
  statements: Statement[];
  /** Invitations created (the outbox is nudged at the end). */
  invited: number;
  /** Thread objects to erase after students were deleted. */
  deletedStudents: boolean;
}

export interface ApplyContext {
  db: Db;
  districtId: string;
  importId: string;
  options: ImportOptions;
  /** Needed only when `options.invite`. */
  invitations: () => Promise<InvitationContext>;
  now: number;
}

const result = (r: Partial<StepResult>): StepResult => ({ counts: {}, errors: [], statements: [], invited: 0, deletedStudents: false, ...r });

/** Chunked `IN (...)` reads in one round trip, rows concatenated. */
async function readIn<T>(db: Db, values: readonly string[], query: (part: string[]) => { all(): Promise<T[]> } & Statement): Promise<T[]> {
  const parts = chunk([...new Set(values)], LOOKUP_CHUNK - 2);
  if (parts.length === 0) return [];
  return ((await runBatch(db, parts.map(query))) as T[][]).flat();
}

/** Counts of a diff by sisId: rows not stored are created, rows equal to the stored one unchanged. */
function diff<T extends { sisId: string }, S extends { sisId: string }>(items: readonly T[], stored: readonly S[], same: (item: T, row: S) => boolean) {
  const bySis = new Map(stored.map((s) => [s.sisId, s]));
  const changed: T[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const item of items) {
    const row = bySis.get(item.sisId);
    if (!row) created++;
    else if (same(item, row)) {
      unchanged++;
      continue;
    } else updated++;
    changed.push(item);
  }
  return { changed, counts: { created, updated, unchanged } };
}

async function upsert(ctx: ApplyContext, entity: "schools" | "teachers" | "students" | "sections", changed: unknown[], file: string): Promise<Pick<StepResult, "statements" | "errors">> {
  if (ctx.options.dryRun || changed.length === 0) return { statements: [], errors: [] };
  const plan = await planRosterUpsert(ctx.db, ctx.districtId, { [entity]: changed });
  if (!plan.ok) return { statements: [], errors: plan.issues.map((i) => ({ file, line: null, column: null, code: "conflict", message: i.message })) };
  return { statements: plan.statements, errors: [] };
}

export async function applyStep(ctx: ApplyContext, step: Step): Promise<StepResult> {
  const { db, districtId } = ctx;
  switch (step.kind) {
    case "schools": {
      const stored = await readIn(db, step.items.map((s) => s.sisId), (part) =>
        db.select({ sisId: schools.sisId, name: schools.name }).from(schools).where(and(eq(schools.districtId, districtId), inArray(schools.sisId, part))),
      );
      const d = diff(step.items, stored, (a, b) => a.name === b.name);
      return result({ counts: { schools: d.counts }, ...(await upsert(ctx, "schools", d.changed, "orgs.csv")) });
    }
    case "teachers": {
      const stored = await readIn(db, step.items.map((s) => s.sisId), (part) =>
        db
          .select({ sisId: teachers.sisId, name: teachers.name, email: teachers.email })
          .from(teachers)
          .where(and(eq(teachers.districtId, districtId), inArray(teachers.sisId, part))),
      );
      const d = diff(step.items, stored, (a, b) => a.name === b.name && a.email === b.email);
      return result({ counts: { teachers: d.counts }, ...(await upsert(ctx, "teachers", d.changed, "users.csv")) });
    }
    case "students": {
      const stored = await readIn(db, step.items.map((s) => s.sisId), (part) =>
        db
          .select({ sisId: students.sisId, firstName: students.firstName, lastName: students.lastName, grade: students.grade, schoolSisId: schoolSisIdOf(students.schoolId) })
          .from(students)
          .where(and(eq(students.districtId, districtId), inArray(students.sisId, part))),
      );
      const d = diff(
        step.items,
        stored,
        (a, b) => a.firstName === b.firstName && a.lastName === b.lastName && a.schoolSisId === b.schoolSisId && (a.grade === undefined || a.grade === b.grade),
      );
      return result({ counts: { students: d.counts }, ...(await upsert(ctx, "students", d.changed, "users.csv")) });
    }
    case "sections": {
      const stored = await readIn(db, step.items.map((s) => s.sisId), (part) =>
        db
          .select({ sisId: sections.sisId, name: sections.name, schoolSisId: schoolSisIdOf(sections.schoolId) })
          .from(sections)
          .where(and(eq(sections.districtId, districtId), inArray(sections.sisId, part))),
      );
      const d = diff(step.items, stored, (a, b) => a.name === b.name && a.schoolSisId === b.schoolSisId);
      return result({ counts: { sections: d.counts }, ...(await upsert(ctx, "sections", d.changed, "classes.csv")) });
    }
    case "memberships":
      return memberships(ctx, step.items, step.replace ? "replace" : "add");
    case "removeMemberships":
      return memberships(ctx, step.items, "remove");
    case "contacts":
      return contacts(ctx, step.items);
    case "removeContacts":
      return removeContacts(ctx, step.items);
    case "removeSections": {
      const stored = await idsBySisId(db, districtId, [{ table: "sections", sisIds: step.sisIds }]);
      const ids = [...stored[0]!.values()];
      const statements = ctx.options.dryRun ? [] : chunk(ids, LOOKUP_CHUNK).map((part) => db.delete(sections).where(and(eq(sections.districtId, districtId), inArray(sections.id, part))));
      return result({ counts: { sections: { removed: ids.length } }, statements });
    }
    case "removeStudents": {
      const stored = await idsBySisId(db, districtId, [{ table: "students", sisIds: step.sisIds }]);
      const ids = [...stored[0]!.values()];
      // The existing deletion path: everything that names the students goes, the audit keeps pseudonyms.
      if (!ctx.options.dryRun && ids.length > 0) {
        await deleteStudents(db, districtId, ids, { action: "student.delete", actor: { actorKind: "district", actorId: districtId }, detail: { importId: ctx.importId } }, ctx.now);
      }
      return result({ counts: { students: { removed: ids.length } }, deletedStudents: ids.length > 0 && !ctx.options.dryRun });
    }
  }
}

/**
 * A school's sisId as a subquery, not a join: D1 returns a batch's rows as arrays, and two joined
 * columns both named sis_id would come back as one.
 */
const schoolSisIdOf = (schoolId: SQLiteColumn) => sql<string>`(SELECT sc.sis_id FROM schools sc WHERE sc.id = ${schoolId})`;

type MemberRole = "teacher" | "student";
const pairKey = (section: string, role: MemberRole, user: string) => `${section}\u0000${role}\u0000${user}`;

async function storedMembers(db: Db, districtId: string, sectionSisIds: string[]) {
  const teacherPairs = await readIn(db, sectionSisIds, (part) =>
    db
      .select({ section: sections.sisId, user: sql<string>`(SELECT t.sis_id FROM teachers t WHERE t.id = ${sectionTeachers.teacherId})` })
      .from(sectionTeachers)
      .innerJoin(sections, eq(sections.id, sectionTeachers.sectionId))
      .where(and(eq(sections.districtId, districtId), inArray(sections.sisId, part))),
  );
  const studentPairs = await readIn(db, sectionSisIds, (part) =>
    db
      .select({ section: sections.sisId, user: sql<string>`(SELECT st.sis_id FROM students st WHERE st.id = ${enrollments.studentId})` })
      .from(enrollments)
      .innerJoin(sections, eq(sections.id, enrollments.sectionId))
      .where(and(eq(sections.districtId, districtId), inArray(sections.sisId, part))),
  );
  return new Set([...teacherPairs.map((p) => pairKey(p.section, "teacher", p.user)), ...studentPairs.map((p) => pairKey(p.section, "student", p.user))]);
}

/** Section memberships: added, removed (delta rows), or replaced (bulk with removeMissing). */
async function memberships(ctx: ApplyContext, items: Members[], mode: "add" | "replace" | "remove"): Promise<StepResult> {
  const { db, districtId } = ctx;
  const stored = await storedMembers(db, districtId, items.map((m) => m.sectionSisId));
  const listed = new Set<string>();
  const add: [string, MemberRole, string][] = [];
  const remove: [string, MemberRole, string][] = [];
  let unchanged = 0;
  for (const m of items) {
    for (const [role, users] of [["teacher", m.teacherSisIds], ["student", m.studentSisIds]] as const) {
      for (const u of users) {
        const key = pairKey(m.sectionSisId, role, u);
        listed.add(key);
        if (mode === "remove") {
          if (stored.has(key)) remove.push([m.sectionSisId, role, u]);
        } else if (stored.has(key)) unchanged++;
        else add.push([m.sectionSisId, role, u]);
      }
    }
  }
  if (mode === "replace") {
    for (const key of stored) {
      if (!listed.has(key)) remove.push(key.split("\u0000") as [string, MemberRole, string]);
    }
  }
  const counts = { enrollments: { created: add.length, unchanged, removed: remove.length } };
  if (ctx.options.dryRun || add.length + remove.length === 0) return result({ counts });

  const all = [...add, ...remove];
  const [sectionIds, teacherIds, studentIds] = await idsBySisId(db, districtId, [
    { table: "sections", sisIds: all.map((p) => p[0]) },
    { table: "teachers", sisIds: all.filter((p) => p[1] === "teacher").map((p) => p[2]) },
    { table: "students", sisIds: all.filter((p) => p[1] === "student").map((p) => p[2]) },
  ]);
  const ids = (p: [string, MemberRole, string]) => ({ sectionId: sectionIds!.get(p[0]), userId: (p[1] === "teacher" ? teacherIds : studentIds)!.get(p[2]) });
  const resolved = (list: [string, MemberRole, string][], role: MemberRole) =>
    list.filter((p) => p[1] === role).map(ids).filter((p): p is { sectionId: string; userId: string } => p.sectionId !== undefined && p.userId !== undefined);
  const statements: Statement[] = [
    ...multiRow(resolved(add, "teacher").map((p) => ({ sectionId: p.sectionId, teacherId: p.userId })), (part) => db.insert(sectionTeachers).values(part).onConflictDoNothing()),
    ...multiRow(resolved(add, "student").map((p) => ({ sectionId: p.sectionId, studentId: p.userId })), (part) => db.insert(enrollments).values(part).onConflictDoNothing()),
    ...pairDeletes(resolved(remove, "teacher"), (section, users) => db.delete(sectionTeachers).where(and(eq(sectionTeachers.sectionId, section), inArray(sectionTeachers.teacherId, users)))),
    ...pairDeletes(resolved(remove, "student"), (section, users) => db.delete(enrollments).where(and(eq(enrollments.sectionId, section), inArray(enrollments.studentId, users)))),
  ];
  return result({ counts, statements });
}

function pairDeletes(pairs: { sectionId: string; userId: string }[], build: (section: string, users: string[]) => Statement): Statement[] {
  const bySection = new Map<string, string[]>();
  for (const p of pairs) bySection.set(p.sectionId, [...(bySection.get(p.sectionId) ?? []), p.userId]);
  return [...bySection].flatMap(([section, users]) => chunk(users, LOOKUP_CHUNK).map((part) => build(section, part)));
}

const contactKey = (c: ContactKey) => `${c.studentSisId}\u0000${c.channel}\u0000${c.address}`;

/** Guardian contacts: upserted with the parent's sourcedId; with `invite`, an invitation to each that has none pending or accepted. */
async function contacts(ctx: ApplyContext, items: ContactRow[]): Promise<StepResult> {
  const { db, districtId, now } = ctx;
  const stored = await readIn(db, items.map((c) => c.studentSisId), (part) =>
    db
      .select({
        studentSisId: students.sisId,
        channel: guardianContacts.channel,
        address: guardianContacts.address,
        name: guardianContacts.name,
        relationship: guardianContacts.relationship,
        language: guardianContacts.language,
        sourceId: guardianContacts.sourceId,
        invited: sql<number>`EXISTS (SELECT 1 FROM invitations i WHERE i.student_id = ${guardianContacts.studentId} AND i.channel = ${guardianContacts.channel} AND i.address = ${guardianContacts.address} AND (i.status = 'accepted' OR (i.status = 'pending' AND i.expires_at > ${now})))`,
      })
      .from(guardianContacts)
      .innerJoin(students, eq(students.id, guardianContacts.studentId))
      .where(and(eq(students.districtId, districtId), inArray(students.sisId, part))),
  );
  const byKey = new Map(stored.map((s) => [contactKey(s), s]));
  const changed: ContactRow[] = [];
  const toInvite: ContactRow[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0 };
  let alreadyInvited = 0;
  for (const c of items) {
    const s = byKey.get(contactKey(c));
    if (s && sameContact(s, c)) counts.unchanged++;
    else {
      counts[s ? "updated" : "created"]++;
      changed.push(c);
    }
    if (ctx.options.invite) {
      if (s?.invited) alreadyInvited++;
      else toInvite.push(c);
    }
  }
  const out = result({ counts: { contacts: counts, invitations: { created: toInvite.length, unchanged: alreadyInvited } } });
  if (ctx.options.dryRun) return out;

  const [studentIds] = await idsBySisId(db, districtId, [{ table: "students", sisIds: changed.map((c) => c.studentSisId) }]);
  const rows = changed
    .filter((c) => studentIds!.has(c.studentSisId))
    .map((c) => ({
      id: newId("gcn"),
      districtId,
      studentId: studentIds!.get(c.studentSisId)!,
      channel: c.channel,
      address: c.address,
      name: c.name,
      relationship: c.relationship,
      language: c.language,
      sourceId: c.sourceId,
      createdAt: now,
      updatedAt: now,
    }));
  out.statements.push(
    ...multiRow(rows, (part) =>
      db
        .insert(guardianContacts)
        .values(part)
        .onConflictDoUpdate({
          target: [guardianContacts.studentId, guardianContacts.channel, guardianContacts.address],
          set: {
            name: sql`excluded.name`,
            relationship: sql`excluded.relationship`,
            language: sql`coalesce(excluded.language, ${guardianContacts.language})`,
            sourceId: sql`excluded.source_id`,
            updatedAt: sql`excluded.updated_at`,
          },
        }),
    ),
  );
  if (toInvite.length > 0) {
    const plan = await planInvitations(
      await ctx.invitations(),
      toInvite.map((c) => ({ studentSisId: c.studentSisId, channel: c.channel, address: c.address, name: c.name, relationship: c.relationship, language: c.language })),
    );
    out.statements.push(...plan.statements);
    out.invited = plan.created.length;
    out.counts.invitations = { created: plan.created.length, unchanged: alreadyInvited };
    plan.outcomes.forEach((o, i) => {
      if (!o.ok) out.errors.push({ file: "users.csv", line: null, column: null, code: o.error.code, message: `Invitation for ${toInvite[i]!.sourceId} (student ${toInvite[i]!.studentSisId}): ${o.error.message}` });
    });
  }
  return out;
}

function sameContact(s: { name: string | null; relationship: string | null; language: string | null; sourceId: string | null }, c: ContactRow): boolean {
  return s.name === c.name && s.relationship === c.relationship && (c.language === null || s.language === c.language) && s.sourceId === c.sourceId;
}

/** Contacts (with their invitations) removed by a delta or by removeMissing, in one statement per step. */
async function removeContacts(ctx: ApplyContext, items: ContactKey[]): Promise<StepResult> {
  const { db, districtId, now } = ctx;
  const keys = JSON.stringify(items.map((k) => [k.studentSisId, k.channel, k.address]));
  const matches = (alias: string): SQL =>
    sql`EXISTS (SELECT 1 FROM json_each(${keys}) k JOIN students s ON s.district_id = ${districtId} AND s.sis_id = json_extract(k.value, '$[0]') WHERE ${sql.raw(alias)}.student_id = s.id AND ${sql.raw(alias)}.channel = json_extract(k.value, '$[1]') AND ${sql.raw(alias)}.address = json_extract(k.value, '$[2]'))`;
  const [counted] = await rawBatch<{ contacts: number; invitations: number }>(db, [
    sql`SELECT (SELECT count(*) FROM guardian_contacts gc WHERE gc.district_id = ${districtId} AND ${matches("gc")}) AS contacts,
      (SELECT count(*) FROM invitations i WHERE i.district_id = ${districtId} AND i.status = 'pending' AND i.expires_at > ${now} AND ${matches("i")}) AS invitations`,
  ]);
  const row = counted?.results[0] ?? { contacts: 0, invitations: 0 };
  const counts = { contacts: { removed: row.contacts }, invitations: { removed: row.invitations } };
  if (ctx.options.dryRun || row.contacts === 0) return result({ counts });
  // Their invitations go with them (invitations.contact_id cascades); connected accounts stay.
  return result({ counts, statements: [db.delete(guardianContacts).where(and(eq(guardianContacts.districtId, districtId), matches("guardian_contacts")))] });
}
