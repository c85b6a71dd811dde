import { and, desc, eq, isNotNull, isNull, lt, or, type SQL } from "drizzle-orm";
import * as z from "zod/mini";
import type { Db } from "../db/client";
import { ideaSuggestions } from "../db/schema";
import { encodeCursor, type Cursor } from "../lib/cursor";
import { newId } from "../lib/random";
import { cleanText } from "../lib/text";
import { isoDate, now } from "../lib/time";
import { IDEA_TOPICS, type IdeaTopic } from "./catalog";
import type { Catalog } from "../i18n/catalog";

export type SuggestionRow = typeof ideaSuggestions.$inferSelect;

export const SUGGESTION_MIN = 10;
export const SUGGESTION_MAX = 2000;

/** A parent may send this many suggestions an hour (enough to be useful, too few to flood the list). */
export const SUGGESTION_LIMIT = { limit: 5, windowMs: 3_600_000 } as const;

/** What the form says when a field is wrong: the reader's catalog (ideas.suggest). */
type SuggestionMessages = Pick<Catalog["ideas"]["suggest"], "missing" | "tooShort" | "tooLong" | "unknownTopic">;

/** The "Suggest an idea" form, its messages in the reader's language. An empty topic select means "no topic". */
export const suggestionForm = (say: SuggestionMessages) =>
  z.strictObject({
    text: z
      .string({ error: say.missing })
      .check(z.overwrite(cleanText), z.trim(), z.minLength(SUGGESTION_MIN, say.tooShort(SUGGESTION_MIN)), z.maxLength(SUGGESTION_MAX, say.tooLong(SUGGESTION_MAX))),
    topic: z.pipe(
      z.optional(z.union([z.enum(IDEA_TOPICS), z.literal("")], { error: say.unknownTopic })),
      z.transform((t: IdeaTopic | "" | undefined) => t || null),
    ),
  });

export type SuggestionInput = z.output<ReturnType<typeof suggestionForm>>;

export async function createSuggestion(db: Db, userId: string, input: SuggestionInput): Promise<SuggestionRow> {
  const row: SuggestionRow = { id: newId("sug"), userId, text: input.text, topic: input.topic, createdAt: now(), handledAt: null };
  await db.insert(ideaSuggestions).values(row);
  return row;
}

export const suggestionJson = (row: SuggestionRow) => ({
  id: row.id,
  text: row.text,
  topic: row.topic,
  userId: row.userId,
  createdAt: isoDate(row.createdAt),
  handledAt: row.handledAt === null ? null : isoDate(row.handledAt),
});

export type SuggestionStatus = "open" | "handled";

/** Newest first: the rows strictly before the cursor's (createdAt, id). */
export async function listSuggestions(db: Db, status: SuggestionStatus | undefined, limit: number, cursor: Cursor | null) {
  const t = ideaSuggestions;
  const conditions: (SQL | undefined)[] = [
    status === "open" ? isNull(t.handledAt) : status === "handled" ? isNotNull(t.handledAt) : undefined,
    cursor ? or(lt(t.createdAt, cursor.at), and(eq(t.createdAt, cursor.at), lt(t.id, cursor.id))) : undefined,
  ];
  const rows = await db
    .select()
    .from(t)
    .where(and(...conditions))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** Marks a suggestion handled (a repeat keeps the first time); null when there is no such suggestion. */
export async function markSuggestionHandled(db: Db, id: string): Promise<SuggestionRow | null> {
  const t = ideaSuggestions;
  const [, rows] = await db.batch([
    db.update(t).set({ handledAt: now() }).where(and(eq(t.id, id), isNull(t.handledAt))),
    db.select().from(t).where(eq(t.id, id)),
  ]);
  return rows[0] ?? null;
}
