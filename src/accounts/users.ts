/** Parent accounts (users rows) by what a person types: their email address. */
import { eq } from "drizzle-orm";
import type { User } from "../auth/actor";
import type { Db } from "../db/client";
import { users } from "../db/schema";

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  return (await db.select().from(users).where(eq(users.email, email)).get()) ?? null;
}
