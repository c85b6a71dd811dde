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

export const invitationIdsPayload = (ids: readonly string[]): string => JSON.stringify({ invitationIds: [...new Set(ids)].slice(0, MAX_CONFIRMED) });

/** The live state a cookie token names, or null. */
export async function loadOnboardingState(db: Db, token: string | undefined, now: number): Promise<OnboardingState | null> {
  if (!token || token.length > 64) return null;
  const row = await db
    .select({ id: authTokens.id, subjectId: authTokens.subjectId, payload: authTokens.payload, expiresAt: authTokens.expiresAt })
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, "onboarding"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .get();
  return row ? { id: row.id, address: row.subjectId, invitationIds: parseInvitationIds(row.payload), expiresAt: row.expiresAt } : null;
}

/** A new state for `address` holding `invitationIds`; returns the cookie token. */
export async function createOnboardingState(db: Db, address: string, invitationIds: readonly string[], now: number): Promise<string> {
  const token = newSecret();
  await db.insert(authTokens).values({
    id: newId("atk"),
    purpose: "onboarding",
    tokenHash: hashToken(token),
    subjectId: address,
    payload: invitationIdsPayload(invitationIds),
    expiresAt: now + ONBOARDING_TTL_MS,
    createdAt: now,
  });
  return token;
}

/** Adds confirmed invitations to a live state (the parent's own answers; last write wins). */
export async function addToOnboardingState(db: Db, state: OnboardingState, invitationIds: readonly string[], now: number): Promise<void> {
  await db
    .update(authTokens)
    .set({ payload: invitationIdsPayload([...state.invitationIds, ...invitationIds]) })
    .where(and(eq(authTokens.id, state.id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)));
}

/** Marks the state used, to put in the batch that connects its invitations. */
export function consumeOnboardingState(db: Db, stateId: string, now: number) {
  return db.update(authTokens).set({ usedAt: now }).where(and(eq(authTokens.id, stateId), isNull(authTokens.usedAt)));
}
