import { Hono } from "hono";
import type { AppEnv } from "../env";

export const guardiansApi = new Hono<AppEnv>();
