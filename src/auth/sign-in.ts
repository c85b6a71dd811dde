import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Actor } from "./actor-type";
import { getDb } from "../db/client";
import { clearSessionCookie, setSessionCookie } from "./cookies";
import { createSession, deleteSession, type SessionKind } from "./sessions";

/**
 * Signs a person in on this device: ends whatever session the device had, starts a new one
 * (a new token at every sign-in) and sets the cookie.
 */
export async function signInAs(c: Context<AppEnv>, kind: SessionKind, subjectId: string): Promise<void> {
  const db = getDb(c.env.DB);
  const current = c.get("actor");
  if (current) await deleteSession(db, current.session.id);
  const { token } = await createSession(db, kind, subjectId, c.req.header("user-agent"));
  setSessionCookie(c, token, kind);
}

/**
 * Ends this device's session, and asks the browser to forget what it kept of the pages (cache,
 * htmx's history copies in sessionStorage): on a shared device, Back must not show them.
 */
export async function signOut<E extends AppEnv>(c: Context<E>): Promise<void> {
  const current: Actor | null = c.var.actor;
  if (current) await deleteSession(getDb(c.env.DB), current.session.id);
  // The rest of this request sees nobody signed in, whatever its guard let through.
  (c as unknown as Context<AppEnv>).set("actor", null);
  clearSessionCookie(c);
  c.header("clear-site-data", '"cache", "storage"');
}
