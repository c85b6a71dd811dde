import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { districts } from "../db/schema";
import { numberVar } from "../env";
import { DAY } from "../lib/time";

/** What an invitation needs to know about the district that sends it. */
export interface InvitingDistrict {
  id: string;
  name: string;
  invitationMessage: string | null;
  invitationTtlDays: number | null;
}

export async function loadInvitingDistrict(db: Db, districtId: string): Promise<InvitingDistrict | null> {
  const row = await db
    .select({
      id: districts.id,
      name: districts.name,
      invitationMessage: districts.invitationMessage,
      invitationTtlDays: districts.invitationTtlDays,
    })
    .from(districts)
    .where(eq(districts.id, districtId))
    .get();
  return row ?? null;
}

/** The district's own lifetime, else INVITATION_TTL_DAYS, else 14 days. */
export function invitationTtlMs(district: Pick<InvitingDistrict, "invitationTtlDays">, envTtlDays: string | undefined): number {
  const days = district.invitationTtlDays ?? numberVar(envTtlDays, 14);
  return days * DAY;
}
