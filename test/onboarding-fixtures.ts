// Families for the onboarding, sign-in and home tests: a district, schools, students, and
// invitations sent through the real API (their links read back from the outbox).
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { hashPassword } from "../src/auth/password";
import { Browser, pageText } from "./browser";
import { api, countRows, createDistrict, type TestDistrict } from "./helpers";
import { insertSchool, insertStudent, type FixtureStudent } from "./fixtures-invitations";

let counter = 0;
export const freshEmail = (who = "parent") => `${who}${++counter}.${Date.now().toString(36)}@example.com`;

export interface Family {
  district: TestDistrict;
  school: { id: string; sisId: string; name: string };
  otherSchool: { id: string; sisId: string; name: string };
  maya: FixtureStudent;
  leo: FixtureStudent;
  ethan: FixtureStudent;
}

/** A district with two schools and three siblings (Maya and Leo at Maple Grove, Ethan at Riverside Middle). */
export async function family(): Promise<Family> {
  const district = await createDistrict();
  const school = await insertSchool(district.id, "Maple Grove Elementary");
  const otherSchool = await insertSchool(district.id, "Riverside Middle School");
  const maya = await insertStudent(district.id, school.id, { firstName: "Maya", lastName: "Johnson" });
  const leo = await insertStudent(district.id, school.id, { firstName: "Leo", lastName: "Johnson" });
  const ethan = await insertStudent(district.id, otherSchool.id, { firstName: "Ethan", lastName: "Johnson" });
  return { district, school, otherSchool, maya, leo, ethan };
}

export interface SentInvitation {
  id: string;
  token: string;
}

/** An invitation through the API; its link's token read from the outbox. */
export async function inviteTo(district: TestDistrict, studentSisId: string, email: string): Promise<SentInvitation> {
  const res = await api(district.token, "POST", "/invitations", { studentSisId, email });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return { id, token: await latestLinkToken(email, "/i/") };
}

/** The token of the newest link with this path prefix in mail to `address`. */
export async function latestLinkToken(address: string, prefix: "/i/" | "/verify-email/"): Promise<string> {
  const { results } = await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ? ORDER BY created_at DESC, rowid DESC").bind(address).all<{ body_text: string }>();
  for (const r of results) {
    const m = r.body_text.match(new RegExp(`${prefix.replace(/\//g, "\\/")}([a-z2-7]{16,64})`));
    if (m?.[1]) return m[1];
  }
  throw new Error(`no ${prefix} link in mail to ${address}`);
}

export async function mailTo(address: string): Promise<{ kind: string; subject: string | null; body_text: string }[]> {
  const { results } = await env.DB.prepare("SELECT kind, subject, body_text FROM outbox WHERE to_address = ? ORDER BY created_at, rowid").bind(address).all<{ kind: string; subject: string | null; body_text: string }>();
  return results;
}

export async function setInvitationFields(id: string, fields: Record<string, string | number | null>): Promise<void> {
  const keys = Object.keys(fields);
  await env.DB.prepare(`UPDATE invitations SET ${keys.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`)
    .bind(...keys.map((k) => fields[k] ?? null), id)
    .run();
}

export async function invitationRow(id: string) {
  return env.DB.prepare("SELECT * FROM invitations WHERE id = ?").bind(id).first<{ status: string; accepted_by_user_id: string | null; disputed_at: number | null; expires_at: number; renewed_from_id: string | null; address: string }>();
}

/** Every table: a GET (or a refused POST) must leave all of them as they were. */
const TABLES = [
  "districts", "schools", "teachers", "students", "sections", "section_teachers", "enrollments", "guardian_contacts", "invitations",
  "idempotency_keys", "users", "guardianships", "sessions", "auth_tokens", "badges", "district_links", "audit_log", "outbox",
];

export async function countEveryTable(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await countRows(t);
  return out;
}

/** A parent account straight in the database (verified unless said otherwise). */
export async function insertUser(opts: { email?: string; password?: string; verified?: boolean; name?: string; googleSub?: string } = {}): Promise<{ id: string; email: string; password: string }> {
  const id = `usr_t${++counter}${Date.now().toString(36)}`;
  const email = opts.email ?? freshEmail();
  const password = opts.password ?? "correct horse battery staple";
  const t = Date.now();
  await env.DB.prepare("INSERT INTO users (id, email, email_verified_at, name, password_hash, google_sub, notify_unread, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")
    .bind(id, email, opts.verified === false ? null : t, opts.name ?? "Jordan Johnson", hashPassword(password), opts.googleSub ?? null, t, t)
    .run();
  return { id, email, password };
}

/** Open an invitation link and answer "Yes"; returns the page that follows. */
export async function confirm(b: Browser, token: string): Promise<Response> {
  expect((await b.get(`/i/${token}`)).status).toBe(200);
  return b.post(`/i/${token}/confirm`);
}

/** Continue with email on the account step; returns the response after redirects. */
export function signUp(b: Browser, email: string, opts: { name?: string; password?: string } = {}): Promise<Response> {
  return b.post("/join/email", { name: opts.name ?? "Jordan Johnson", email, password: opts.password ?? "maple syrup pancakes 42" });
}

/** Open the confirmation link from the outbox and press the button; returns the landing page. */
export async function confirmEmail(b: Browser, email: string): Promise<Response> {
  const token = await latestLinkToken(email, "/verify-email/");
  const page = await b.get(`/verify-email/${token}`);
  expect(page.status).toBe(200);
  return b.post(`/verify-email/${token}`);
}

export async function signIn(b: Browser, email: string, password: string): Promise<Response> {
  return b.post("/sign-in", { email, password });
}

export { Browser, pageText };
