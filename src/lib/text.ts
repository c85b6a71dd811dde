/**
 * Text that people and districts give us, made safe to show: no bidirectional controls (which
 * can make `https://school.example.org/\u202Egpj.exe` read as another file name) and no other
 * invisible control characters. Applied on input; pages may apply it again to older rows.
 */

/**
 * U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). The plain marks (LRM, RLM,
 * ALM) stay: writers of Arabic and Hebrew use them, and they cannot reorder a run of text.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** C0 and C1 control characters other than tab, line feed and carriage return. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A single-line value (a name, a title): no controls at all, runs of whitespace kept as typed. */
export function cleanLine(value: string): string {
  return value.replace(BIDI_CONTROLS, "").replace(/[\t\r\n]/g, " ").replace(OTHER_CONTROLS, "");
}

/** A multi-line value (a message body): line breaks and tabs kept, every other control removed. */
export function cleanText(value: string): string {
  return value.replace(BIDI_CONTROLS, "").replace(OTHER_CONTROLS, "");
}

/** One line with no control characters and runs of whitespace as one space: for email subjects, greetings and SMS bodies. */
export const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim();
