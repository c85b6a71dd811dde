// Roster rows for invitation tests, inserted straight into D1 (independent of the roster API).
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { api, countRows, createDistrict, type TestDistrict } from "./helpers";

let counter = 0;
const uid = (prefix: string) => `${prefix}_t${Date.now().toString(36)}${(++counter).toString(36)}`;

export interface FixtureStudent {
  id: string;
  sisId: string;
  firstName: string;
  lastName: string;
}

export async function insertSchool(districtId: string, name = "Maple Grove Elementary", sisId = `sch-${++counter}`): Promise<{ id: string; sisId: string; name: string }> {
  const id = uid("sch");
  const t = Date.now();
  await env.DB.prepare("INSERT INTO schools (id, district_id, sis_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(id, districtId, sisId, name, t, t)
    .run();
  return { id, sisId, name };
}

export async function insertStudent(districtId: string, schoolId: string, s: Partial<FixtureStudent> = {}): Promise<FixtureStudent> {
  const student = { id: uid("stu"), sisId: s.sisId ?? `s-${++counter}`, firstName: s.firstName ?? "Maya", lastName: s.lastName ?? "Johnson" };
  const t = Date.now();
  await env.DB.prepare("INSERT INTO students (id, district_id, sis_id, school_id, first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .bind(student.id, districtId, student.sisId, schoolId, student.firstName, student.lastName, t, t)
    .run();
  return student;
}

/** Many students in a few multi-row statements (for batch tests). */
export async function insertStudents(districtId: string, schoolId: string, n: number, prefix = `b${++counter}-`): Promise<string[]> {
  const sisIds = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const t = Date.now();
  const statements = [];
  for (let i = 0; i < n; i += 12) {
    const part = sisIds.slice(i, i + 12);
    statements.push(
      env.DB.prepare(
        `INSERT INTO students (id, district_id, sis_id, school_id, first_name, last_name, created_at, updated_at) VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      ).bind(...part.flatMap((sis) => [uid("stu"), districtId, sis, schoolId, `First ${sis}`, `Last ${sis}`, t, t])),
    );
  }
  await env.DB.batch(statements);
  return sisIds;
}

export interface InvitationFixture {
  district: TestDistrict;
  school: { id: string; sisId: string; name: string };
  student: FixtureStudent;
}

/** A fresh district with one school and one student. */
export async function districtWithStudent(opts: { schoolName?: string; student?: Partial<FixtureStudent>; districtName?: string } = {}): Promise<InvitationFixture> {
  const district = await createDistrict(opts.districtName);
  const school = await insertSchool(district.id, opts.schoolName);
  const student = await insertStudent(district.id, school.id, opts.student);
  return { district, school, student };
}

export async function setDistrictSettings(districtId: string, s: { invitationMessage?: string | null; invitationTtlDays?: number | null }): Promise<void> {
  await env.DB.prepare("UPDATE districts SET invitation_message = ?, invitation_ttl_days = ? WHERE id = ?")
    .bind(s.invitationMessage ?? null, s.invitationTtlDays ?? null, districtId)
    .run();
}

/** The tables a request can write to; bad requests must leave all of them unchanged. */
export const WRITTEN_TABLES = ["invitations", "guardian_contacts", "outbox", "audit_log", "idempotency_keys"] as const;

export async function countWritten(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of WRITTEN_TABLES) out[t] = await countRows(t);
  return out;
}

export interface OutboxRowView {
  id: string;
  kind: string;
  channel: string;
  to_address: string;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  student_id: string | null;
  district_id: string | null;
}

export async function outboxFor(address: string): Promise<OutboxRowView[]> {
  const { results } = await env.DB.prepare("SELECT * FROM outbox WHERE to_address = ? ORDER BY created_at, id").bind(address).all<OutboxRowView>();
  return results;
}

/** The token in an invitation link (`…/i/<token>`). */
export function tokenFromText(text: string): string {
  const m = text.match(/\/i\/([a-z2-7]+)/);
  if (!m?.[1]) throw new Error(`no invitation link in: ${text}`);
  return m[1];
}

export interface InvitationBody {
  id: string;
  status: string;
  studentSisId: string;
  channel: "email" | "sms";
  address: string;
  name: string | null;
  relationship: string | null;
  expiresAt: string;
  createdAt: string;
  sentAt: string | null;
  sendCount: number;
  acceptedAt: string | null;
  disputedAt: string | null;
  revokedAt: string | null;
  renewedFromId: string | null;
}

export async function invite(token: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: InvitationBody & { error?: { code: string; message: string; details?: unknown } } }> {
  const res = await api(token, "POST", "/invitations", body, headers);
  return { status: res.status, json: (await res.json()) as InvitationBody & { error?: { code: string; message: string; details?: unknown } } };
}

/** The outbox dispatcher may try to deliver in the background; keep it off the network. */
export function stubMailApis(): void {
  vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response(JSON.stringify({ id: "stub" }), { status: 200, headers: { "content-type": "application/json" } }));
}

export async function setInvitation(id: string, fields: Record<string, string | number | null>): Promise<void> {
  const keys = Object.keys(fields);
  await env.DB.prepare(`UPDATE invitations SET ${keys.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`)
    .bind(...keys.map((k) => fields[k] ?? null), id)
    .run();
}
