import { isHttpUrl } from "../lib/url";
/** A piece of a message body: plain text, or an http(s) link to make clickable. */
export type TextPiece = { text: string } | { href: string };

// Up to whitespace or a character that cannot appear unescaped in a URL in running text.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation after a link belongs to the sentence, not to the link.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/** Splits a text body into plain text and http(s) links, in order. */
export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const href = match[0].replace(TRAILING_PUNCTUATION, "");
    if (!isHttpUrl(href)) continue;
    if (start > last) pieces.push({ text: text.slice(last, start) });
    pieces.push({ href });
    last = start + href.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/** The http(s) URLs in a text body, in order of appearance. */
export function findLinks(text: string): string[] {
  return splitLinks(text).flatMap((p) => ("href" in p ? [p.href] : []));
}
