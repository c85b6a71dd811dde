import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { districts } from "../db/schema";
import { DAY } from "../lib/time";

/** What an invitation needs to know about the district that sends it. */
export interface InvitingDistrict {
  id: string;
  name: string;
  invitationMessage: string | null;
  invitationTtlDays: number | null;
  /** IANA zone in which invitations write their expiry. */
  timeZone: string;
}

/** The columns of an InvitingDistrict, for queries that join more. */
export const invitingDistrictColumns = {
  id: districts.id,
  name: districts.name,
  invitationMessage: districts.invitationMessage,
  invitationTtlDays: districts.invitationTtlDays,
  timeZone: districts.timeZone,
};

export async function loadInvitingDistrict(db: Db, districtId: string): Promise<InvitingDistrict | null> {
  const row = await db
    .select(invitingDistrictColumns)
    .from(districts)
    .where(eq(districts.id, districtId))
    .get();
  return row ?? null;
}

/** The district's own lifetime, else the platform's (config(env).invitationTtlDays). */
export function invitationTtlMs(district: Pick<InvitingDistrict, "invitationTtlDays">, defaultTtlDays: number): number {
  const days = district.invitationTtlDays ?? defaultTtlDays;
  return days * DAY;
}
