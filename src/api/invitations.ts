import { Hono } from "hono";
import type { AppEnv } from "../env";

export const invitationsApi = new Hono<AppEnv>();
