import { eq, sql } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { districts, guardianships, teachers, users } from "../db/schema";
import { DEFAULT_TIME_ZONE } from "../i18n/locale";
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
      // The district's time zone comes in the same query: the district of their first child (default without one).
      // ("users"."id" written out: drizzle drops the table name of a one-table select, and "id" would be ambiguous here.)
      const row = await db
        .select({
          user: users,
          timeZone: sql<string | null>`(SELECT d.time_zone FROM ${guardianships} g JOIN ${districts} d ON d.id = g.district_id WHERE g.user_id = "users"."id" ORDER BY g.created_at, g.id LIMIT 1)`,
        })
        .from(users)
        .where(eq(users.id, session.subjectId))
        .get();
      return row ? { kind: "parent", session, user: row.user, timeZone: row.timeZone ?? DEFAULT_TIME_ZONE } : null;
    }
    case "teacher": {
      const row = await db
        .select({ teacher: teachers, timeZone: districts.timeZone })
        .from(teachers)
        .innerJoin(districts, eq(districts.id, teachers.districtId))
        .where(eq(teachers.id, session.subjectId))
        .get();
      return row ? { kind: "teacher", session, teacher: row.teacher, timeZone: row.timeZone } : null;
    }
    case "student": {
      // Only while the badge or guardianship that opened the session holds (checked in the same query).
      // Student pages show no times: the default zone, without another query.
      const student = await liveGrantedStudent(db, session);
      return student ? { kind: "student", session, student, timeZone: DEFAULT_TIME_ZONE } : null;
    }
  }
}

/** Where each kind of person belongs when they open a page that is not theirs. */
export const HOME_OF = { parent: "/", teacher: "/teacher", student: "/student" } as const;
