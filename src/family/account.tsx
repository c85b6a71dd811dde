import { Hono } from "hono";
import type { AppEnv } from "../env";

export const accountRoutes = new Hono<AppEnv>();
