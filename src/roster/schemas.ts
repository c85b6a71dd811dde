import * as z from "zod/mini";
import { cleanLine } from "../lib/text";

export const SIS_ID_MAX = 128;

/** A district's own identifier for a roster row. */
export const sisId = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(SIS_ID_MAX), z.regex(/^[A-Za-z0-9._:@-]+$/, "may contain only letters, digits and . _ : @ -"));

/** Emails in normal form: trimmed and lower-cased (SPEC 3.1). */
export const email = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email("must be an email address"));

/** Names reach every page: no bidirectional or other control characters (see lib/text.ts). */
const name = z.string().check(z.overwrite(cleanLine), z.trim(), z.minLength(1), z.maxLength(200));

/** Limits of one roster call, chosen so a worst-case call stays well under D1's ~1,000 statements. */
export const ROSTER_LIMITS = {
  itemsPerCall: 1000,
  membershipsPerCall: 20_000,
  teachersPerSection: 20,
  studentsPerSection: 500,
} as const;

export const ROSTER_LIMITS_MESSAGE =
  `A roster call takes at most ${ROSTER_LIMITS.itemsPerCall.toLocaleString("en-US")} items in total ` +
  `(schools + teachers + students + sections) and ${ROSTER_LIMITS.membershipsPerCall.toLocaleString("en-US")} section memberships ` +
  `(at most ${ROSTER_LIMITS.teachersPerSection} teachers and ${ROSTER_LIMITS.studentsPerSection} students per section), ` +
  "which keeps one call within D1's limits; send a larger roster in several calls, schools first.";

export const schoolFields = { name };
export const teacherFields = { name, email };
/** Optional fields left out keep their stored value (null / false for a new student); null clears grade or email. */
export const studentFields = {
  firstName: name,
  lastName: name,
  schoolSisId: sisId,
  grade: z.optional(z.nullable(z.string().check(z.overwrite(cleanLine), z.trim(), z.minLength(1), z.maxLength(32)))),
  /** false also ends the sessions the student's badges opened. */
  badgesEnabled: z.optional(z.boolean()),
  /** The student's own school address. */
  email: z.optional(z.nullable(email)),
};
/** A membership list REPLACES the section's members; a list left out leaves them as they are. */
export const sectionFields = {
  name,
  schoolSisId: sisId,
  teacherSisIds: z.optional(z.array(sisId).check(z.maxLength(ROSTER_LIMITS.teachersPerSection))),
  studentSisIds: z.optional(z.array(sisId).check(z.maxLength(ROSTER_LIMITS.studentsPerSection))),
};

export const schoolBody = z.strictObject(schoolFields);
export const teacherBody = z.strictObject(teacherFields);
export const studentBody = z.strictObject(studentFields);
export const sectionBody = z.strictObject(sectionFields);

export const schoolItem = z.strictObject({ sisId, ...schoolFields });
export const teacherItem = z.strictObject({ sisId, ...teacherFields });
export const studentItem = z.strictObject({ sisId, ...studentFields });
export const sectionItem = z.strictObject({ sisId, ...sectionFields });

export type SchoolItem = z.infer<typeof schoolItem>;
export type TeacherItem = z.infer<typeof teacherItem>;
export type StudentItem = z.infer<typeof studentItem>;
export type SectionItem = z.infer<typeof sectionItem>;

/** `POST /roster`: the bulk form, processed schools → teachers → students → sections. */
export const rosterBody = z
  .strictObject({
    schools: z.optional(z.array(schoolItem).check(z.maxLength(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE))),
    teachers: z.optional(z.array(teacherItem).check(z.maxLength(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE))),
    students: z.optional(z.array(studentItem).check(z.maxLength(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE))),
    sections: z.optional(z.array(sectionItem).check(z.maxLength(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE))),
  })
  .check(
    z.superRefine((body, ctx) => {
    const items = (body.schools?.length ?? 0) + (body.teachers?.length ?? 0) + (body.students?.length ?? 0) + (body.sections?.length ?? 0);
    if (items > ROSTER_LIMITS.itemsPerCall) ctx.addIssue({ code: "custom", path: [], message: `${items} items: ${ROSTER_LIMITS_MESSAGE}` });
    const memberships = (body.sections ?? []).reduce((n, s) => n + (s.teacherSisIds?.length ?? 0) + (s.studentSisIds?.length ?? 0), 0);
    if (memberships > ROSTER_LIMITS.membershipsPerCall) {
      ctx.addIssue({ code: "custom", path: ["sections"], message: `${memberships} memberships: ${ROSTER_LIMITS_MESSAGE}` });
    }
    }),
  );

export type RosterInput = z.infer<typeof rosterBody>;
