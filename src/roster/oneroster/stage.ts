/**
 * Reading a OneRoster zip (1.1 or 1.2, CSV binding) into the steps that apply it: every file is
 * streamed and parsed once, rows mapped to schools, teachers, students, sections, memberships and
 * guardian contacts, references checked against the import and the district's stored rows, and
 * the row errors collected. Nothing is written here; the steps are applied one per alarm (apply.ts).
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { chunk } from "../../db/batch";
import { guardianContacts, sections, students } from "../../db/schema";
import { BCP47 } from "../../i18n/negotiate";
import { normalizeEmail, normalizePhone } from "../../invitations/normalize";
import { cleanLine } from "../../lib/text";
import { email as emailSchema, sisId as sisIdSchema } from "../schemas";
import { idsBySisId } from "../sis-ids";
import { csvRecords, CsvTable } from "./csv";
import type { ContactKey, ContactRow, ImportOptions, Members, RowError, SchoolRow, SectionRow, Step, StudentRow, TeacherRow } from "./plan";
import { openEntry, readZipEntries, ZipError, type ZipEntry, type ZipSource } from "./zip";

export class ImportFailed extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

export interface StagedImport {
  version: string;
  steps: Step[];
  errors: RowError[];
}

type Mode = "bulk" | "delta" | "absent";
const FILES = ["orgs", "users", "classes", "enrollments", "academicSessions", "courses", "demographics", "roles"] as const;
type FileName = (typeof FILES)[number];

/** Step sizes: each keeps one alarm's statements far below D1's 1,000 queries per invocation. */
export const STEP_ITEMS = { rows: 1000, contacts: 500, memberPairs: 2000, removals: 200 } as const;

const CONTACT_ROLES = new Set(["parent", "guardian", "relative"]);
const fail = (file: string, code: string, message: string): never => {
  throw new ImportFailed({ file, line: null, column: null, code, message });
};

interface Row {
  line: number;
  fields: string[];
}

/** The zip's CSV files by name, at the root or in one folder. */
function indexEntries(entries: ZipEntry[]): Map<string, ZipEntry> {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const parts = e.name.split("/");
    if (parts.length > 2 || parts.some((p) => p.startsWith("__MACOSX") || p.startsWith("."))) continue;
    const base = parts[parts.length - 1]!;
    if (!byName.has(base)) byName.set(base, e);
  }
  return byName;
}

async function readTable(source: ZipSource, entry: ZipEntry, onRow: (table: CsvTable, row: Row) => void): Promise<CsvTable | null> {
  let table: CsvTable | null = null;
  for await (const batch of csvRecords(await openEntry(source, entry))) {
    for (const r of batch) {
      if (!table) table = new CsvTable(r.fields);
      else onRow(table, r);
    }
  }
  return table;
}

interface UserRecord {
  line: number;
  sourcedId: string;
  deleted: boolean;
  role: string;
  orgs: string[];
  givenName: string;
  familyName: string;
  email: string;
  sms: string;
  phone: string;
  agents: string[];
  grade: string;
  language: string;
}

/**
 * A damaged entry (bad deflate data, an entry outside the file) fails the import with the file's
 * name; errors from D1 or our own code are not the upload's fault and propagate (the alarm retries).
 */
async function readSafely(file: string, read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (err) {
    if (err instanceof ZipError || err instanceof TypeError || (err instanceof Error && /decompress|inflate|deflate|zlib|invalid/i.test(err.message))) {
      fail(file, "unreadable_file", `${file} could not be read from the zip (${err.message}); export it again.`);
    }
    throw err;
  }
}

