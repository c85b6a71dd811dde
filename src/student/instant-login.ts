/** Instant Login: a parent hands this device to one of their children (SPEC 3.3). */
import { auditInsert } from "../audit";
import { deleteSession, newSessionRow } from "../auth/sessions";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";
import type { ConnectedChild } from "../family/children";

export { findOwnChild } from "../family/children";

/**
 * In one batch: ends the parent's session on this device, starts the child's (8 hours, see
 * SESSION_LIMITS) and records who did it. Returns the child's cookie token.
 */
export async function startInstantLogin(
  db: Db,
  parent: { userId: string; sessionId: string },
  child: Pick<ConnectedChild, "studentId" | "districtId">,
  userAgent?: string | null,
): Promise<string> {
  const { token, row } = newSessionRow("student", child.studentId, userAgent);
  await db.batch([
    deleteSession(db, parent.sessionId),
    db.insert(sessions).values(row),
    auditInsert(db, { districtId: child.districtId, actorKind: "parent", actorId: parent.userId, action: "instant_login", studentId: child.studentId }),
  ]);
  return token;
}
