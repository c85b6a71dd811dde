/**
 * Teachers' one-time sign-in: a token in auth_tokens (purpose teacher_sign_in, only its SHA-256
 * stored, single use, short-lived) that names the teacher rows it may sign in as.
 *
 * One address can be on several districts' rosters (one teachers row each). Then ONE email goes
 * out with ONE link, and the page behind the link lets the teacher choose the district: one token
 * to consume, one message to read, nothing to guess.
 */
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import * as z from "zod/mini";
import type { Db } from "../db/client";
import { authTokens, districts, teachers } from "../db/schema";
import { localeFor } from "../i18n/locale";
import { hashToken, newId, newSecret } from "../lib/random";
import { HOUR, MINUTE } from "../lib/time";
import { outboxInsert } from "../outbox/enqueue";
import { siteUrl } from "../lib/url";
import { buildTeacherSignInMessage } from "./sign-in-message";
import { SECRET } from "../lib/ids";

export const TEACHER_LINK_TTL = 15 * MINUTE;
/** After Google, choosing a district is one click away: a short window is plenty. */
export const TEACHER_CHOICE_TTL = 10 * MINUTE;
/** Each request mails a person who may not have asked: stricter than the 10-a-minute sign-in rule. */
export const TEACHER_LINK_PER_ADDRESS = { limit: 5, windowMs: HOUR } as const;
/** More rosters than this for one address is a data problem, not a teacher. */
const MAX_RECORDS = 20;

/** One teachers row an address may sign in as, with its district's name for the chooser. */
export interface TeacherRecord {
  id: string;
  name: string;
  displayName: string | null;
  email: string;
  googleSub: string | null;
  districtId: string;
  districtName: string;
  /** The teacher's saved language (BCP 47), or null. */
  language: string | null;
  /** The district's IANA time zone. */
  timeZone: string;
}

const recordColumns = {
  id: teachers.id,
  name: teachers.name,
  displayName: teachers.displayName,
  email: teachers.email,
  googleSub: teachers.googleSub,
  districtId: teachers.districtId,
  districtName: districts.name,
  language: teachers.language,
  timeZone: districts.timeZone,
};

/** Every roster row with this (normal-form) email, across districts. */
export function findTeachersByEmail(db: Db, email: string): Promise<TeacherRecord[]> {
  return db
    .select(recordColumns)
    .from(teachers)
    .innerJoin(districts, eq(districts.id, teachers.districtId))
    .where(eq(teachers.email, email))
    .orderBy(asc(districts.name), asc(teachers.id))
    .limit(MAX_RECORDS)
    .all();
}

/** What a token may do; stored as JSON in auth_tokens.payload (never a secret). */
const tokenPayload = z.object({
  email: z.string(),
  teacherIds: z.array(z.string()).check(z.minLength(1), z.maxLength(MAX_RECORDS)),
  /** Set when the token came from Google: the chosen row is bound to this Google account. */
  googleSub: z.optional(z.string()),
});
export type SignInPayload = z.infer<typeof tokenPayload>;

export function signInLink(publicUrl: string, token: string): string {
  return siteUrl(publicUrl, `/teacher/sign-in/${token}`);
}

function tokenRow(token: string, payload: SignInPayload, now: number, ttl: number): typeof authTokens.$inferInsert {
  return {
    id: newId("atk"),
    purpose: "teacher_sign_in",
    tokenHash: hashToken(token),
    subjectId: payload.teacherIds[0] ?? "",
    payload: JSON.stringify(payload),
    expiresAt: now + ttl,
    usedAt: null,
    createdAt: now,
  };
}

/**
 * The token and email for these records (all with the same address), as ONE batch to run. The
 * email is in the teacher's saved language (the first roster row that has one), else in
 * `askedIn` (the language of the page the link was asked for on); times in the district's zone.
 */
export async function planSignInLink(db: Db, publicUrl: string, records: readonly TeacherRecord[], now: number, askedIn: string) {
  const first = records[0];
  if (!first) throw new Error("planSignInLink needs at least one teacher record");
  const token = newSecret();
  const saved = records.find((r) => r.language)?.language;
  const message = buildTeacherSignInMessage(
    {
      link: signInLink(publicUrl, token),
      expiresAt: now + TEACHER_LINK_TTL,
      name: first.displayName ?? first.name,
      districts: records.map((r) => r.districtName),
    },
    await localeFor(saved ?? askedIn, first.timeZone),
  );
  const payload: SignInPayload = { email: first.email, teacherIds: records.map((r) => r.id) };
  return [
    db.insert(authTokens).values(tokenRow(token, payload, now, TEACHER_LINK_TTL)),
    outboxInsert(db, { kind: "teacher_sign_in", channel: "email", to: first.email, ...message, districtId: records.length === 1 ? first.districtId : null }),
  ] as const;
}

/** A Google sign-in that matched several rosters: the choice waits behind a token (in a cookie). */
export async function createChoiceToken(db: Db, payload: SignInPayload, now: number): Promise<string> {
  const token = newSecret();
  await db.insert(authTokens).values(tokenRow(token, payload, now, TEACHER_CHOICE_TTL));
  return token;
}

/** A usable token and the teacher rows it may still sign in as. */
export interface PendingSignIn {
  tokenId: string;
  payload: SignInPayload;
  choices: TeacherRecord[];
}

/**
 * The unused, unexpired token's choices, or null. Reads only (mail scanners open links). A row
 * whose roster email changed since the link was sent is no longer a choice.
 */
export async function findPendingSignIn(db: Db, token: string, now: number): Promise<PendingSignIn | null> {
  if (!SECRET.test(token)) return null;
  const row = await db
    .select({ id: authTokens.id, payload: authTokens.payload })
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, "teacher_sign_in"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .get();
  if (!row?.payload) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.payload);
  } catch {
    return null;
  }
  const payload = tokenPayload.safeParse(parsed);
  if (!payload.success) return null;
  const choices = await db
    .select(recordColumns)
    .from(teachers)
    .innerJoin(districts, eq(districts.id, teachers.districtId))
    .where(and(inArray(teachers.id, payload.data.teacherIds), eq(teachers.email, payload.data.email)))
    .orderBy(asc(districts.name), asc(teachers.id))
    .all();
  return choices.length > 0 ? { tokenId: row.id, payload: payload.data, choices } : null;
}

/** Single use, even when two requests race: only the update that finds it unused wins. */
export async function consumeSignInToken(db: Db, tokenId: string, now: number): Promise<boolean> {
  const result = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.id, tokenId), eq(authTokens.purpose, "teacher_sign_in"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .run();
  return result.meta.changes === 1;
}
