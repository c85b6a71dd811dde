import { Hono } from "hono";
import type { AppEnv } from "../env";
import { dbOf } from "../db/route";
import { getSettings, settingsBody, updateSettings } from "../roster/settings";
import { apiError } from "./errors";
import { validate } from "./validate";

/** `/settings`: the district's invitation wording, reminder, invitation lifetime, badge PIN and time zone. */
export const settingsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const settings = await getSettings(dbOf(c.env, c.get("district").id), c.get("district").id);
    return settings ? c.json(settings) : apiError(c, 404, "not_found", "No such district.");
  })
  .put("/", validate("json", settingsBody), async (c) => {
    const district = c.get("district");
    const settings = await updateSettings(dbOf(c.env, c.get("district").id), district.id, c.req.valid("json"), { actorKind: "district", actorId: district.id });
    return settings ? c.json(settings) : apiError(c, 404, "not_found", "No such district.");
  });
