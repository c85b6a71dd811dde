import { Hono } from "hono";
import type { AppEnv } from "../env";

export const teacherRoutes = new Hono<AppEnv>();
