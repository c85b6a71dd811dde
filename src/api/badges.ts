import { Hono } from "hono";
import type { AppEnv } from "../env";

export const badgesApi = new Hono<AppEnv>();
