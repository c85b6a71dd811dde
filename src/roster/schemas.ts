import * as z from "zod";
import { cleanLine } from "../lib/text";

export const SIS_ID_MAX = 128;

/** A district's own identifier for a roster row. */
export const sisId = z
  .string()
  .trim()
  .min(1)
  .max(SIS_ID_MAX)
  .regex(/^[A-Za-z0-9._:@-]+$/, "may contain only letters, digits and . _ : @ -");

/** Emails in normal form: trimmed and lower-cased (SPEC 3.1). */
export const email = z.string().trim().toLowerCase().max(254).pipe(z.email("must be an email address"));

/** Names reach every page: no bidirectional or other control characters (see lib/text.ts). */
const name = z.string().overwrite(cleanLine).trim().min(1).max(200);

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
  grade: z.string().overwrite(cleanLine).trim().min(1).max(32).nullable().optional(),
  /** false also ends the sessions the student's badges opened. */
  badgesEnabled: z.boolean().optional(),
  /** The student's own school address. */
  email: email.nullable().optional(),
};
/** A membership list REPLACES the section's members; a list left out leaves them as they are. */
export const sectionFields = {
  name,
  schoolSisId: sisId,
  teacherSisIds: z.array(sisId).max(ROSTER_LIMITS.teachersPerSection).optional(),
  studentSisIds: z.array(sisId).max(ROSTER_LIMITS.studentsPerSection).optional(),
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
    schools: z.array(schoolItem).max(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE).optional(),
    teachers: z.array(teacherItem).max(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE).optional(),
    students: z.array(studentItem).max(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE).optional(),
    sections: z.array(sectionItem).max(ROSTER_LIMITS.itemsPerCall, ROSTER_LIMITS_MESSAGE).optional(),
  })
  .superRefine((body, ctx) => {
    const items = (body.schools?.length ?? 0) + (body.teachers?.length ?? 0) + (body.students?.length ?? 0) + (body.sections?.length ?? 0);
    if (items > ROSTER_LIMITS.itemsPerCall) ctx.addIssue({ code: "custom", path: [], message: `${items} items: ${ROSTER_LIMITS_MESSAGE}` });
    const memberships = (body.sections ?? []).reduce((n, s) => n + (s.teacherSisIds?.length ?? 0) + (s.studentSisIds?.length ?? 0), 0);
    if (memberships > ROSTER_LIMITS.membershipsPerCall) {
      ctx.addIssue({ code: "custom", path: ["sections"], message: `${memberships} memberships: ${ROSTER_LIMITS_MESSAGE}` });
    }
  });

export type RosterInput = z.infer<typeof rosterBody>;
