// People: parents (a users row, and guardianships to children) and teachers not made by a roster.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { hashPassword } from "../../src/auth/password";
import { getDb } from "../../src/db/client";
import { users } from "../../src/db/schema";
import { newId } from "../../src/lib/random";
import { freshEmail, uniq } from "./names";

/** The password of every parent a test makes, unless it says otherwise. */
export const DEFAULT_PASSWORD = "correct horse battery staple";

const hashes = new Map<string, string>();

/**
 * An Argon2id hash of `password`, made once per run for each password: a hash takes ~0.4 s, and a
 * parent inserted for a test is not what tests hashing. Sign-up, sign-in and password changes
 * still hash for real in the code under test.
 */
export function hashOnce(password: string): string {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

export interface TestParent {
  id: string;
  email: string;
  name: string;
  /** null: no password (Google only, or never set). */
  password: string | null;
}

export interface ParentOptions {
  email?: string;
  name?: string;
  /** null: no password (Google only, or never set). */
  password?: string | null;
  verified?: boolean;
  googleSub?: string | null;
  at?: number;
}

/** A parent's account straight in D1: verified, with DEFAULT_PASSWORD, unless told otherwise. */
export async function insertParent(opts: ParentOptions & { password: null }): Promise<TestParent & { password: null }>;
export async function insertParent(opts?: ParentOptions & { password?: string }): Promise<TestParent & { password: string }>;
export async function insertParent(opts?: ParentOptions): Promise<TestParent>;
export async function insertParent(opts: ParentOptions = {}): Promise<TestParent> {
  const parent = { id: newId("usr"), email: opts.email ?? freshEmail(), name: opts.name ?? "Jordan Johnson", password: opts.password === undefined ? DEFAULT_PASSWORD : opts.password };
  const t = opts.at ?? Date.now();
  await env.DB.prepare("INSERT INTO users (id, email, email_verified_at, name, password_hash, google_sub, notify_unread, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")
    .bind(parent.id, parent.email, opts.verified === false ? null : t, parent.name, parent.password === null ? null : hashOnce(parent.password), opts.googleSub ?? null, t, t)
    .run();
  return parent;
}

/** Connects a parent to a child, as an accepted invitation would; returns the guardianship's id. */
export async function insertGuardianship(
  districtId: string,
  userId: string,
  studentId: string,
  opts: { invitationId?: string | null; relationship?: string | null; at?: number } = {},
): Promise<string> {
  const id = newId("gdn");
  await env.DB.prepare("INSERT INTO guardianships (id, district_id, user_id, student_id, invitation_id, relationship, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .bind(id, districtId, userId, studentId, opts.invitationId ?? null, opts.relationship === undefined ? "parent" : opts.relationship, opts.at ?? Date.now())
    .run();
  return id;
}

/** A parent (see insertParent) already connected to these children of one district. */
export async function parentOf(districtId: string, studentIds: string[], opts: ParentOptions = {}): Promise<TestParent> {
  const parent = await insertParent(opts);
  for (const studentId of studentIds) await insertGuardianship(districtId, parent.id, studentId);
  return parent;
}

/** A teacher row straight in D1 (in no section). */
export async function insertTeacher(districtId: string, opts: { name?: string; email?: string } = {}): Promise<string> {
  const id = newId("tch");
  const t = Date.now();
  await env.DB.prepare("INSERT INTO teachers (id, district_id, sis_id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .bind(id, districtId, uniq("t-"), opts.name ?? "Ana Rivera", opts.email ?? freshEmail("teacher"), t, t)
    .run();
  return id;
}

/** A parent's users row as the schema reads it. */
export function userRow(id: string) {
  return getDb(env.DB).select().from(users).where(eq(users.id, id)).get();
}
