import { Hono } from "hono";
import type { AppEnv } from "../env";

export const passwordResetRoutes = new Hono<AppEnv>();
