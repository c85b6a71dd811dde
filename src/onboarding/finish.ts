/** After a parent proves who they are (password, Google): add the children they confirmed in this browser. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { clearShortCookie, readShortCookie, setShortCookie } from "../auth/cookies";
import { now as clock } from "../lib/time";
import { connectInvitations, type ConnectOutcome } from "../invitations";
import { consumeOnboardingState, loadOnboardingState, ONBOARDING_COOKIE } from "./state";

/** The outcome of the last connection, shown once on the next page (names only, 10 minutes). */
export const CONNECTED_COOKIE = "fp_connected";

export interface ConnectedSummary {
  added: string[];
  notAdded: { name: string; school: string; reason: NonNullable<ConnectOutcome["reason"]> }[];
}

/** Capped so the cookie stays well under 4 KB (a family has a handful of children). */
export function summarize(outcomes: readonly ConnectOutcome[]): ConnectedSummary {
  const cut = (s: string) => s.slice(0, 80);
  return {
    added: outcomes.filter((o) => o.connected).slice(0, 8).map((o) => cut(o.childName)),
    notAdded: outcomes
      .filter((o) => !o.connected)
      .slice(0, 8)
      .map((o) => ({ name: cut(o.childName), school: cut(o.schoolName), reason: o.reason ?? "unknown" })),
  };
}

/** Leaves the outcome of a connection for the next page to show. */
export function rememberConnected(c: Context<AppEnv>, outcomes: readonly ConnectOutcome[]): void {
  if (outcomes.length) setShortCookie(c, CONNECTED_COOKIE, encodeURIComponent(JSON.stringify(summarize(outcomes))), 600);
}

/** The summary left by the previous request, read once. */
export function takeConnectedSummary(c: Context<AppEnv>): ConnectedSummary | null {
  const raw = readShortCookie(c, CONNECTED_COOKIE);
  if (!raw) return null;
  clearShortCookie(c, CONNECTED_COOKIE);
  try {
    const v = JSON.parse(decodeURIComponent(raw)) as ConnectedSummary;
    return Array.isArray(v.added) && Array.isArray(v.notAdded) ? v : null;
  } catch {
    return null;
  }
}

/**
 * Connects the invitations confirmed in this browser's onboarding state to `userId` (who just
 * proved who they are), consuming the state in the same batch. Leaves a summary for the next
 * page. Returns the outcomes (empty when there was nothing to connect).
 */
export async function connectConfirmed(c: Context<AppEnv>, userId: string): Promise<ConnectOutcome[]> {
  const db = getDb(c.env.DB);
  const at = clock();
  const state = await loadOnboardingState(db, readShortCookie(c, ONBOARDING_COOKIE), at);
  if (!state) return [];
  clearShortCookie(c, ONBOARDING_COOKIE);
  const outcomes = await connectInvitations(db, userId, state.invitationIds, at, { before: [consumeOnboardingState(db, state.id, at)] });
  rememberConnected(c, outcomes);
  return outcomes;
}
