import { Hono } from "hono";
import type { AppEnv } from "../env";

export const onboardingRoutes = new Hono<AppEnv>();
