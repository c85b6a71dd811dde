/** GET /: the parent's children; the public landing page for everyone else; teachers and students go to their own homes. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { HOME_OF } from "../auth/actor";
import { listChildren } from "./onboarding/children";
import { takeConnectedSummary } from "./onboarding/finish";
import { HomePage, LandingPage } from "../../views/pages/home";

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get("/", async (c) => {
  const actor = c.get("actor");
  if (!actor) return c.render(<LandingPage />, { title: "Welcome" });
  if (actor.kind !== "parent") return c.redirect(HOME_OF[actor.kind], 303);
  const children = await listChildren(getDb(c.env.DB), actor.user.id);
  return c.render(<HomePage name={actor.user.name} kids={children} summary={takeConnectedSummary(c)} />, { title: "Home" });
});
