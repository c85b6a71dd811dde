/**
 * One D1 round trip per page (issue 15). A page declares its statements as a function of the
 * signed-in person's id, given as SQL, and puts `load.middleware` on its route; loadActor finds
 * that route among the request's matched routes and runs the page's statements in the SAME batch
 * as the session, the person and the navigation, the person's id being a subquery on the session
 * id, so nothing waits on an earlier answer. Nothing of it is used unless the session's secret and
 * limits check out and the person is of the page's kind (else it is thrown away). A handler reads
 * the results with `await load.data(c)`, which runs the statements itself (one more round trip)
 * if loadActor did not (a route reached some other way), so the results never depend on it.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv, Bindings } from "../env";
import { getDb, type Db } from "../db/client";
import type { Statement } from "../db/batch";
import type { Actor, ActorKind } from "./actor-type";

/** The route's path parameters and the query, as the page's statements may use them. */
export interface PageInput {
  param(name: string): string | undefined;
  query(name: string): string | undefined;
  /** The worker's bindings (e.g. for config(env)). */
  env: Bindings;
  /**
   * SQL that holds only while the request's session checks out (its secret's hash, its limits):
   * the condition every WRITE among a page's statements must carry, since they run in the same
   * batch as the session's read, before the code's own check.
   */
  live: SQL;
}

type Statements = readonly [Statement, ...Statement[]];

/** What loadActor needs of a page load: whose page it is, and its statements. */
export interface PageStatements {
  readonly kind: ActorKind;
  /** The page's statements for the person whose id is `who` (SQL: a subquery on the session, or the id bound). */
  statements(db: Db, who: SQL, input: PageInput): Statement[];
}

export interface PageLoad<K extends ActorKind, R> extends PageStatements {
  readonly kind: K;
  /** Goes on the page's route (before the handler): it marks the route for loadActor and does nothing else. */
  readonly middleware: MiddlewareHandler;
  /** The page's data, for the person of `c.var.actor` (of this kind: the route lets no one else this far). */
  data<E extends AppEnv>(c: Context<E>): Promise<R>;
}

/** What loadActor ran for the page, kept on the request until the handler reads it. */
export interface LoadedPage {
  load: object;
  results: unknown[];
}

const loads = new WeakMap<object, PageStatements>();

/** The id a page's statements name the person by, once they are known. */
function idOf(actor: Actor): string {
  switch (actor.kind) {
    case "parent":
      return actor.user.id;
    case "teacher":
      return actor.teacher.id;
    case "student":
      return actor.student.id;
  }
}

/** At the handler the person is already checked: `live` is simply true. */
const inputOf = <E extends AppEnv>(c: Context<E>): PageInput => ({ param: (name) => c.req.param(name), query: (name) => c.req.query(name), env: c.env, live: sql`1 = 1` });

/**
 * A page's data in the session's round trip: `statements` (one or more, for one D1 batch) and
 * `read`, which turns their results into what the page shows.
 */
export function pageLoad<K extends ActorKind, S extends Statements, R>(
  kind: K,
  statements: (db: Db, who: SQL, input: PageInput) => S,
  read: (results: BatchResponse<S>, input: PageInput) => R,
): PageLoad<K, R> {
  const middleware: MiddlewareHandler = (_c, next) => next();
  const load: PageLoad<K, R> = {
    kind,
    middleware,
    statements: (db, who, input) => [...statements(db, who, input)],
    async data(c) {
      const input = inputOf(c);
      const loaded = c.get("loadedPage");
      if (loaded?.load === load) return read(loaded.results as BatchResponse<S>, input);
      const actor: Actor | null = c.var.actor;
      if (actor?.kind !== kind) throw new Error(`a ${kind} page's data asked for ${actor ? `a ${actor.kind}` : "nobody"}`);
      const db = getDb(c.env.DB);
      return read(await db.batch(statements(db, sql`${idOf(actor)}`, input)), input);
    },
  };
  loads.set(middleware, load);
  return load;
}

/** The page load on the route this request matched, with that route's parameters; null for any other route. */
export function pageLoadOf(c: Context<AppEnv>, live: SQL): { load: PageStatements; input: PageInput } | null {
  const routes = matchedRoutes(c);
  for (let i = 0; i < routes.length; i++) {
    const load = loads.get(routes[i]!.handler);
    if (!load) continue;
    // A middleware's own parameters are its route's: read the page route's the way its handler will.
    const current = c.req.routeIndex;
    c.req.routeIndex = i;
    const params: Record<string, string> = c.req.param();
    c.req.routeIndex = current;
    return { load, input: { param: (name) => params[name], query: (name) => c.req.query(name), env: c.env, live } };
  }
  return null;
}
