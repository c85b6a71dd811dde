/** What a parent's home page shows: their children and their districts' links for families. */
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { pageLoad } from "../auth/page-load";
import type { Db } from "../db/client";
import { districtLinks, districts, guardianships } from "../db/schema";
import { AUDIENCES_FOR } from "../student/portal";
import { ownChildrenQuery, type ConnectedChild } from "./children";

/** A district's link for families, with the district it comes from. */
export interface HomeLink {
  districtId: string;
  districtName: string;
  title: string;
  url: string;
  description: string | null;
}

/**
 * Two statements for one round trip, however many children and districts: the parent's children
 * with their schools, and the families' links of the districts those children belong to (each
 * district once, even when siblings share it). `userId` may be SQL (a subquery on the session).
 */
export function homeStatements(db: Db, userId: string | SQL) {
  const myDistricts = db.select({ id: guardianships.districtId }).from(guardianships).where(eq(guardianships.userId, userId));
  return [
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
  ] as const;
}

/** The parent's home page, in the session's round trip. */
export const homeLoad = pageLoad("parent", homeStatements, ([kids, links]): { kids: ConnectedChild[]; links: HomeLink[] } => ({ kids, links }));

export async function loadHome(db: Db, userId: string): Promise<{ kids: ConnectedChild[]; links: HomeLink[] }> {
  const [kids, links] = await db.batch(homeStatements(db, userId));
  return { kids, links };
}
