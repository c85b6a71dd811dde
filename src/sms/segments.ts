/**
 * How many SMS segments a text takes. A text whose every character is in the GSM 03.38 alphabet
 * goes as GSM-7 (160 per single SMS, 153 per part of a longer one; the extension characters
 * count twice); anything else (an emoji, "í", "ó") makes the whole text UCS-2 (70, or 67 per part).
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export const isGsm7 = (text: string): boolean => [...text].every((ch) => BASIC.has(ch) || EXTENDED.has(ch));

/** Units as the network counts them: GSM-7 septets (extensions 2), or UTF-16 code units for UCS-2. */
export function smsUnits(text: string): { encoding: "gsm7" | "ucs2"; units: number } {
  if (isGsm7(text)) return { encoding: "gsm7", units: [...text].reduce((n, ch) => n + (EXTENDED.has(ch) ? 2 : 1), 0) };
  return { encoding: "ucs2", units: text.length };
}

export function segmentCount(text: string): number {
  const { encoding, units } = smsUnits(text);
  const single = encoding === "gsm7" ? 160 : 70;
  const part = encoding === "gsm7" ? 153 : 67;
  return units <= single ? 1 : Math.ceil(units / part);
}

export const fitsSegments = (text: string, max: number): boolean => segmentCount(text) <= max;
