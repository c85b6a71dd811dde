import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type * as z from "zod/mini";
import { apiError } from "./errors";
import "../lib/zod-english";

/** zod validation with the API's error shape: 422 with one entry per problem. */
export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({
        path: i.path.map(String).join("."),
        message: i.message,
      }));
      return apiError(c, 422, "validation_failed", `Invalid ${target}: ${details[0]?.path || target} ${details[0]?.message ?? ""}`.trim(), details);
    }
  });
}
