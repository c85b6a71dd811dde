import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianContacts, invitations, outbox, schools, students } from "../db/schema";
import type { SQLiteInsertValue } from "drizzle-orm/sqlite-core";
import { auditInsert } from "../audit";
import { outboxRow } from "../outbox/enqueue";
import { hashToken, newId, newSecret } from "../lib/random";
import type { InvitingDistrict } from "./district";
import type { InvitationInput } from "./input";
import { buildInvitationMessage, invitationLink } from "./messages";
import { chunk, inlineIntegers, LOOKUP_CHUNK, multiRow, type Statement } from "../db/batch";
import { toInvitationJson, type InvitationJson } from "./view";
import { BCP47 } from "../i18n/negotiate";

/** Everything creating invitations needs besides the items themselves. */
export interface InvitationContext {
  db: Db;
  district: InvitingDistrict;
  publicUrl: string;
  ttlMs: number;
  now: number;
}

export interface ItemError {
  code: "validation_failed" | "not_found" | "conflict";
  message: string;
  details?: unknown;
}

export type ItemOutcome = { ok: true; invitation: InvitationJson } | { ok: false; error: ItemError };

export interface InvitationPlan {
  /** One per input item, in order. */
  outcomes: ItemOutcome[];
  /** The writes for every valid item, to run as ONE batch (plus anything the caller adds). */
  statements: Statement[];
  created: { id: string; studentId: string }[];
}

export interface StudentForInvitation {
  id: string;
  sisId: string;
  firstName: string;
  lastName: string;
  schoolName: string;
}

interface ContactOnRecord {
  name: string | null;
  relationship: string | null;
  language: string | null;
  /** A pending, unexpired invitation to this contact, if any. */
  pendingInvitationId: string | null;
}

const contactKey = (studentSisId: string, channel: string, address: string) => `${studentSisId}\u0000${channel}\u0000${address}`;

/** The district's students by sisId (another district's students are simply not found). */
export async function findStudentsBySisId(db: Db, districtId: string, sisIds: readonly string[]): Promise<Map<string, StudentForInvitation>> {
  const parts = await Promise.all(
    chunk([...new Set(sisIds)], LOOKUP_CHUNK).map((part) =>
      db
        .select({ id: students.id, sisId: students.sisId, firstName: students.firstName, lastName: students.lastName, schoolName: schools.name })
        .from(students)
        .innerJoin(schools, eq(schools.id, students.schoolId))
        .where(and(eq(students.districtId, districtId), inArray(students.sisId, part)))
        .all(),
    ),
  );
  return new Map(parts.flat().map((s) => [s.sisId, s]));
}

/** Contacts already on record for these students, each with its pending invitation if any. */
async function findContacts(db: Db, districtId: string, sisIds: readonly string[], now: number): Promise<Map<string, ContactOnRecord>> {
  const parts = await Promise.all(
    chunk([...new Set(sisIds)], LOOKUP_CHUNK).map((part) =>
      db
        .select({
          sisId: students.sisId,
          channel: guardianContacts.channel,
          address: guardianContacts.address,
          name: guardianContacts.name,
          relationship: guardianContacts.relationship,
          language: guardianContacts.language,
          pendingInvitationId: sql<string | null>`(SELECT i.id FROM invitations i WHERE i.student_id = ${guardianContacts.studentId} AND i.channel = ${guardianContacts.channel} AND i.address = ${guardianContacts.address} AND i.status = 'pending' AND i.expires_at > ${now} ORDER BY i.created_at LIMIT 1)`,
        })
        .from(guardianContacts)
        .innerJoin(students, eq(students.id, guardianContacts.studentId))
        .where(and(eq(students.districtId, districtId), inArray(students.sisId, part)))
        .all(),
    ),
  );
  return new Map(parts.flat().map((c) => [contactKey(c.sisId, c.channel, c.address), c]));
}

/**
 * Validate items against the roster and existing invitations, and build the writes for the valid
 * ones: contacts (upserted), invitations, outbox messages and one audit row. Nothing is written here.
 *
 * `items` are already-validated inputs, or the validation error of an item (kept in place so
 * outcomes line up with the request).
 */
