/** GET /: the parent's children; the public landing page for everyone else; teachers and students go to their own homes. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { HOME_OF } from "../auth/actor";
import { homeLoad } from "../accounts/home";
import { takeConnectedSummary } from "../onboarding/finish";
import { HomePage, LandingPage } from "../../views/pages/home";

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get("/", homeLoad.middleware, async (c) => {
  const actor = c.get("actor");
  const t = c.var.locale.t;
  // The one notice a signed-out visitor can get: after deleting their account (a fixed text, nothing echoed).
  const notice = c.req.query("done") === "account-deleted" ? t.home.accountDeleted : null;
  if (!actor) return c.render(<LandingPage notice={notice} />, { title: t.home.landingTitle });
  if (actor.kind !== "parent") return c.redirect(HOME_OF[actor.kind], 303);
  const { kids, links } = await homeLoad.data(c);
  return c.render(<HomePage name={actor.user.name} kids={kids} links={links} summary={takeConnectedSummary(c)} />, { title: t.home.title });
});
