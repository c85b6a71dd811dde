import * as z from "zod";

/** One of the two fields, depending on how the account signs in (the route checks which). */
export const deleteAccountForm = z.strictObject({
  password: z.string().max(1024).optional(),
  email: z.string().trim().max(254).optional(),
  // The hidden field for password managers; ignored.
  username: z.string().max(254).optional(),
});

export const matchesEmail = (typed: string | undefined, email: string): boolean => (typed ?? "").trim().toLowerCase() === email;
