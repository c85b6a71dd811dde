import { COMMON_PASSWORDS } from "./common-passwords";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password";
import type { Catalog } from "../i18n/catalog";
import { localeOf } from "../i18n/locale";

const common = new Set(COMMON_PASSWORDS.split(" "));

/**
 * NIST SP 800-63B rules: long enough, not absurdly long, not a commonly used password, not the
 * person's own email address. No composition rules (they make passwords worse, not better).
 * Returns the problem in words a parent understands, in the page's language (`t`; English when
 * none is given), or null.
 */
export function passwordProblem(password: string, email?: string | null, t: Catalog = localeOf("en").t): string | null {
  const rules = t.account.passwordRules;
  if (password.length < PASSWORD_MIN) return rules.tooShort(PASSWORD_MIN);
  if (password.length > PASSWORD_MAX) return rules.tooLong(PASSWORD_MAX);
  const lower = password.toLowerCase();
  if (common.has(lower)) return rules.common;
  if (/^(.)\1+$/.test(password)) return rules.repeated;
  if (/^(0123456789|1234567890|9876543210|abcdefghij|qwertyuiop)/.test(lower) && new Set(lower).size === lower.length) {
    return rules.keyRun;
  }
  const local = email?.split("@")[0]?.toLowerCase();
  if (email && (lower === email.toLowerCase() || (local && local.length >= 4 && lower.includes(local)))) {
    return rules.email;
  }
  return null;
}
