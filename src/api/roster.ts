import { Hono } from "hono";
import type { AppEnv } from "../env";

export const rosterApi = new Hono<AppEnv>();
