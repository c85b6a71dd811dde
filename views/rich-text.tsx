/**
 * Catalog text with the little markup a translator can move around a sentence: `**bold**` and
 * `[text](/path)` (a link on this site: a path or an anchor). Everything else is plain text,
 * escaped like any other. Only for catalog texts: a value put into one (a name someone typed)
 * would be read as markup too.
 */
import type { Child } from "hono/jsx";

const MARKUP = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([/#][^)\s]*)\)/g;

export function RichText({ text }: { text: string }) {
  const parts: Child[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKUP)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(m[1] !== undefined ? <strong>{m[1]}</strong> : <a href={m[3]}>{m[2]}</a>);
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The text a reader sees, markup removed: for tests that look for a catalog text on a page. */
export const plainText = (text: string): string => text.replace(MARKUP, (_, bold: string | undefined, label: string | undefined) => bold ?? label ?? "");
