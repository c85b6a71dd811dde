import { Hono } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { getSettings, settingsBody, updateSettings } from "../roster/settings";
import { apiError } from "./errors";
import { validate } from "./validate";

/** `/settings`: the district's invitation wording, reminder, invitation lifetime, badge PIN and time zone. */
export const settingsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const settings = await getSettings(getDb(c.env.DB), c.get("district").id);
    return settings ? c.json(settings) : apiError(c, 404, "not_found", "No such district.");
  })
  .put("/", validate("json", settingsBody), async (c) => {
    const district = c.get("district");
    const settings = await updateSettings(getDb(c.env.DB), district.id, c.req.valid("json"), { actorKind: "district", actorId: district.id });
    return settings ? c.json(settings) : apiError(c, 404, "not_found", "No such district.");
  });
