import * as z from "zod";
import { cleanLine } from "../lib/text";
import { email, sisId } from "../roster/schemas";
import { normalizePhone } from "./normalize";
import { BCP47 } from "../i18n/negotiate";

export const MAX_BATCH_INVITATIONS = 1000;

export { sisId };

const optionalText = (max: number) =>
  z
    .string()
    .overwrite(cleanLine)
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));


const phone = z
  .string()
  .max(32)
  .transform((v, ctx) => {
    const e164 = normalizePhone(v);
    if (e164 === null) {
      ctx.addIssue({ code: "custom", message: "Not a phone number we can read: use +<country code><number>, or a 10-digit US/Canadian number." });
      return z.NEVER;
    }
    return e164;
  });

/**
 * The family's language (BCP 47: `es`, `es-MX`, `vi`), stored as given even when we have no catalog
 * for it (teachers and the district still see it; messages use the closest catalog, see
 * message-language.ts).
 */
export const languageTag = z
  .string()
  .max(35)
  .regex(BCP47, "Not a BCP 47 language tag: use one such as es, es-MX or vi.")
  .describe("The family's language as a BCP 47 tag (es, es-MX, vi). Invitations go out in the closest language we have, else English; the tag is kept as given.");

/** One invitation as a district posts it; the output is in normal form. */
export const invitationInput = z
  .strictObject({
    studentSisId: sisId,
    email: email.nullish(),
    phone: phone.nullish(),
    name: optionalText(200),
    relationship: optionalText(100),
    language: languageTag.nullish(),
  })
  .superRefine((v, ctx) => {
    if ((v.email == null) === (v.phone == null)) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Give exactly one of email or phone." });
    }
  })
  .transform((v) => ({
    studentSisId: v.studentSisId,
    channel: v.email != null ? ("email" as const) : ("sms" as const),
    address: (v.email ?? v.phone) as string,
    name: v.name,
    relationship: v.relationship,
    language: v.language ?? null,
  }));

/** One valid item. `language` omitted or null: the contact keeps the language on record (if any). */
export type InvitationInput = Omit<z.output<typeof invitationInput>, "language"> & { language?: string | null };

/** Items are validated one by one so that one bad item does not sink the others. */
export const invitationBatchInput = z.strictObject({
  invitations: z.array(z.unknown()).max(MAX_BATCH_INVITATIONS, `At most ${MAX_BATCH_INVITATIONS} invitations per call; send the rest in another call.`),
});

export { invitationIdField as invitationId } from "../lib/ids";

/** zod issues as the API's `details`: one `{path, message}` per problem. */
export function issueDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
