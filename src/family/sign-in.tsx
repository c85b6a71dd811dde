import { Hono } from "hono";
import type { AppEnv } from "../env";

export const signInRoutes = new Hono<AppEnv>();
