import { Hono } from "hono";
import type { AppEnv } from "../env";

export const linksApi = new Hono<AppEnv>();
