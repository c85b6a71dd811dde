/** Instant Login: a parent hands this device to one of their children (SPEC 3.3). */
import { and, eq, sql } from "drizzle-orm";
import { auditInsert } from "../audit";
import { deleteSession, newSessionRow } from "../auth/sessions";
import type { Db } from "../db/client";
import { guardianships, sessions } from "../db/schema";
import type { ConnectedChild } from "../accounts/children";

/**
 * In one batch: ends the parent's session on this device, starts the child's (8 hours, see
 * SESSION_LIMITS) and records who did it. The child's session names the parent's guardianship
 * of the child as its grant, read inside the insert: it ends when that guardianship does, and
 * none is made if the guardianship is already gone. Returns the child's cookie token.
 */
export async function startInstantLogin(
  db: Db,
  parent: { userId: string; sessionId: string },
  child: Pick<ConnectedChild, "studentId" | "districtId">,
  userAgent?: string | null,
): Promise<string> {
  const { token, row } = newSessionRow("student", child.studentId, userAgent);
  const value = <T,>(v: T) => sql<T>`${v}`;
  await db.batch([
    deleteSession(db, parent.sessionId),
    db.insert(sessions).select(
      db
        .select({
          id: value(row.id).as("id"),
          secretHash: value(row.secretHash).as("secret_hash"),
          kind: value(row.kind).as("kind"),
          subjectId: guardianships.studentId,
          createdAt: value(row.createdAt).as("created_at"),
          lastSeenAt: value(row.lastSeenAt).as("last_seen_at"),
          expiresAt: value(row.expiresAt).as("expires_at"),
          userAgent: value(row.userAgent).as("user_agent"),
          grantId: guardianships.id,
        })
        .from(guardianships)
        .where(and(eq(guardianships.userId, parent.userId), eq(guardianships.studentId, child.studentId), eq(guardianships.districtId, child.districtId))),
    ),
    auditInsert(db, { districtId: child.districtId, actorKind: "parent", actorId: parent.userId, action: "instant_login", studentId: child.studentId }, row.createdAt),
  ]);
  return token;
}
