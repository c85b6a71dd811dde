/** Normal forms of guardian addresses, so the same person is recognised however the district typed it. */

/** Trimmed and lower-cased: addresses are compared case-insensitively. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * E.164 (`+15555550100`), or null when the input cannot be read as a phone number.
 * Accepts `+` and 8–15 digits, or a 10-digit North American number (optionally with a leading 1);
 * spaces, dashes, dots and parentheses are ignored. `+1` numbers must be complete NANP numbers.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s().-]/g, "");
  let e164: string;
  if (/^\+\d{8,15}$/.test(compact)) e164 = compact;
  else if (/^\d{10}$/.test(compact)) e164 = `+1${compact}`;
  else if (/^1\d{10}$/.test(compact)) e164 = `+${compact}`;
  else return null;
  // North American numbers: exactly ten digits after the 1, and area codes never start with 0 or 1.
  if (e164.startsWith("+1") && !/^\+1[2-9]\d{9}$/.test(e164)) return null;
  return e164;
}