export async function planInvitations(ctx: InvitationContext, items: readonly (InvitationInput | ItemError)[]): Promise<InvitationPlan> {
  const { db, district, now } = ctx;
  const valid = items.filter((i): i is InvitationInput => "studentSisId" in i);
  const sisIds = valid.map((i) => i.studentSisId);
  const [studentsBySis, contacts] = await Promise.all([
    findStudentsBySisId(db, district.id, sisIds),
    findContacts(db, district.id, sisIds, now),
  ]);

  const expiresAt = now + ctx.ttlMs;
  const outcomes: ItemOutcome[] = [];
  const firstIndexOf = new Map<string, number>();
  const contactRows: (Omit<typeof guardianContacts.$inferInsert, "language"> & { language: SQL })[] = [];
  const invitationRows: SQLiteInsertValue<typeof invitations>[] = [];
  const outboxRows: (typeof outbox.$inferInsert)[] = [];
  const created: InvitationPlan["created"] = [];

  for (const [index, item] of items.entries()) {
    if (!("studentSisId" in item)) {
      outcomes.push({ ok: false, error: item });
      continue;
    }
    const student = studentsBySis.get(item.studentSisId);
    if (!student) {
      outcomes.push({ ok: false, error: { code: "not_found", message: `No student with sisId "${item.studentSisId}" in this district.` } });
      continue;
    }
    const key = contactKey(student.sisId, item.channel, item.address);
    const earlier = firstIndexOf.get(key);
    if (earlier !== undefined) {
      outcomes.push({ ok: false, error: { code: "conflict", message: "The same student and address appear earlier in this batch.", details: { index: earlier } } });
      continue;
    }
    firstIndexOf.set(key, index);
    const existing = contacts.get(key);
    if (existing?.pendingInvitationId) {
      outcomes.push({
        ok: false,
        error: { code: "conflict", message: "A pending invitation for this student and address already exists; resend it instead.", details: { invitationId: existing.pendingInvitationId } },
      });
      continue;
    }

    const id = newId("inv");
    const token = newSecret();
    const name = item.name ?? existing?.name ?? null;
    const relationship = item.relationship ?? existing?.relationship ?? null;
    // A language given now replaces the one on record; none given keeps it.
    const language = item.language ?? existing?.language ?? null;
    contactRows.push({
      id: newId("gcn"),
      districtId: district.id,
      studentId: student.id,
      channel: item.channel,
      address: item.address,
      name: item.name,
      relationship: item.relationship,
      language: languageLiteral(item.language ?? null),
      createdAt: now,
      updatedAt: now,
    });
    invitationRows.push({
      id,
      districtId: district.id,
      studentId: student.id,
      contactId: contactIdUnlessPending(student.id, item.channel, item.address, now),
      channel: item.channel,
      address: item.address,
      tokenHash: hashToken(token),
      status: "pending",
      expiresAt,
      sentAt: now,
      sendCount: 1,
      createdAt: now,
    });
    const message = buildInvitationMessage({
      channel: item.channel,
      link: invitationLink(ctx.publicUrl, token),
      expiresAt,
      language,
      district,
      school: { name: student.schoolName },
      student,
    });
    outboxRows.push(outboxRow({ kind: "invitation", channel: item.channel, to: item.address, ...message, districtId: district.id, studentId: student.id }, now));
    created.push({ id, studentId: student.id });
    outcomes.push({
      ok: true,
      invitation: toInvitationJson(
        {
          id,
          studentSisId: student.sisId,
          channel: item.channel,
          address: item.address,
          name,
          relationship,
          language,
          status: "pending",
          expiresAt,
          createdAt: now,
          sentAt: now,
          sendCount: 1,
          acceptedAt: null,
          disputedAt: null,
          revokedAt: null,
          renewedFromId: null,
        },
        now,
      ),
    });
  }

  if (created.length === 0) return { outcomes, statements: [], created };

  const statements: Statement[] = [
    // Contacts first: each invitation finds its contact's id by (student, channel, address).
    ...multiRow(contactRows.map(inlineIntegers), (part) =>
      db
        .insert(guardianContacts)
        .values(part)
        .onConflictDoUpdate({
          target: [guardianContacts.studentId, guardianContacts.channel, guardianContacts.address],
          // Keep the name and relationship fresh, but an omitted one does not erase what we had.
          set: {
            name: sql`coalesce(excluded.name, ${guardianContacts.name})`,
            relationship: sql`coalesce(excluded.relationship, ${guardianContacts.relationship})`,
            language: sql`coalesce(excluded.language, ${guardianContacts.language})`,
            updatedAt: sql`excluded.updated_at`,
          },
        }),
    ),
    ...multiRow(invitationRows.map(inlineIntegers), (part) => db.insert(invitations).values(part)),
    ...multiRow(outboxRows.map(inlineIntegers), (part) => db.insert(outbox).values(part)),
    auditInsert(db, {
      districtId: district.id,
      actorKind: "district",
      actorId: district.id,
      action: "invitation.create",
      // One row per call: a single invitation names its student; a batch lists what it created.
      studentId: created.length === 1 ? created[0]?.studentId : null,
      targetId: created.length === 1 ? created[0]?.id : null,
      detail: { count: created.length, invitations: created },
    }, now),
  ];
  return { outcomes, statements, created };
}

/**
 * The language as an SQL literal rather than a bound parameter, like the timestamps (inlineIntegers):
 * the contact rows stay at 7 parameters, so 14 fit in a statement as before the column came. Only a
 * tag of letters, digits and hyphens (BCP 47's shape, which validation already required) is ever
 * written into the SQL; anything else is a bug and stops here.
 */
function languageLiteral(tag: string | null): SQL {
  if (tag === null) return sql`null`;
  if (tag.length > 35 || !BCP47.test(tag)) throw new Error("a contact's language must be a validated BCP 47 tag");
  return sql.raw(`'${tag}'`);
}

/**
 * The contact's id, or NULL (so the NOT NULL column fails the whole batch) when a pending,
 * unexpired invitation for the same student and address appeared since we looked: two racing
 * requests can never leave two pending invitations.
 */
function contactIdUnlessPending(studentId: string, channel: string, address: string, now: number) {
  return sql<string>`(SELECT gc.id FROM guardian_contacts gc WHERE gc.student_id = ${studentId} AND gc.channel = ${channel} AND gc.address = ${address} AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.student_id = gc.student_id AND i.channel = gc.channel AND i.address = gc.address AND i.status = 'pending' AND i.expires_at > ${sql.raw(String(Math.trunc(now)))}))`;
}
