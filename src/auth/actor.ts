import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { teachers, users } from "../db/schema";
import type { Actor } from "./actor-type";
import { clearSessionCookie, readSessionCookie } from "./cookies";
import { liveGrantedStudent } from "./grants";
import { deleteSession, validateSessionToken, type Session } from "./sessions";

export type { Actor, ActorKind, ActorOf, ParentActor, StudentActor, StudentRow, Teacher, TeacherActor, User } from "./actor-type";

/** Reads the session cookie once per request and sets `c.var.actor`. */
export const loadActor = createMiddleware<AppEnv>(async (c, next) => {
  c.set("actor", null);
  const token = readSessionCookie(c);
  if (token) {
    const db = getDb(c.env.DB);
    const session = await validateSessionToken(db, token);
    const actor = session ? await loadSubject(c.env.DB, session) : null;
    if (!actor) {
      if (session) await deleteSession(db, session.id);
      clearSessionCookie(c);
    }
    c.set("actor", actor);
  }
  await next();
});

async function loadSubject(d1: D1Database, session: Session): Promise<Actor | null> {
  const db = getDb(d1);
  switch (session.kind) {
    case "parent": {
      const user = await db.select().from(users).where(eq(users.id, session.subjectId)).get();
      return user ? { kind: "parent", session, user } : null;
    }
    case "teacher": {
      const teacher = await db.select().from(teachers).where(eq(teachers.id, session.subjectId)).get();
      return teacher ? { kind: "teacher", session, teacher } : null;
    }
    case "student": {
      // Only while the badge or guardianship that opened the session holds (checked in the same query).
      const student = await liveGrantedStudent(db, session);
      return student ? { kind: "student", session, student } : null;
    }
  }
}

/** Where each kind of person belongs when they open a page that is not theirs. */
export const HOME_OF = { parent: "/", teacher: "/teacher", student: "/student" } as const;

/** Any origin will do: only whether `next` stays on it matters, and only its path is returned. */
const OWN_ORIGIN = "https://family-portal.invalid";
/** Browsers drop tabs and newlines and read `\\` as `/`, so `/\t/evil.example` would leave the site. */
const UNSAFE_IN_NEXT = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * A `next` parameter that can only point inside this site: it must parse (WHATWG URL, as browsers
 * do) against our origin to our origin, and the answer is the parsed path, query and fragment.
 */
export function safeNext(next: string | undefined | null, fallback = "/"): string {
  if (!next || next.length > 2048 || !next.startsWith("/") || UNSAFE_IN_NEXT.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const local = url.pathname + url.search + url.hash;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  return local.startsWith("/") && !local.startsWith("//") ? local : fallback;
}
