/** GET /: the parent's children; the public landing page for everyone else; teachers and students go to their own homes. */
import { Hono } from "hono";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppEnv } from "../env";
import { getDb, type Db } from "../db/client";
import { districtLinks, districts, guardianships } from "../db/schema";
import { HOME_OF } from "../auth/actor";
import { AUDIENCES_FOR } from "../student/portal";
import { ownChildrenQuery, type ConnectedChild } from "../accounts/children";
import { takeConnectedSummary } from "../onboarding/finish";
import { HomePage, LandingPage, type HomeLink } from "../../views/pages/home";

export const homeRoutes = new Hono<AppEnv>();

/**
 * One round trip of two statements, however many children and districts: the parent's children
 * with their schools, and the families' links of the districts those children belong to (each
 * district once, even when siblings share it).
 */
export async function loadHome(db: Db, userId: string): Promise<{ kids: ConnectedChild[]; links: HomeLink[] }> {
  const myDistricts = db.select({ id: guardianships.districtId }).from(guardianships).where(eq(guardianships.userId, userId));
  const [kids, links] = await db.batch([
    ownChildrenQuery(db, userId),
    db
      .select({
        districtId: districtLinks.districtId,
        districtName: districts.name,
        title: districtLinks.title,
        url: districtLinks.url,
        description: districtLinks.description,
      })
      .from(districtLinks)
      .innerJoin(districts, eq(districts.id, districtLinks.districtId))
      .where(and(inArray(districtLinks.districtId, myDistricts), inArray(districtLinks.audience, [...AUDIENCES_FOR.families])))
      .orderBy(asc(districts.name), asc(districtLinks.districtId), asc(districtLinks.key)),
  ]);
  return { kids, links };
}

homeRoutes.get("/", async (c) => {
  const actor = c.get("actor");
  // The one notice a signed-out visitor can get: after deleting their account (a fixed text, nothing echoed).
  const notice = c.req.query("done") === "account-deleted" ? "Your account is deleted. Thank you for using Family Portal." : null;
  if (!actor) return c.render(<LandingPage notice={notice} />, { title: "Welcome" });
  if (actor.kind !== "parent") return c.redirect(HOME_OF[actor.kind], 303);
  const { kids, links } = await loadHome(getDb(c.env.DB), actor.user.id);
  return c.render(<HomePage name={actor.user.name} kids={kids} links={links} summary={takeConnectedSummary(c)} />, { title: "Home" });
});
