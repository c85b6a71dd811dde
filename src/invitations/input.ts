import * as z from "zod/mini";
import { cleanLine } from "../lib/text";
import { email, sisId } from "../roster/schemas";
import { normalizePhone } from "./normalize";
import { BCP47 } from "../i18n/negotiate";
import "../lib/zod-english";

export const MAX_BATCH_INVITATIONS = 1000;

export { sisId };

const optionalText = (max: number) =>
  z.pipe(
    z.nullish(z.string().check(z.overwrite(cleanLine), z.trim(), z.maxLength(max))),
    z.transform((v: string | null | undefined) => (v ? v : null)),
  );

const phone = z.pipe(
  z.string().check(z.maxLength(32)),
  z.transform((v: string, ctx) => {
    const e164 = normalizePhone(v);
    if (e164 === null) {
      ctx.issues.push({ code: "custom", input: v, message: "Not a phone number we can read: use +<country code><number>, or a 10-digit US/Canadian number." });
      return z.NEVER;
    }
    return e164;
  }),
);

/**
 * The family's language (BCP 47: `es`, `es-MX`, `vi`), stored as given even when we have no catalog
 * for it (teachers and the district still see it; messages use the closest catalog, see
 * message-language.ts).
 */
export const languageTag = z
  .string()
  .check(
    z.maxLength(35),
    z.regex(BCP47, "Not a BCP 47 language tag: use one such as es, es-MX or vi."),
    z.describe("The family's language as a BCP 47 tag (es, es-MX, vi). Invitations go out in the closest language we have, else English; the tag is kept as given."),
  );

/** One invitation as a district posts it; the output is in normal form. */
/** The object the district posts, before it is put in normal form (its JSON Schema is the API's). */
export const invitationObject = z
  .strictObject({
    studentSisId: sisId,
    email: z.nullish(email),
    phone: z.nullish(phone),
    name: optionalText(200),
    relationship: optionalText(100),
    language: z.nullish(languageTag),
  })
  .check(
    z.superRefine((v, ctx) => {
      if ((v.email == null) === (v.phone == null)) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "Give exactly one of email or phone." });
      }
    }),
  );

export const invitationInput = z.pipe(
  invitationObject,
  z.transform((v: z.output<typeof invitationObject>) => ({
    studentSisId: v.studentSisId,
    channel: v.email != null ? ("email" as const) : ("sms" as const),
    address: (v.email ?? v.phone) as string,
    name: v.name,
    relationship: v.relationship,
    language: v.language ?? null,
  })),
);

/** One valid item. `language` omitted or null: the contact keeps the language on record (if any). */
export type InvitationInput = Omit<z.output<typeof invitationInput>, "language"> & { language?: string | null };

/** Items are validated one by one so that one bad item does not sink the others. */
export const invitationBatchInput = z.strictObject({
  invitations: z.array(z.unknown()).check(z.maxLength(MAX_BATCH_INVITATIONS, `At most ${MAX_BATCH_INVITATIONS} invitations per call; send the rest in another call.`)),
});

export { invitationIdField as invitationId } from "../lib/ids";

/** zod issues as the API's `details`: one `{path, message}` per problem. */
export function issueDetails(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
