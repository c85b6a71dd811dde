import { oneLine } from "../lib/text";

/** One line of a message for the conversation lists: white space folded, cut at a word with "…". */
export const PREVIEW_CHARS = 100;

export function messagePreview(body: string): string {
  const line = oneLine(body);
  const chars = [...line];
  if (chars.length <= PREVIEW_CHARS) return line;
  const cut = chars.slice(0, PREVIEW_CHARS - 1).join("");
  // Back to the last space when there is one in the second half, so no word is cut in two.
  const space = cut.lastIndexOf(" ");
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
