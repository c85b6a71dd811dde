import { eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianships, students } from "../db/schema";
import { gradeBandOf, IDEA_TOPICS, sameLanguage, type GradeBand, type IdeaTopic } from "./catalog";
import { selectIdeas, type IdeaRow } from "./ideas";

const SCHOOL_BANDS = ["K-2", "3-5", "6-8", "9-12"] as const;

/** A grade band one or more of the parent's children are in, with their first names. */
export interface ChildBand {
  band: Exclude<GradeBand, "all">;
  names: string[];
}

export interface ParentIdeas {
  ideas: IdeaRow[];
  childBands: ChildBand[];
}

type Filters = { topic?: IdeaTopic | undefined; grade?: GradeBand | undefined };

/**
 * The ideas for a parent's filters and their children's grades: two statements for one round trip.
 * `userId` may be SQL (a subquery on the session).
 */
export function ideasStatements(db: Db, userId: string | SQL, filters: Filters) {
  const { topic, grade: gradeBand } = filters;
  return [
    selectIdeas(db, { topic, gradeBand, includeAllAges: true }),
    db
      .select({ firstName: students.firstName, grade: students.grade })
      .from(guardianships)
      .innerJoin(students, eq(students.id, guardianships.studentId))
      .where(eq(guardianships.userId, userId))
      .orderBy(students.firstName),
  ] as const;
}

/**
 * Ideas in the reader's language (the page's) come first, then the others. Within each, without
 * a grade filter, ideas for the children's bands come first, then ideas for all ages.
 */
export function rankIdeas(rows: readonly IdeaRow[], children: readonly { firstName: string; grade: string | null }[], filters: Filters, language: string): ParentIdeas {
  const gradeBand = filters.grade;
  const byBand = new Map<ChildBand["band"], string[]>();
  for (const child of children) {
    const band = gradeBandOf(child.grade);
    if (band) byBand.set(band, [...(byBand.get(band) ?? []), child.firstName]);
  }
  const childBands = SCHOOL_BANDS.flatMap((band) => {
    const names = byBand.get(band);
    return names ? [{ band, names }] : [];
  });

  const rank = (idea: IdeaRow): number => {
    if (gradeBand || childBands.length === 0) return 0;
    if (childBands.some((b) => b.band === idea.gradeBand)) return 0;
    return idea.gradeBand === "all" ? 1 : 2;
  };
  const topicOrder = (idea: IdeaRow) => {
    const i = (IDEA_TOPICS as readonly string[]).indexOf(idea.topic);
    return i === -1 ? IDEA_TOPICS.length : i;
  };
  const other = (idea: IdeaRow) => (sameLanguage(idea.language, language) ? 0 : 1);
  // A stable sort keeps the query's title order within each group.
  const ideas = [...rows].sort((a, b) => other(a) - other(b) || rank(a) - rank(b) || topicOrder(a) - topicOrder(b));
  return { ideas, childBands };
}
