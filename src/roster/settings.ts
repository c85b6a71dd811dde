import { eq } from "drizzle-orm";
import * as z from "zod/mini";
import { auditInsert, type AuditActor } from "../audit";
import type { Db } from "../db/client";
import { districts } from "../db/schema";
import { cleanText } from "../lib/text";
import { now } from "../lib/time";

/**
 * An IANA time zone name the platform knows (`America/Chicago`), in its canonical spelling; the
 * district's pages and emails write dates and times in it.
 */
export const timeZoneName = z.pipe(
  z.string().check(z.minLength(1), z.maxLength(64)),
  z.transform((zone: string, ctx) => {
    try {
      return new Intl.DateTimeFormat(undefined, { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      ctx.issues.push({ code: "custom", input: zone, message: "Not an IANA time zone: use a name such as America/New_York or America/Los_Angeles." });
      return z.NEVER;
    }
  }),
);

/** `PUT /settings`: a partial update; null puts invitationMessage / invitationTtlDays back to the default. */
export const settingsBody = z
  .strictObject({
    /** The district's own words at the top of every invitation; "" or null removes them. */
    invitationMessage: z.optional(z.nullable(z.string().check(z.overwrite(cleanText), z.trim(), z.maxLength(1000)))),
    /** Send one reminder on the last day before a pending invitation expires. */
    reminderBeforeExpiry: z.optional(z.boolean()),
    /** Overrides INVITATION_TTL_DAYS for this district's new invitations. */
    invitationTtlDays: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(90)))),
    /** Ask for the badge's 6-digit PIN after a badge scan. */
    badgePin: z.optional(z.boolean()),
    /** IANA name; dates and times on the district's pages and in its emails. Default America/New_York. */
    timeZone: z.optional(timeZoneName).check(z.describe("IANA time zone in which families' and teachers' pages and emails show dates and times (default America/New_York).")),
    /** The unread notice by text may carry the message's first 60 characters (default off: who wrote, never what). */
    smsPreview: z.optional(z.boolean()).check(z.describe("Text notices of an unread message may include its first 60 characters (default false).")),
  })
  .check(
    z.refine((b) => Object.values(b).some((v) => v !== undefined), {
      message: "Send at least one of invitationMessage, reminderBeforeExpiry, invitationTtlDays, badgePin, timeZone, smsPreview.",
    }),
  );

export type SettingsPatch = z.infer<typeof settingsBody>;

export interface DistrictSettings {
  invitationMessage: string | null;
  reminderBeforeExpiry: boolean;
  /** null: the platform default (INVITATION_TTL_DAYS). */
  invitationTtlDays: number | null;
  badgePin: boolean;
  /** IANA name. */
  timeZone: string;
  smsPreview: boolean;
}

const settingsColumns = {
  invitationMessage: districts.invitationMessage,
  reminderBeforeExpiry: districts.reminderBeforeExpiry,
  invitationTtlDays: districts.invitationTtlDays,
  badgePin: districts.badgePin,
  timeZone: districts.timeZone,
  smsPreview: districts.smsPreview,
};

export async function getSettings(db: Db, districtId: string): Promise<DistrictSettings | null> {
  return (await db.select(settingsColumns).from(districts).where(eq(districts.id, districtId)).get()) ?? null;
}

/** Applies a partial update, audited with the names of the fields it changed (never their text). */
export async function updateSettings(db: Db, districtId: string, patch: SettingsPatch, actor: AuditActor) {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<DistrictSettings>;
  if (set.invitationMessage === "") set.invitationMessage = null;
  const at = now();
  const [, , after] = await db.batch([
    db.update(districts).set({ ...set, updatedAt: at }).where(eq(districts.id, districtId)),
    auditInsert(db, { districtId, ...actor, action: "settings.update", detail: { fields: Object.keys(set) } }, at),
    db.select(settingsColumns).from(districts).where(eq(districts.id, districtId)),
  ]);
  return after[0] ?? null;
}
