import { COMMON_PASSWORDS } from "./common-passwords";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password";

const common = new Set(COMMON_PASSWORDS.split(" "));

/**
 * NIST SP 800-63B rules: long enough, not absurdly long, not a commonly used password, not the
 * person's own email address. No composition rules (they make passwords worse, not better).
 * Returns the problem in words a parent understands, or null.
 */
export function passwordProblem(password: string, email?: string | null): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return "That password is one of the most common ones, so it is easy to guess. Choose another.";
  if (/^(.)\1+$/.test(password)) return "Use more than one repeated character.";
  if (/^(0123456789|1234567890|9876543210|abcdefghij|qwertyuiop)/.test(lower) && new Set(lower).size === lower.length) {
    return "A run of keys in order is easy to guess. Choose another.";
  }
  const local = email?.split("@")[0]?.toLowerCase();
  if (email && (lower === email.toLowerCase() || (local && local.length >= 4 && lower.includes(local)))) {
    return "Don't use your email address in your password.";
  }
  return null;
}
