import * as z from "zod/mini";

/** One of the two fields, depending on how the account signs in (the route checks which). */
export const deleteAccountForm = z.strictObject({
  password: z.optional(z.string().check(z.maxLength(1024))),
  email: z.optional(z.string().check(z.trim(), z.maxLength(254))),
  // The hidden field for password managers; ignored.
  username: z.optional(z.string().check(z.maxLength(254))),
});

export const matchesEmail = (typed: string | undefined, email: string): boolean => (typed ?? "").trim().toLowerCase() === email;
