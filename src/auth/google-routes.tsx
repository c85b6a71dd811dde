import { Hono } from "hono";
import type { AppEnv } from "../env";

export const googleRoutes = new Hono<AppEnv>();
