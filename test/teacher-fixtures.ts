// Roster, sessions and outbox helpers for the teacher page tests.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { getDb } from "../src/db/client";
import { createSession, type SessionKind } from "../src/auth/sessions";
import { createStudentSession } from "./student-session";
import type { Browser } from "./browser";
import { api, createDistrict, type TestDistrict } from "./helpers";

let counter = 0;
/** A name no other test in the file uses (storage is shared per file). */
export const uniq = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;

export interface TeacherWorld {
  district: TestDistrict;
  /** Roster emails of T1 and T2. */
  emails: { t1: string; t2: string };
  ids: Record<"T1" | "T2" | "SEC1" | "SEC2" | "S1" | "S2" | "S3", string>;
}

/**
 * A district through the roster API: Lincoln Elementary; T1 teaches SEC1 (S1 Maya Johnson,
 * S2 Leo Brown); T2 teaches SEC2 (S3 Ava Patel).
 */
export async function teacherWorld(opts: { t1Email?: string; districtName?: string } = {}): Promise<TeacherWorld> {
  const district = await createDistrict(opts.districtName);
  const emails = { t1: opts.t1Email ?? `${uniq("ana.")}@school.test`, t2: `${uniq("dev.")}@school.test` };
  const res = await api(district.token, "POST", "/roster", {
    schools: [{ sisId: "SCH1", name: "Lincoln Elementary" }],
    teachers: [
      { sisId: "T1", name: "Ana Rivera", email: emails.t1 },
      { sisId: "T2", name: "Dev Shah", email: emails.t2 },
    ],
    students: [
      { sisId: "S1", firstName: "Maya", lastName: "Johnson", schoolSisId: "SCH1", grade: "3" },
      { sisId: "S2", firstName: "Leo", lastName: "Brown", schoolSisId: "SCH1", grade: "3" },
      { sisId: "S3", firstName: "Ava", lastName: "Patel", schoolSisId: "SCH1", grade: "1" },
    ],
    sections: [
      { sisId: "SEC1", name: "Grade 3 · Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1", "S2"] },
      { sisId: "SEC2", name: "Grade 1 · Room 4", schoolSisId: "SCH1", teacherSisIds: ["T2"], studentSisIds: ["S3"] },
    ],
  });
  expect(res.status).toBe(200);
  const ids = {} as TeacherWorld["ids"];
  for (const [table, keys] of [
    ["teachers", ["T1", "T2"]],
    ["sections", ["SEC1", "SEC2"]],
    ["students", ["S1", "S2", "S3"]],
  ] as const) {
    for (const key of keys) ids[key] = await idOf(table, district.id, key);
  }
  return { district, emails, ids };
}

export async function idOf(table: "teachers" | "sections" | "students", districtId: string, sisId: string): Promise<string> {
  const row = await env.DB.prepare(`SELECT id FROM ${table} WHERE district_id = ? AND sis_id = ?`).bind(districtId, sisId).first<{ id: string }>();
  if (!row) throw new Error(`no ${table} row ${sisId}`);
  return row.id;
}

/** Signs the browser in directly (the sign-in flows have their own tests); a student through one of their live grants. */
export async function signIn(b: Browser, kind: SessionKind, subjectId: string): Promise<void> {
  const { token } = kind === "student" ? await createStudentSession(subjectId) : await createSession(getDb(env.DB), kind, subjectId);
  b.cookies.set("fp_session", token);
}

/** A parent account (for "wrong kind of session" checks and guardianships). */
export async function insertUser(name: string, email = `${uniq("parent.")}@example.com`): Promise<string> {
  const id = uniq("usr_");
  const t = Date.now();
  await env.DB.prepare("INSERT INTO users (id, email, email_verified_at, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)").bind(id, email, t, name, t, t).run();
  return id;
}

export async function insertGuardianship(districtId: string, userId: string, studentId: string, invitationId: string | null = null): Promise<void> {
  await env.DB.prepare("INSERT INTO guardianships (id, district_id, user_id, student_id, invitation_id, relationship, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .bind(uniq("gdn_"), districtId, userId, studentId, invitationId, "parent", Date.now())
    .run();
}

/** An invitation through the district API; returns its id. */
export async function inviteGuardian(d: TestDistrict, studentSisId: string, email: string, name: string, relationship = "parent"): Promise<string> {
  const res = await api(d.token, "POST", "/invitations", { studentSisId, email, name, relationship });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

export async function contactIdFor(invitationId: string): Promise<string> {
  const row = await env.DB.prepare("SELECT contact_id FROM invitations WHERE id = ?").bind(invitationId).first<{ contact_id: string }>();
  if (!row) throw new Error(`no invitation ${invitationId}`);
  return row.contact_id;
}

/** The newest email to an address, or null. */
export async function lastEmailTo(address: string): Promise<{ subject: string | null; body_text: string; body_html: string | null; kind: string } | null> {
  return env.DB.prepare("SELECT subject, body_text, body_html, kind FROM outbox WHERE to_address = ? ORDER BY created_at DESC, id DESC LIMIT 1")
    .bind(address)
    .first();
}
