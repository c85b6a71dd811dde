/**
 * The onboarding state: what a parent confirmed ("Yes, this is my child") before having an
 * account. An auth_tokens row (purpose "onboarding", subject = the invited address, payload =
 * the confirmed invitation ids) named by a random token in a short-lived HttpOnly cookie.
 * Confirming does not consume an invitation; connecting to an account does (src/invitations/accept.ts).
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { authTokens } from "../db/schema";
import { hashToken, newId, newSecret } from "../lib/random";
import { HOUR } from "../lib/time";
import { MAX_CONFIRMED } from "../invitations";

export const ONBOARDING_COOKIE = "fp_onboarding";
export const ONBOARDING_TTL_MS = HOUR;

export interface OnboardingState {
  id: string;
  /** The invited address (email or E.164 phone) that the parent proved control of. */
  address: string;
  invitationIds: string[];
  /** The language the district gave for the first invitation confirmed here: the language of the pages that follow. */
  language: string | null;
  expiresAt: number;
}

export function parseInvitationIds(payload: string | null): string[] {
  try {
    const v: unknown = payload ? JSON.parse(payload) : null;
    const ids = v && typeof v === "object" && "invitationIds" in v ? (v as { invitationIds: unknown }).invitationIds : null;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string").slice(0, MAX_CONFIRMED) : [];
  } catch {
    return [];
  }
}

/** The invitation's language as the district gave it (a BCP 47 tag, maybe without a catalog), or null. */
export function parseStateLanguage(payload: string | null): string | null {
  try {
    const v: unknown = payload ? JSON.parse(payload) : null;
    const language = v && typeof v === "object" && "language" in v ? v.language : null;
    return typeof language === "string" && language.length <= 35 ? language : null;
  } catch {
    return null;
  }
}

export const invitationIdsPayload = (ids: readonly string[], language?: string | null): string =>
  JSON.stringify({ invitationIds: [...new Set(ids)].slice(0, MAX_CONFIRMED), ...(language ? { language: language.slice(0, 35) } : {}) });

/** The live state a cookie token names, or null. */
export async function loadOnboardingState(db: Db, token: string | undefined, now: number): Promise<OnboardingState | null> {
  if (!token || token.length > 64) return null;
  const row = await db
    .select({ id: authTokens.id, subjectId: authTokens.subjectId, payload: authTokens.payload, expiresAt: authTokens.expiresAt })
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, "onboarding"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .get();
  return row ? { id: row.id, address: row.subjectId, invitationIds: parseInvitationIds(row.payload), language: parseStateLanguage(row.payload), expiresAt: row.expiresAt } : null;
}

/** A new state for `address` holding `invitationIds` (and the invitation's `language`); returns the cookie token. */
export async function createOnboardingState(db: Db, address: string, invitationIds: readonly string[], now: number, language: string | null = null): Promise<string> {
  const token = newSecret();
  await db.insert(authTokens).values({
    id: newId("atk"),
    purpose: "onboarding",
    tokenHash: hashToken(token),
    subjectId: address,
    payload: invitationIdsPayload(invitationIds, language),
    expiresAt: now + ONBOARDING_TTL_MS,
    createdAt: now,
  });
  return token;
}

/** Adds confirmed invitations to a live state (the parent's own answers; last write wins). */
export async function addToOnboardingState(db: Db, state: OnboardingState, invitationIds: readonly string[], now: number): Promise<void> {
  await db
    .update(authTokens)
    .set({ payload: invitationIdsPayload([...state.invitationIds, ...invitationIds], state.language) })
    .where(and(eq(authTokens.id, state.id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)));
}

/** Marks the state used, to put in the batch that connects its invitations. */
export function consumeOnboardingState(db: Db, stateId: string, now: number) {
  return db.update(authTokens).set({ usedAt: now }).where(and(eq(authTokens.id, stateId), isNull(authTokens.usedAt)));
}
