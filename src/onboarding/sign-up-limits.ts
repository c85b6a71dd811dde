/**
 * The sign-up form mails whatever address is typed in, so it must not become a relay (trust
 * issue, finding 2): at most a few sign-ups an hour per confirmed invitation and per browser.
 * The browser is named by the long-lived random device cookie that badge login uses too.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { browserLimitKey } from "../auth/device-cookie";
import { LIMITS, rateLimit } from "../auth/rate-limiter";

/** Counts one sign-up for this browser and for each invitation it confirmed; false when any is over its limit. */
export async function signUpAllowed(c: Context<AppEnv>, invitationIds: readonly string[]): Promise<boolean> {
  const verdicts = await Promise.all([
    rateLimit(c.env, browserLimitKey(c, "signup"), LIMITS.signUpPerBrowser),
    ...invitationIds.map((id) => rateLimit(c.env, `signup:invitation:${id}`, LIMITS.signUpPerInvitation)),
  ]);
  return verdicts.every((v) => v.allowed);
}
