/**
 * The stand-in for a deleted person's id in the audit log. One-way (SHA-256) so the log no longer
 * names anyone, yet stable, so the events about one deleted student still read as one story; the
 * district id is mixed in so the same id cannot be matched across districts. Ids are 80 random
 * bits, so the hash cannot be reversed by trying ids (a sisId could be guessed: it is never hashed).
 */
import { hashToken } from "../lib/random";

export const pseudonym = (districtId: string, id: string): string => `del_${hashToken(`${districtId}:${id}`).slice(0, 32)}`;

/** Every occurrence of each id in `text` replaced by its pseudonym. */
export function replaceIds(text: string, map: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [id, hash] of map) out = out.split(id).join(hash);
  return out;
}
