/** After a parent proves who they are (password, Google, email link): add the children they confirmed in this browser. */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { getDb } from "../../db/client";
import { clearShortCookie, readShortCookie, setShortCookie } from "../../auth/cookies";
import { now as clock } from "../../lib/time";
import { connectInvitations, type ConnectOptions, type ConnectOutcome } from "./connect";
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
 * Connects the invitations confirmed in this browser's onboarding state (and `extraIds`, e.g.
 * carried by an email link) to `userId`, consuming the state in the same batch. Leaves a summary
 * for the next page. Returns the outcomes (empty when there was nothing to connect).
 */
export async function connectConfirmed(c: Context<AppEnv>, userId: string, extra: { ids?: readonly string[] } & ConnectOptions = {}): Promise<ConnectOutcome[]> {
  const db = getDb(c.env.DB);
  const at = clock();
  const state = await loadOnboardingState(db, readShortCookie(c, ONBOARDING_COOKIE), at);
  const ids = [...(extra.ids ?? []), ...(state?.invitationIds ?? [])];
  const before = [...(extra.before ?? []), ...(state ? [consumeOnboardingState(db, state.id, at)] : [])];
  if (state) clearShortCookie(c, ONBOARDING_COOKIE);
  if (ids.length === 0 && before.length === 0) return [];
  const outcomes = await connectInvitations(db, userId, ids, at, { before, guard: extra.guard });
  if (outcomes.length) setShortCookie(c, CONNECTED_COOKIE, encodeURIComponent(JSON.stringify(summarize(outcomes))), 600);
  return outcomes;
}
