import { and, asc, eq, gt, inArray, type SQL } from "drizzle-orm";
import * as z from "zod/mini";
import type { Db } from "../db/client";
import { ideas } from "../db/schema";
import { httpUrl } from "../links/links";
import { cleanLine, cleanText } from "../lib/text";
import { isoDate, now } from "../lib/time";
import { GRADE_BANDS, IDEA_LANGUAGE_CODES, IDEA_TOPICS, type GradeBand, type IdeaTopic } from "./catalog";

export type IdeaRow = typeof ideas.$inferSelect;

export const ideaSlug = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may contain only lower-case letters, digits and single hyphens"));

/** A PUT is the whole idea: title, source, link, a short practical summary, and where it fits. */
export const ideaBody = z.strictObject({
  title: z.string().check(z.overwrite(cleanLine), z.trim(), z.minLength(1), z.maxLength(200)),
  source: z.string().check(z.overwrite(cleanLine), z.trim(), z.minLength(1), z.maxLength(200)),
  sourceUrl: httpUrl,
  summary: z.string().check(z.overwrite(cleanText), z.trim(), z.minLength(1), z.maxLength(1000)),
  topic: z.enum(IDEA_TOPICS),
  gradeBand: z.enum(GRADE_BANDS),
  language: z._default(z.enum(IDEA_LANGUAGE_CODES), "en"),
});
export type IdeaInput = z.infer<typeof ideaBody>;

export const ideaJson = (row: IdeaRow) => ({
  slug: row.slug,
  title: row.title,
  source: row.source,
  sourceUrl: row.sourceUrl,
  summary: row.summary,
  topic: row.topic,
  gradeBand: row.gradeBand,
  language: row.language,
  createdAt: isoDate(row.createdAt),
  updatedAt: isoDate(row.updatedAt),
});

export interface IdeaFilter {
  topic?: IdeaTopic | undefined;
  gradeBand?: GradeBand | undefined;
  /** Count ideas for all ages as matching every grade band (what a parent expects). */
  includeAllAges?: boolean;
}

function filterWhere(f: IdeaFilter): SQL | undefined {
  const grade = f.gradeBand
    ? f.includeAllAges && f.gradeBand !== "all"
      ? inArray(ideas.gradeBand, [f.gradeBand, "all"])
      : eq(ideas.gradeBand, f.gradeBand)
    : undefined;
  return and(f.topic ? eq(ideas.topic, f.topic) : undefined, grade);
}

/** The select for the parents' list, in title order: one statement, to run alone or in a batch. */
export function selectIdeas(db: Db, f: IdeaFilter) {
  return db.select().from(ideas).where(filterWhere(f)).orderBy(asc(ideas.title), asc(ideas.slug));
}

/** One page of ideas in slug order, after `afterSlug`; the next page starts after the last slug. */
export async function listIdeasPage(db: Db, f: IdeaFilter, limit: number, afterSlug: string | null) {
  const rows = await db
    .select()
    .from(ideas)
    .where(and(filterWhere(f), afterSlug === null ? undefined : gt(ideas.slug, afterSlug)))
    .orderBy(asc(ideas.slug))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return { items: page, lastSlug: rows.length > limit ? (page.at(-1)?.slug ?? null) : null };
}

/** Creates or replaces the idea `slug`. The batch is one transaction, so "was it there?" is exact. */
export async function upsertIdea(db: Db, slug: string, input: IdeaInput): Promise<{ created: boolean; idea: IdeaRow }> {
  const at = now();
  const [before, written] = await db.batch([
    db.select({ id: ideas.id }).from(ideas).where(eq(ideas.slug, slug)),
    db
      .insert(ideas)
      .values({ ...input, id: `idea_${slug}`, slug, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: ideas.slug, set: { ...input, updatedAt: at } })
      .returning(),
  ]);
  const idea = written[0];
  if (!idea) throw new Error("upsertIdea: the upsert returned no row");
  return { created: before.length === 0, idea };
}

/** Removes the idea `slug`; false when there is none. */
export async function deleteIdea(db: Db, slug: string): Promise<boolean> {
  const gone = await db.delete(ideas).where(eq(ideas.slug, slug)).returning({ id: ideas.id }).all();
  return gone.length > 0;
}
