/** What a request cost in D1: round trips (a batch is one), statements, and time spent waiting. */
export interface D1Cost {
  db: D1Database;
  /** Statements run. */
  count: () => number;
  /** Calls that went to the database: each batch once, each statement run alone once. */
  roundTrips: () => number;
  /** Milliseconds spent waiting on those calls (overlapping calls add up). */
  milliseconds: () => number;
  /** Rows written, as D1 reports them (`meta.rows_written`: what Cloudflare bills; first() and raw() report none). */
  rowsWritten: () => number;
}

/** `meta.rows_written` of a D1 result, or of each result of a batch. */
function rowsWrittenBy(result: unknown): number {
  if (Array.isArray(result)) return result.reduce((sum: number, one: unknown) => sum + rowsWrittenBy(one), 0);
  const written = (result as { meta?: { rows_written?: unknown } } | null)?.meta?.rows_written;
  return typeof written === "number" ? written : 0;
}

/**
 * Development-only instrumentation: a D1Database that counts the statements and round trips it
 * runs, so every response can say in `Server-Timing` (and the API in `X-D1-Statements`) what it
 * cost, and `npm run bench` can report it per route.
 */
export function countingD1(db: D1Database): D1Cost {
  let n = 0;
  let trips = 0;
  let waited = 0;
  let written = 0;
  async function timed<T>(call: () => Promise<T>): Promise<T> {
    trips += 1;
    const started = performance.now();
    try {
      const result = await call();
      written += rowsWrittenBy(result);
      return result;
    } finally {
      waited += performance.now() - started;
    }
  }
  const unwrap = new WeakMap<object, D1PreparedStatement>();
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          n += statements.length;
          return timed(() => target.batch(statements.map((s) => unwrap.get(s) ?? s)));
        };
      }
      if (prop === "prepare") {
        return (query: string) => countStatement(target.prepare(query));
      }
      if (prop === "exec") {
        return (query: string) => {
          n += 1;
          return timed(() => target.exec(query));
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  // A statement counts once when it runs on its own; inside batch() the batch counts it.
  function countStatement(stmt: D1PreparedStatement): D1PreparedStatement {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => countStatement(target.bind(...values));
        if (prop === "first" || prop === "run" || prop === "all" || prop === "raw") {
          return (...args: unknown[]) => {
            n += 1;
            return timed(() => (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args));
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    unwrap.set(proxy, stmt);
    return proxy;
  }

  return { db: wrapped, count: () => n, roundTrips: () => trips, milliseconds: () => waited, rowsWritten: () => written };
}

/**
 * `env` with each named D1 binding counted (the directory and every district database the routing
 * table uses, src/db/route.ts), and the request's cost summed over all of them.
 */
export function countingBindings<E extends object>(env: E, names: readonly string[]): { env: E; cost: Omit<D1Cost, "db"> } {
  const bindings = env as unknown as Record<string, D1Database>;
  const costs = names.map((name) => [name, countingD1(bindings[name]!)] as const);
  const counted = { ...env, ...Object.fromEntries(costs.map(([name, cost]) => [name, cost.db])) } as E;
  const sum = (pick: (cost: D1Cost) => number) => () => costs.reduce((total, [, cost]) => total + pick(cost), 0);
  return {
    env: counted,
    cost: { count: sum((c) => c.count()), roundTrips: sum((c) => c.roundTrips()), milliseconds: sum((c) => c.milliseconds()), rowsWritten: sum((c) => c.rowsWritten()) },
  };
}
