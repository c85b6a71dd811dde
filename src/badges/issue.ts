import { and, eq, inArray, isNull } from "drizzle-orm";
import { auditInsert, type AuditActor } from "../audit";
import { endBadgeSessionsOf, endSessionsOfGrant } from "../auth/grants";
import type { Db } from "../db/client";
import { badges, districts, students } from "../db/schema";
import { hashToken, newId } from "../lib/random";
import { now } from "../lib/time";
import { chunk, LOOKUP_CHUNK, runBatch, type Statement } from "../db/batch";
import { badgePinHash, badgeToken } from "./token";


/**
 * A new badge for a student, voiding the live one (the old QR code dies at once). The statements
 * go in one db.batch; the void comes first so the "one live badge per student" index holds.
 * The caller checks that the student is in the district and has badges enabled.
 */
export function regenerateBadge(
  db: Db,
  o: { secret: string; districtId: string; studentId: string; withPin: boolean; actor: AuditActor; at?: number },
): { badge: { id: string; createdAt: number }; statements: Statement[] } {
  const id = newId("bdg");
  const at = o.at ?? now();
  return {
    badge: { id, createdAt: at },
    statements: [
      db
        .update(badges)
        .set({ voidedAt: at })
        .where(and(eq(badges.studentId, o.studentId), eq(badges.districtId, o.districtId), isNull(badges.voidedAt))),
      db.insert(badges).values({
        id,
        districtId: o.districtId,
        studentId: o.studentId,
        tokenHash: hashToken(badgeToken(o.secret, id)),
        pinHash: o.withPin ? badgePinHash(o.secret, id) : null,
        createdAt: at,
      }),
      // The old badge's sessions end with it.
      ...endBadgeSessionsOf(db, [o.studentId]),
      auditInsert(db, { districtId: o.districtId, ...o.actor, action: "badge.regenerate", studentId: o.studentId, targetId: id, detail: { pin: o.withPin } }, at),
    ],
  };
}

/** Voids a student's live badge `badgeId` (from liveBadges) and ends the sessions it opened, audited. */
export function voidBadge(db: Db, o: { districtId: string; studentId: string; badgeId: string; actor: AuditActor; at?: number }): Statement[] {
  const at = o.at ?? now();
  return [
    db
      .update(badges)
      .set({ voidedAt: at })
      .where(and(eq(badges.id, o.badgeId), eq(badges.districtId, o.districtId), isNull(badges.voidedAt))),
    endSessionsOfGrant(db, o.badgeId),
    auditInsert(db, { districtId: o.districtId, ...o.actor, action: "badge.void", studentId: o.studentId, targetId: o.badgeId }, at),
  ];
}

/** The live badges of some of a district's students, in chunked lookups sent as one batch. */
export async function liveBadges(db: Db, districtId: string, studentIds: readonly string[]) {
  const lookups = chunk([...new Set(studentIds)], LOOKUP_CHUNK).map((part) =>
    db
      .select({ id: badges.id, studentId: badges.studentId, createdAt: badges.createdAt })
      .from(badges)
      .where(and(eq(badges.districtId, districtId), inArray(badges.studentId, part), isNull(badges.voidedAt))),
  );
  return (await runBatch(db, lookups)).flat();
}

/** A student of this district by sisId, with what badge issuing needs to know. */
export async function badgeSubject(db: Db, districtId: string, sisId: string) {
  const row = await db
    .select({ studentId: students.id, badgesEnabled: students.badgesEnabled, badgePin: districts.badgePin })
    .from(students)
    .innerJoin(districts, eq(districts.id, students.districtId))
    .where(and(eq(students.districtId, districtId), eq(students.sisId, sisId)))
    .get();
  return row ?? null;
}
