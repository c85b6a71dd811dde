/** What a OneRoster import reports and the steps it is applied in (each step one alarm, within D1's limits). */

export const ENTITIES = ["schools", "teachers", "students", "sections", "enrollments", "contacts", "invitations"] as const;
export type Entity = (typeof ENTITIES)[number];

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}
export type ImportCounts = Record<Entity, EntityCounts>;

export const emptyCounts = (): ImportCounts =>
  Object.fromEntries(ENTITIES.map((e) => [e, { created: 0, updated: 0, unchanged: 0, removed: 0 }])) as ImportCounts;

export function addImportCounts(a: ImportCounts, b: Partial<Record<Entity, Partial<EntityCounts>>>): ImportCounts {
  const out = emptyCounts();
  for (const e of ENTITIES) {
    for (const k of ["created", "updated", "unchanged", "removed"] as const) out[e][k] = a[e][k] + (b[e]?.[k] ?? 0);
  }
  return out;
}

export interface RowError {
  file: string;
  line: number | null;
  column: string | null;
  code: string;
  message: string;
}

/** At most this many row errors are kept with the import; `errorCount` says how many there were. */
export const MAX_STORED_ERRORS = 1000;

export interface SchoolRow {
  sisId: string;
  name: string;
}
export interface TeacherRow {
  sisId: string;
  name: string;
  email: string;
}
export interface StudentRow {
  sisId: string;
  firstName: string;
  lastName: string;
  schoolSisId: string;
  /** Left out when the export gives none: the stored grade stays. */
  grade?: string;
}
export interface SectionRow {
  sisId: string;
  name: string;
  schoolSisId: string;
}
export interface Members {
  sectionSisId: string;
  teacherSisIds: string[];
  studentSisIds: string[];
}
export interface ContactRow {
  studentSisId: string;
  channel: "email" | "sms";
  address: string;
  name: string | null;
  relationship: string | null;
  language: string | null;
  /** The parent/guardian user's sourcedId. */
  sourceId: string;
}
export interface ContactKey {
  studentSisId: string;
  channel: "email" | "sms";
  address: string;
}

/**
 * One unit of work. `replace`: the section's stored members not listed are removed (a bulk
 * enrollments file with removeMissing); otherwise members are only added.
 */
export type Step =
  | { kind: "schools"; items: SchoolRow[] }
  | { kind: "teachers"; items: TeacherRow[] }
  | { kind: "students"; items: StudentRow[] }
  | { kind: "sections"; items: SectionRow[] }
  | { kind: "memberships"; items: Members[]; replace: boolean }
  | { kind: "removeMemberships"; items: Members[] }
  | { kind: "contacts"; items: ContactRow[] }
  | { kind: "removeContacts"; items: ContactKey[] }
  | { kind: "removeSections"; sisIds: string[] }
  | { kind: "removeStudents"; sisIds: string[] };

/** Items (rows of work) in a step, for progress. */
export function stepSize(step: Step): number {
  switch (step.kind) {
    case "memberships":
    case "removeMemberships":
      return step.items.reduce((n, m) => n + m.teacherSisIds.length + m.studentSisIds.length, 0);
    case "removeSections":
    case "removeStudents":
      return step.sisIds.length;
    default:
      return step.items.length;
  }
}

export interface ImportOptions {
  dryRun: boolean;
  invite: boolean;
  removeMissing: boolean;
}
