import { Hono } from "hono";
import type { AppEnv } from "../env";

/**
 * `/dev/fail`: an address that fails on purpose, so the 500 page (and the error log line) can be
 * seen in a browser and checked by the end-to-end suite. Development only, like all of /dev/*.
 */
export function devFailRoutes() {
  return new Hono<AppEnv>().get("/fail", () => {
    throw new Error("/dev/fail: a failure on purpose, to show the 500 page");
  });
}