/** Reads and maps the zip; throws ImportFailed for a zip we cannot read at all. */
export async function stageImport(db: Db, districtId: string, source: ZipSource, options: ImportOptions): Promise<StagedImport> {
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(source);
  } catch (err) {
    if (err instanceof ZipError) fail("", "not_a_zip", err.message);
    throw err;
  }
  const files = indexEntries(entries);
  const errors: RowError[] = [];
  const rowError = (file: string, line: number, column: string | null, code: string, message: string) => errors.push({ file, line, column, code, message });

  // manifest.csv
  const manifestEntry = files.get("manifest.csv") ?? fail("manifest.csv", "missing_file", "The zip has no manifest.csv; a OneRoster CSV export always has one.");
  const manifest = new Map<string, string>();
  await readSafely("manifest.csv", () => readTable(source, manifestEntry, (t, r) => manifest.set(t.get(r.fields, "propertyName"), t.get(r.fields, "value"))));
  const version = manifest.get("oneroster.version") ?? "";
  if (version !== "1.1" && version !== "1.2") {
    fail("manifest.csv", "unsupported_version", `manifest.csv gives oneroster.version "${version}"; this import reads 1.1 and 1.2.`);
  }
  const mode = (name: FileName): Mode => {
    const given = (manifest.get(`file.${name}`) ?? "").toLowerCase();
    if (given === "absent" || given === "bulk" || given === "delta") return given;
    return files.has(`${name}.csv`) ? "bulk" : "absent";
  };
  const entry = (name: FileName) => (mode(name) === "absent" ? undefined : files.get(`${name}.csv`));
  if (!entry("users")) fail("users.csv", "missing_file", "The zip has no users.csv (or the manifest says it is absent); there is nothing to import.");

  const readRows = async (name: FileName, onRow: (t: CsvTable, r: Row) => void) => {
    const e = entry(name);
    if (e) await readSafely(`${name}.csv`, () => readTable(source, e, onRow));
  };
  const deleted = (t: CsvTable, r: Row) => t.get(r.fields, "status").toLowerCase() === "tobedeleted";
  const validSisId = (file: string, r: Row, column: string, value: string) => {
    const parsed = sisIdSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    rowError(file, r.line, column, value === "" ? "missing_value" : "invalid_id", value === "" ? `${column} is empty.` : `${column} "${value.slice(0, 140)}" is not an id we can store: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
    return null;
  };
  const name = (v: string) => cleanLine(v).trim().slice(0, 200);

  // orgs.csv: schools (other org types are only parents of schools).
  const schools = new Map<string, SchoolRow>();
  await readRows("orgs", (t, r) => {
    if (t.get(r.fields, "type").toLowerCase() !== "school" || deleted(t, r)) return;
    const sisId = validSisId("orgs.csv", r, "sourcedId", t.get(r.fields, "sourcedId"));
    if (!sisId) return;
    const n = name(t.get(r.fields, "name"));
    if (!n) return void rowError("orgs.csv", r.line, "name", "missing_value", `School ${sisId} has no name.`);
    if (schools.has(sisId)) return void rowError("orgs.csv", r.line, "sourcedId", "duplicate", `School ${sisId} appears twice.`);
    schools.set(sisId, { sisId, name: n });
  });

  // users.csv (passwords are never read), then 1.2's roles.csv for role and organisation.
  const users = new Map<string, UserRecord>();
  let languageColumns: string[] = [];
  await readRows("users", (t, r) => {
    if (languageColumns.length === 0) languageColumns = t.columnsMatching((c) => c === "language" || /^(metadata\.)?ext_.*language/i.test(c));
    const sourcedId = validSisId("users.csv", r, "sourcedId", t.get(r.fields, "sourcedId"));
    if (!sourcedId) return;
    if (users.has(sourcedId)) return void rowError("users.csv", r.line, "sourcedId", "duplicate", `User ${sourcedId} appears twice.`);
    const get = (c: string) => t.get(r.fields, c);
    users.set(sourcedId, {
      line: r.line,
      sourcedId,
      deleted: deleted(t, r),
      role: get("role").toLowerCase(),
      orgs: t.list(r.fields, "orgSourcedIds"),
      givenName: get("givenName"),
      familyName: get("familyName"),
      email: get("email"),
      sms: get("sms"),
      phone: get("phone"),
      agents: t.list(r.fields, "agentSourcedIds"),
      grade: t.list(r.fields, "grades")[0] ?? "",
      language: languageColumns.map((c) => get(c)).find((v) => v !== "") ?? "",
    });
  });
  if (version === "1.2") {
    const primary = new Map<string, { role: string; org: string }>();
    const orgsOf = new Map<string, string[]>();
    await readRows("roles", (t, r) => {
      if (deleted(t, r)) return;
      const user = t.get(r.fields, "userSourcedId");
      const role = t.get(r.fields, "role").toLowerCase();
      const org = t.get(r.fields, "orgSourcedId");
      if (!users.has(user)) return void rowError("roles.csv", r.line, "userSourcedId", "unknown_user", `Role for user ${user}, who is not in users.csv.`);
      orgsOf.set(user, [...(orgsOf.get(user) ?? []), org]);
      if (t.get(r.fields, "roleType").toLowerCase() === "primary" || !primary.has(user)) primary.set(user, { role, org });
    });
    for (const u of users.values()) {
      const p = primary.get(u.sourcedId);
      if (p) {
        u.role = p.role;
        u.orgs = [p.org, ...(orgsOf.get(u.sourcedId) ?? []).filter((o) => o !== p.org)];
      }
    }
  }

  // classes.csv and enrollments.csv, kept raw until references can be checked.
  const classRows: { r: Row; sisId: string; title: string; school: string; deleted: boolean }[] = [];
  await readRows("classes", (t, r) => {
    const sisId = validSisId("classes.csv", r, "sourcedId", t.get(r.fields, "sourcedId"));
    if (sisId) classRows.push({ r, sisId, title: name(t.get(r.fields, "title")), school: t.get(r.fields, "schoolSourcedId"), deleted: deleted(t, r) });
  });
  const enrollmentRows: { line: number; cls: string; user: string; role: string; deleted: boolean }[] = [];
  await readRows("enrollments", (t, r) => {
    const role = t.get(r.fields, "role").toLowerCase();
    if (role !== "teacher" && role !== "student") return;
    enrollmentRows.push({ line: r.line, cls: t.get(r.fields, "classSourcedId"), user: t.get(r.fields, "userSourcedId"), role, deleted: deleted(t, r) });
  });

  // What the rows refer to that this zip does not hold: looked up among the district's stored rows.
  const active = [...users.values()].filter((u) => !u.deleted);
  const isStudent = (u: UserRecord) => u.role === "student";
  const isTeacher = (u: UserRecord) => u.role === "teacher";
  const importedStudents = new Set(active.filter(isStudent).map((u) => u.sourcedId));
  const importedTeachers = new Set(active.filter(isTeacher).map((u) => u.sourcedId));
  const importedSections = new Set(classRows.filter((c) => !c.deleted).map((c) => c.sisId));
  const [storedSchools, storedTeachers, storedStudents, storedSections] = (await idsBySisId(db, districtId, [
    { table: "schools", sisIds: [...active.filter(isStudent).flatMap((u) => u.orgs), ...classRows.map((c) => c.school)].filter((s) => !schools.has(s) && sisIdSchema.safeParse(s).success) },
    { table: "teachers", sisIds: enrollmentRows.filter((e) => e.role === "teacher" && !importedTeachers.has(e.user)).map((e) => e.user).filter(okId) },
    {
      table: "students",
      sisIds: [
        ...enrollmentRows.filter((e) => e.role === "student").map((e) => e.user),
        ...active.filter((u) => CONTACT_ROLES.has(u.role)).flatMap((u) => u.agents),
        ...[...users.values()].filter((u) => u.deleted && isStudent(u)).map((u) => u.sourcedId),
      ].filter((s) => !importedStudents.has(s) && okId(s)),
    },
    { table: "sections", sisIds: [...enrollmentRows.map((e) => e.cls), ...classRows.filter((c) => c.deleted).map((c) => c.sisId)].filter((s) => !importedSections.has(s) && okId(s)) },
  ])) as [Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>];
  const schoolKnown = (s: string) => schools.has(s) || storedSchools.has(s);

  // Users → teachers, students and (below) contacts.
  const teacherRows: TeacherRow[] = [];
  const studentRows: StudentRow[] = [];
  const removedStudents: string[] = [];
  const removedContactSources = new Set<string>();
  const studentsOk = new Set<string>();
  for (const u of users.values()) {
    if (u.deleted) {
      if (isStudent(u) && storedStudents.has(u.sourcedId)) removedStudents.push(u.sourcedId);
      if (CONTACT_ROLES.has(u.role)) removedContactSources.add(u.sourcedId);
      continue;
    }
    const fullName = name(`${u.givenName} ${u.familyName}`);
    if (u.role === "") {
      rowError("users.csv", u.line, version === "1.2" ? null : "role", "no_role", `User ${u.sourcedId} has no role (${version === "1.2" ? "no row in roles.csv" : "the role column is empty"}).`);
      continue;
    }
    if (isTeacher(u)) {
      const email = emailSchema.safeParse(u.email);
      if (!fullName) rowError("users.csv", u.line, "givenName", "missing_value", `Teacher ${u.sourcedId} has no name.`);
      else if (!email.success) rowError("users.csv", u.line, "email", u.email ? "invalid_email" : "missing_value", u.email ? `Teacher ${u.sourcedId}: "${u.email.slice(0, 100)}" is not an email address.` : `Teacher ${u.sourcedId} has no email (teachers sign in with it).`);
      else teacherRows.push({ sisId: u.sourcedId, name: fullName, email: email.data });
    } else if (isStudent(u)) {
      const firstName = name(u.givenName);
      const lastName = name(u.familyName);
      const school = u.orgs.find(schoolKnown);
      if (!firstName || !lastName) rowError("users.csv", u.line, firstName ? "familyName" : "givenName", "missing_value", `Student ${u.sourcedId} has no ${firstName ? "family" : "given"} name.`);
      else if (!school) rowError("users.csv", u.line, version === "1.2" ? "orgSourcedId" : "orgSourcedIds", "no_school", `Student ${u.sourcedId} belongs to no school in orgs.csv or in this district.`);
      else {
        const grade = cleanLine(u.grade).trim().slice(0, 32);
        studentRows.push({ sisId: u.sourcedId, firstName, lastName, schoolSisId: school, ...(grade ? { grade } : {}) });
        studentsOk.add(u.sourcedId);
      }
    }
  }
  const studentKnown = (s: string) => studentsOk.has(s) || storedStudents.has(s);

  // Parents, guardians and relatives → the contacts of the students they are linked to, either way.
  const linked = new Map<string, Set<string>>();
  for (const u of active) {
    if (!isStudent(u)) continue;
    for (const agent of u.agents) {
      if (!linked.has(agent)) linked.set(agent, new Set());
      linked.get(agent)!.add(u.sourcedId);
    }
  }
  const contactRows: ContactRow[] = [];
  const contactSeen = new Set<string>();
  for (const u of active) {
    if (!CONTACT_ROLES.has(u.role)) continue;
    const kids = new Set([...u.agents, ...(linked.get(u.sourcedId) ?? [])].filter(studentKnown));
    if (kids.size === 0) {
      rowError("users.csv", u.line, "agentSourcedIds", "no_student", `${u.role} ${u.sourcedId} is linked to no student of this import or district.`);
      continue;
    }
    const addresses: { channel: "email" | "sms"; address: string }[] = [];
    if (u.email) {
      const email = emailSchema.safeParse(u.email);
      if (!email.success) {
        rowError("users.csv", u.line, "email", "invalid_email", `${u.role} ${u.sourcedId}: "${u.email.slice(0, 100)}" is not an email address.`);
        continue;
      }
      addresses.push({ channel: "email", address: normalizeEmail(email.data) });
    }
    const phoneRaw = u.sms || u.phone;
    if (phoneRaw) {
      const phone = normalizePhone(phoneRaw);
      if (phone === null) {
        rowError("users.csv", u.line, u.sms ? "sms" : "phone", "invalid_phone", `${u.role} ${u.sourcedId}: "${phoneRaw.slice(0, 40)}" is not a phone number we can read (+<country code><number>, or 10 digits).`);
        continue;
      }
      addresses.push({ channel: "sms", address: phone });
    }
    if (addresses.length === 0) {
      rowError("users.csv", u.line, "email", "no_address", `${u.role} ${u.sourcedId} has neither an email nor a phone number.`);
      continue;
    }
    for (const studentSisId of kids) {
      // The parent's own language column, else the home language given on the student's row.
      const language = languageTag(u.language) ?? languageTag(users.get(studentSisId)?.language ?? "");
      for (const a of addresses) {
        const key = `${studentSisId}\u0000${a.channel}\u0000${a.address}`;
        if (contactSeen.has(key)) continue; // two family members sharing one address: one contact
        contactSeen.add(key);
        contactRows.push({ studentSisId, ...a, name: name(`${u.givenName} ${u.familyName}`) || null, relationship: u.role, language, sourceId: u.sourcedId });
      }
    }
  }

  // Classes → sections; enrollments → memberships.
  const sectionRows: SectionRow[] = [];
  const removedSections: string[] = [];
  const sectionsOk = new Set<string>();
  for (const c of classRows) {
    if (c.deleted) {
      if (storedSections.has(c.sisId)) removedSections.push(c.sisId);
      continue;
    }
    if (sectionsOk.has(c.sisId)) rowError("classes.csv", c.r.line, "sourcedId", "duplicate", `Class ${c.sisId} appears twice.`);
    else if (!c.title) rowError("classes.csv", c.r.line, "title", "missing_value", `Class ${c.sisId} has no title.`);
    else if (!schoolKnown(c.school)) rowError("classes.csv", c.r.line, "schoolSourcedId", "unknown_school", `Class ${c.sisId} names school "${c.school.slice(0, 140)}", which is not in orgs.csv or in this district.`);
    else {
      sectionRows.push({ sisId: c.sisId, name: c.title, schoolSisId: c.school });
      sectionsOk.add(c.sisId);
    }
  }
  const adds = new Map<string, Members>();
  const removes = new Map<string, Members>();
  const memberOf = (map: Map<string, Members>, s: string) => {
    let m = map.get(s);
    if (!m) map.set(s, (m = { sectionSisId: s, teacherSisIds: [], studentSisIds: [] }));
    return m;
  };
  for (const e of enrollmentRows) {
    const sectionKnown = sectionsOk.has(e.cls) || storedSections.has(e.cls);
    const userKnown = e.role === "teacher" ? importedTeachers.has(e.user) || storedTeachers.has(e.user) : studentKnown(e.user);
    if (!sectionKnown) {
      rowError("enrollments.csv", e.line, "classSourcedId", "unknown_class", `Enrollment names class "${e.cls.slice(0, 140)}", which is not in classes.csv or in this district.`);
      continue;
    }
    if (!userKnown) {
      rowError("enrollments.csv", e.line, "userSourcedId", "unknown_user", `Enrollment names ${e.role} "${e.user.slice(0, 140)}", who is not in users.csv or in this district.`);
      continue;
    }
    const m = memberOf(e.deleted ? removes : adds, e.cls);
    (e.role === "teacher" ? m.teacherSisIds : m.studentSisIds).push(e.user);
  }

  // Removals: delta rows marked tobedeleted, and with removeMissing what a bulk file leaves out.
  const bulk = (n: FileName) => mode(n) === "bulk";
  const removedContacts: ContactKey[] = [];
  if (removedContactSources.size > 0 || (options.removeMissing && bulk("users"))) {
    const stored = await db
      .select({ sourceId: guardianContacts.sourceId, studentSisId: students.sisId, channel: guardianContacts.channel, address: guardianContacts.address })
      .from(guardianContacts)
      .innerJoin(students, eq(students.id, guardianContacts.studentId))
      .where(and(eq(guardianContacts.districtId, districtId), isNotNull(guardianContacts.sourceId)))
      .all();
    for (const c of stored) {
      const key = `${c.studentSisId}\u0000${c.channel}\u0000${c.address}`;
      const missing = options.removeMissing && bulk("users") && !contactSeen.has(key);
      if (removedContactSources.has(c.sourceId ?? "") || missing) removedContacts.push({ studentSisId: c.studentSisId, channel: c.channel, address: c.address });
    }
  }
  if (options.removeMissing && bulk("users")) {
    const listed = new Set(users.keys());
    const stored = await db.select({ sisId: students.sisId }).from(students).where(eq(students.districtId, districtId)).all();
    for (const s of stored) if (!listed.has(s.sisId)) removedStudents.push(s.sisId);
  }
  if (options.removeMissing && bulk("classes")) {
    const listed = new Set(classRows.map((c) => c.sisId));
    const stored = await db.select({ sisId: sections.sisId }).from(sections).where(eq(sections.districtId, districtId)).all();
    for (const s of stored) if (!listed.has(s.sisId) && !removedSections.includes(s.sisId)) removedSections.push(s.sisId);
  }
  const replaceMembers = options.removeMissing && bulk("enrollments");
  if (replaceMembers) for (const s of sectionsOk) memberOf(adds, s);

  const steps: Step[] = [
    ...chunk(schoolRowsOf(schools), STEP_ITEMS.rows).map((items): Step => ({ kind: "schools", items })),
    ...chunk(teacherRows, STEP_ITEMS.rows).map((items): Step => ({ kind: "teachers", items })),
    ...chunk(studentRows, STEP_ITEMS.rows).map((items): Step => ({ kind: "students", items })),
    ...chunk(sectionRows, STEP_ITEMS.rows).map((items): Step => ({ kind: "sections", items })),
    ...memberChunks([...adds.values()]).map((items): Step => ({ kind: "memberships", items, replace: replaceMembers })),
    ...chunk(contactRows, STEP_ITEMS.contacts).map((items): Step => ({ kind: "contacts", items })),
    ...memberChunks([...removes.values()]).map((items): Step => ({ kind: "removeMemberships", items })),
    ...chunk(removedContacts, STEP_ITEMS.rows).map((items): Step => ({ kind: "removeContacts", items })),
    ...chunk(removedSections, STEP_ITEMS.removals).map((sisIds): Step => ({ kind: "removeSections", sisIds })),
    ...chunk(removedStudents, STEP_ITEMS.removals).map((sisIds): Step => ({ kind: "removeStudents", sisIds })),
  ];
  return { version, steps, errors };
}

const okId = (s: string) => sisIdSchema.safeParse(s).success;
const languageTag = (v: string): string | null => (v !== "" && v.length <= 35 && BCP47.test(v) ? v : null);
const schoolRowsOf = (m: Map<string, SchoolRow>) => [...m.values()];

/** Sections grouped so a step holds about STEP_ITEMS.memberPairs memberships. */
function memberChunks(items: Members[]): Members[][] {
  const out: Members[][] = [];
  let current: Members[] = [];
  let pairs = 0;
  for (const m of items) {
    const n = m.teacherSisIds.length + m.studentSisIds.length + 1;
    if (current.length > 0 && (pairs + n > STEP_ITEMS.memberPairs || current.length >= 90)) {
      out.push(current);
      current = [];
      pairs = 0;
    }
    current.push({ ...m, teacherSisIds: [...new Set(m.teacherSisIds)], studentSisIds: [...new Set(m.studentSisIds)] });
    pairs += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}
