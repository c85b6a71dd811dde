/**
 * What a translator must not touch: links, email addresses, numbers (times, dates, phone numbers,
 * amounts) and the names of the people in the thread. Each is sent as a placeholder token a
 * translation model copies as is (an unknown capitalised word, letters only: digits may come
 * back as another script's numerals), and put back afterwards. A token the translator lost is
 * put back at the end, so nothing of the original's links or numbers is ever missing.
 */
import { splitLinks } from "../outbox/links";

/** Tokens: "ZXQA", "ZXQB", … "ZXQAA": nothing a language has as a word. */
const PREFIX = "ZXQ";
const TOKEN = /ZXQ([A-Z]{1,3})\b/gi;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Digits, with the separators of times, dates, phone numbers and amounts between them (3:15, 12/5, 555-0100, 1,250.50). */
const NUMBER = /\p{N}+(?:[.,:/-]\p{N}+)*/gu;

export interface Protected {
  /** What the translator is sent. */
  text: string;
  /** The original of each token, by token. */
  kept: Map<string, string>;
}

const tokenOf = (i: number): string => {
  let s = "";
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return PREFIX + s;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with links, emails, names and numbers replaced by tokens. `names`: people's names to keep as written. */
export function protect(text: string, names: readonly string[] = []): Protected {
  const kept = new Map<string, string>();
  // A text that already has something like a token is sent as it is: putting back could not tell them apart.
  if (new RegExp(PREFIX, "i").test(text)) return { text, kept };
  const keep = (original: string): string => {
    const token = tokenOf(kept.size);
    kept.set(token, original);
    return token;
  };
  const words = [...new Set(names.flatMap((n) => [n, ...n.split(/\s+/)]).map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  const nameRe = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu") : null;
  const out = splitLinks(text)
    .map((piece) => {
      if ("href" in piece) return keep(piece.href);
      let s = piece.text.replace(EMAIL, keep);
      if (nameRe) s = s.replace(nameRe, keep);
      return s.replace(NUMBER, keep);
    })
    .join("");
  return { text: out, kept };
}

/** The translation with every token's original put back; originals the translator dropped are added at the end. */
export function restore(translated: string, kept: ReadonlyMap<string, string>): string {
  if (kept.size === 0) return translated;
  const used = new Set<string>();
  const out = translated.replace(TOKEN, (whole, letters: string) => {
    const token = PREFIX + letters.toUpperCase();
    const original = kept.get(token);
    if (original === undefined) return whole;
    used.add(token);
    return original;
  });
  const missing = [...kept].filter(([token]) => !used.has(token)).map(([, original]) => original);
  return missing.length ? `${out} ${missing.join(" ")}` : out;
}
