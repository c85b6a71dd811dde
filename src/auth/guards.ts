/**
 * One guard per kind of person. requireParent, requireTeacher and requireStudent let their own
 * kind through with `c.var.actor` typed as that kind (handlers read `c.var.actor.user` with no
 * check of their own), and turn everyone else away as that kind's pages always have: someone
 * signed in as another kind to their own place, nobody to the sign-in page (with `?next=` back
 * to the page on a GET).
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { HOME_OF } from "./actor";
import type { Actor, ActorKind, ActorOf } from "./actor-type";

/** Each kind's sign-in page, and where someone signed in as another kind is sent. */
const DOORS: Record<ActorKind, { signIn: string; elsewhere(other: Actor): string }> = {
  parent: { signIn: "/sign-in", elsewhere: (other) => HOME_OF[other.kind] },
  // Someone who is both a parent and a teacher switches at the teacher sign-in.
  teacher: { signIn: "/teacher/sign-in", elsewhere: () => "/teacher/sign-in" },
  student: { signIn: "/badges", elsewhere: (other) => HOME_OF[other.kind] },
};

/** Where a person of this kind signs in. */
export const signInPageOf = (kind: ActorKind): string => DOORS[kind].signIn;

/** The app's variables once a guard has let only `K` through. */
export type ActorEnv<K extends ActorKind> = AppEnv & { Variables: { actor: ActorOf<K> } };
export type ParentEnv = ActorEnv<"parent">;
export type TeacherEnv = ActorEnv<"teacher">;
export type StudentEnv = ActorEnv<"student">;

/** The signed-in person if they are of this kind, else null. */
export function actorOfKind<K extends ActorKind>(actor: Actor | null, kind: K): ActorOf<K> | null {
  return actor?.kind === kind ? (actor as ActorOf<K>) : null;
}

/** The redirect for someone who may not open a page of `kind`s; `withNext` brings them back after signing in. */
export function turnAway<E extends AppEnv>(c: Context<E>, kind: ActorKind, withNext = c.req.method === "GET"): Response {
  const door = DOORS[kind];
  const actor: Actor | null = c.var.actor;
  if (actor) return c.redirect(door.elsewhere(actor), 303);
  if (!withNext) return c.redirect(door.signIn, 303);
  const here = new URL(c.req.url);
  return c.redirect(`${door.signIn}?next=${encodeURIComponent(here.pathname + here.search)}`, 303);
}

/** Pages for `kind`s only. */
export function requireKind<K extends ActorKind>(kind: K) {
  return createMiddleware<ActorEnv<K>>(async (c, next) => {
    if (actorOfKind(c.var.actor, kind)) return next();
    return turnAway(c, kind);
  });
}

export const requireParent = requireKind("parent");
export const requireTeacher = requireKind("teacher");
export const requireStudent = requireKind("student");
