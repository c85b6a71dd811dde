/**
 * One-time keys of the message forms (finding 9: a double tap or a retry on a slow network
 * stored a broadcast twice). Every compose, reply and broadcast form carries a random key; the
 * thread's object remembers the keys it stored a message for, so the same form sent again
 * stores nothing and is answered as the first time.
 */
import { newSecret } from "../lib/random";
import { SECRET } from "../lib/ids";

export const newFormKey = (): string => newSecret();

/** A submitted key: null when the form had none (a page from before keys), undefined when it is not one of ours. */
export function formKeyOf(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return null;
  return SECRET.test(raw) ? raw : undefined;
}
