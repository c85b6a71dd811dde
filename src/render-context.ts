import { AsyncLocalStorage } from "node:async_hooks";
import type { Context, Env } from "hono";

/**
 * The request a page is being rendered for, so views can read it (`useT`, `CsrfField`) without
 * passing it down. Our own few lines instead of hono/jsx-renderer, whose import of all of hono/jsx
 * brought the browser-side DOM renderer into the worker; AsyncLocalStorage (nodejs_compat) follows
 * async components across their awaits, as hono's context did.
 */
const rendering = new AsyncLocalStorage<Context>();

/** Renders `render()` (a `c.html(...)` of JSX) with `c` as the request its views see. */
export function withRequest<T>(c: Context, render: () => T): T {
  return rendering.run(c, render);
}

export function useRequestContext<E extends Env = Env>(): Context<E> {
  const c = rendering.getStore();
  if (!c) throw new Error("RequestContext is not provided.");
  return c as Context<E>;
}
