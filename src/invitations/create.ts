import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianContacts, invitations, outbox, schools, students } from "../db/schema";
import { auditInsert } from "../audit";
import { outboxRow } from "../outbox/enqueue";
import { hashToken, newId, newSecret } from "../lib/random";
import type { InvitingDistrict } from "./district";
import type { InvitationInput } from "./input";
import { buildInvitationMessage, invitationLink } from "./messages";
import { inJson, jsonLists, jsonRows, type JsonFields, type Statement } from "../db/batch";
import { toInvitationJson, type InvitationJson } from "./view";

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

const studentColumns = { id: students.id, sisId: students.sisId, firstName: students.firstName, lastName: students.lastName, schoolName: schools.name };

/** The district's students whose sisId is in `list` (a jsonLists parameter). */
function studentsQuery(db: Db, districtId: string, list: string) {
  return db
    .select(studentColumns)
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(and(eq(students.districtId, districtId), inJson(students.sisId, list)));
}

/** Contacts on record for the district's students whose sisId is in `list`, each with its pending invitation if any. */
function contactsQuery(db: Db, districtId: string, list: string, now: number) {
  return db
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
    .where(and(eq(students.districtId, districtId), inJson(students.sisId, list)));
}

/** The district's students by sisId (another district's students are simply not found). */
export async function findStudentsBySisId(db: Db, districtId: string, sisIds: readonly string[]): Promise<Map<string, StudentForInvitation>> {
  const lists = jsonLists([...new Set(sisIds)]);
  const parts = await Promise.all(lists.map((list) => studentsQuery(db, districtId, list).all()));
  return new Map(parts.flat().map((s) => [s.sisId, s]));
}

/**
 * The students and the contacts on record for these sisIds, in ONE round trip: one statement each
 * per JSON list (one list for any batch the API accepts).
 */
async function lookUp(db: Db, districtId: string, sisIds: readonly string[], now: number) {
  const lists = jsonLists([...new Set(sisIds)]);
  const studentsBySis = new Map<string, StudentForInvitation>();
  const contacts = new Map<string, ContactOnRecord>();
  const [first, ...rest] = lists.flatMap((list) => [studentsQuery(db, districtId, list), contactsQuery(db, districtId, list, now)] as const);
  if (!first) return { studentsBySis, contacts };
  const results = await db.batch([first, ...rest]);
  results.forEach((rows, i) => {
    if (i % 2 === 0) for (const s of rows as StudentForInvitation[]) studentsBySis.set(s.sisId, s);
    else for (const c of rows as (ContactOnRecord & { sisId: string; channel: string; address: string })[]) contacts.set(contactKey(c.sisId, c.channel, c.address), c);
  });
  return { studentsBySis, contacts };
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
  const { studentsBySis, contacts } = await lookUp(db, district.id, sisIds, now);

  const expiresAt = now + ctx.ttlMs;
  const outcomes: ItemOutcome[] = [];
  const firstIndexOf = new Map<string, number>();
  const contactRows: ContactRow[] = [];
  const invitationRows: InvitationRow[] = [];
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
    contactRows.push({ id: newId("gcn"), studentId: student.id, channel: item.channel, address: item.address, name: item.name, relationship: item.relationship, language: item.language ?? null });
    invitationRows.push({ id, studentId: student.id, channel: item.channel, address: item.address, tokenHash: hashToken(token) });
    const message = await buildInvitationMessage({
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

  // Each kind of row travels as one JSON parameter per statement (jsonRows): a 1,000-item batch is
  // a handful of statements, not hundreds of 100-parameter ones.
  const statements: Statement[] = [
    // Contacts first: each invitation finds its contact's id by (student, channel, address).
    ...jsonRows(db, guardianContacts, contactRows, () => ({ districtId: district.id, createdAt: now, updatedAt: now })).map((insert) =>
      insert.onConflictDoUpdate({
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
    ...jsonRows(db, invitations, invitationRows, (row) => ({
      districtId: district.id,
      contactId: contactIdUnlessPending(row, now),
      status: "pending" as const,
      expiresAt,
      sentAt: now,
      sendCount: 1,
      createdAt: now,
    })),
    ...jsonRows(db, outbox, outboxRows),
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

/** A contact as planInvitations writes it; the district and the timestamps are the same for every row. */
interface ContactRow extends Record<string, string | null> {
  id: string;
  studentId: string;
  channel: "email" | "sms";
  address: string;
  name: string | null;
  relationship: string | null;
  language: string | null;
}

/** An invitation as planInvitations writes it; the rest is the same for every row, or computed. */
interface InvitationRow extends Record<string, string> {
  id: string;
  studentId: string;
  channel: "email" | "sms";
  address: string;
  tokenHash: string;
}

/**
 * The contact's id, or NULL (so the NOT NULL column fails the whole batch) when a pending,
 * unexpired invitation for the same student and address appeared since we looked: two racing
 * requests can never leave two pending invitations.
 */
function contactIdUnlessPending(row: JsonFields<InvitationRow>, now: number) {
  return sql<string>`(SELECT gc.id FROM guardian_contacts gc WHERE gc.student_id = ${row.studentId} AND gc.channel = ${row.channel} AND gc.address = ${row.address} AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.student_id = gc.student_id AND i.channel = gc.channel AND i.address = gc.address AND i.status = 'pending' AND i.expires_at > ${sql.raw(String(Math.trunc(now)))}))`;
}
