/**
 * Development-only instrumentation: a D1Database that counts the statements it runs, so the
 * benchmark can report rows per statement from the API's `X-D1-Statements` header.
 */
export function countingD1(db: D1Database): { db: D1Database; count: () => number } {
  let n = 0;
  const unwrap = new WeakMap<object, D1PreparedStatement>();
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          n += statements.length;
          return target.batch(statements.map((s) => unwrap.get(s) ?? s));
        };
      }
      if (prop === "prepare") {
        return (query: string) => countStatement(target.prepare(query));
      }
      if (prop === "exec") {
        return (query: string) => {
          n += 1;
          return target.exec(query);
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
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    unwrap.set(proxy, stmt);
    return proxy;
  }

  return { db: wrapped, count: () => n };
}
