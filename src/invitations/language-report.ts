/**
 * "Which languages do our families speak?": for GET /reports, so a district knows which
 * interpreters and translations it needs.
 *
 * - `families`: the district's guardian contacts by the language the district gave for them,
 *   counted once per address (a parent invited for three children is one family; two parents with
 *   their own addresses are two). An address given two languages (one per child) counts in each.
 * - `guardians`: parents connected to at least one of the district's students, by the language of
 *   their account (the one their pages and emails are in).
 * - `unknown`: no language given (contacts) or none saved (accounts).
 * Tags are grouped without regard to case and shown in canonical case (`es-MX`); `es` and `es-MX`
 * stay apart, as the district gave them.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { guardianContacts, guardianships, students, users } from "../db/schema";

export const UNKNOWN_LANGUAGE = "unknown";

export interface LanguageCount {
  language: string;
  families: number;
  guardians: number;
}

function canonical(tag: string | null): string {
  if (!tag) return UNKNOWN_LANGUAGE;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

export async function countFamiliesByLanguage(db: Db, districtId: string): Promise<LanguageCount[]> {
  const contactLanguage = sql<string | null>`lower(${guardianContacts.language})`;
  const accountLanguage = sql<string | null>`lower(${users.language})`;
  const [contacts, accounts] = await Promise.all([
    db
      .select({ language: contactLanguage, n: sql<number>`count(DISTINCT ${guardianContacts.channel} || ' ' || ${guardianContacts.address})` })
      .from(students)
      .innerJoin(guardianContacts, eq(guardianContacts.studentId, students.id))
      .where(eq(students.districtId, districtId))
      .groupBy(contactLanguage)
      .all(),
    db
      .select({ language: accountLanguage, n: sql<number>`count(DISTINCT ${users.id})` })
      .from(students)
      .innerJoin(guardianships, eq(guardianships.studentId, students.id))
      .innerJoin(users, eq(users.id, guardianships.userId))
      .where(eq(students.districtId, districtId))
      .groupBy(accountLanguage)
      .all(),
  ]);
  const rows = new Map<string, LanguageCount>();
  const row = (tag: string | null) => {
    const language = canonical(tag);
    let r = rows.get(language);
    if (!r) rows.set(language, (r = { language, families: 0, guardians: 0 }));
    return r;
  };
  for (const c of contacts) row(c.language).families += c.n;
  for (const a of accounts) row(a.language).guardians += a.n;
  return [...rows.values()].sort((a, b) => b.families - a.families || b.guardians - a.guardians || a.language.localeCompare(b.language));
}
