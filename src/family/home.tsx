import { Hono } from "hono";
import type { AppEnv } from "../env";

export const homeRoutes = new Hono<AppEnv>();
