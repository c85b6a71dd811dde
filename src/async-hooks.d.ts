// The one Node API the worker uses (nodejs_compat provides it in workerd); the project does not
// load @types/node, whose globals would hide mistakes in code meant for Workers.
declare module "node:async_hooks" {
  export class AsyncLocalStorage<T> {
    run<R>(store: T, callback: () => R): R;
    getStore(): T | undefined;
  }
}
