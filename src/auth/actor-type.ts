/**
 * Who a page request is from, as types only: src/env.ts names it in the request's variables and
 * src/auth/actor.ts loads it, so it lives apart from both (no import cycle between them).
 */
import type { students, teachers, users } from "../db/schema";
import type { Session } from "./sessions";

export type User = typeof users.$inferSelect;
export type Teacher = typeof teachers.$inferSelect;
export type StudentRow = typeof students.$inferSelect;

/**
 * Who is making a page request: a parent, a teacher, a student, or nobody (null). `timeZone` is
 * their district's IANA zone (a parent's: their first child's district), read with the row.
 */
export type Actor =
  | { kind: "parent"; session: Session; user: User; timeZone: string }
  | { kind: "teacher"; session: Session; teacher: Teacher; timeZone: string }
  | { kind: "student"; session: Session; student: StudentRow; timeZone: string };

export type ActorKind = Actor["kind"];
/** The actor of one kind: `ActorOf<"parent">` has `user`. */
export type ActorOf<K extends ActorKind> = Extract<Actor, { kind: K }>;
export type ParentActor = ActorOf<"parent">;
export type TeacherActor = ActorOf<"teacher">;
export type StudentActor = ActorOf<"student">;
