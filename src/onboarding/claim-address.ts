/** Giving an email address to the person who proved they hold it (a used sign-up link, or Google's verified address). */
import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { insertSelect, type Statement } from "../db/batch";

/**
 * The statements that give an address to its proven owner, when `condition` holds: an
 * unconfirmed Google account on it keeps its own sign-in but lets go of the address; then the
 * owner's verified row is written, either new or over the unconfirmed password-only row the old
 * sign-up left (same id, its password and name replaced). A confirmed account is never touched.
 */
export function claimAddressStatements(
  db: Db,
  row: { id: string; email: string; name: string; passwordHash: string | null; googleSub: string | null; language?: string | null },
  now: number,
  condition: SQL = sql`1`,
): Statement[] {
  return [
    db
      .update(users)
      .set({ email: sql`'unconfirmed+' || lower(${users.id}) || '@released.invalid'`, updatedAt: now })
      .where(and(eq(users.email, row.email), isNull(users.emailVerifiedAt), isNotNull(users.googleSub), condition)),
    // Columns by name (insertSelect). SQLite needs the WHERE of INSERT ... SELECT before ON CONFLICT; it always has one.
    insertSelect(
      db,
      users,
      { id: row.id, email: row.email, emailVerifiedAt: now, name: row.name, passwordHash: row.passwordHash, googleSub: row.googleSub, notifyUnread: true, language: row.language ?? null, createdAt: now, updatedAt: now },
      sql` WHERE ${condition}`,
    ).onConflictDoUpdate({
      target: users.email,
      set: { emailVerifiedAt: now, name: row.name, passwordHash: row.passwordHash, googleSub: row.googleSub, language: row.language ?? null, updatedAt: now },
      setWhere: sql`${users.id} = ${row.id} AND ${users.emailVerifiedAt} IS NULL AND ${users.googleSub} IS NULL`,
    }),
  ];
}
