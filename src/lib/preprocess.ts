import * as z from "zod/mini";

/** zod/mini has no `z.preprocess`: the same thing, a transform piped into the schema. */
export function preprocess<T extends z.core.$ZodType>(fn: (value: unknown) => unknown, schema: T): z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T> {
  // z.pipe types its second schema by the first's output (unknown here); the result keeps T's.
  return z.pipe(z.transform(fn), schema) as z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T>;
}
