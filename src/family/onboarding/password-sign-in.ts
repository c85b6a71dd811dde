/** Parent sign-in with email and password, with the rate limits of SPEC 4 and no account enumeration. */
import type { Db } from "../../db/client";
import type { Bindings } from "../../env";
import { verifyPassword } from "../../auth/password";
import { LIMITS, rateLimit } from "../../auth/rate-limiter";
import { findUserByEmail, type UserRow } from "./accounts";

/**
 * An Argon2id hash (same parameters as real ones) of a random password nobody knows: checked when
 * the account does not exist or has no password, so the answer takes as long either way.
 */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$1Io+a0bPYS4tmfCbQ7DChA==$c4NA2wq8xBJYwVs+ME57Sxc30KVbb8nW52rxbScWKjo=";

export type PasswordSignIn =
  | { ok: true; user: UserRow }
  /** The password was right but the email was never confirmed. */
  | { ok: false; error: "unverified"; user: UserRow }
  /** One message for a wrong password and an unknown address. */
  | { ok: false; error: "wrong" }
  | { ok: false; error: "rate_limited"; retryAfter: number };

/** Failures count per account; an unknown address gets its own counter so both paths do the same work. */
const failuresKey = (user: UserRow | null, email: string) => (user ? `signin:failures:${user.id}` : `signin:failures:unknown:${email}`);

export async function signInWithPassword(env: Pick<Bindings, "RATE_LIMITER">, db: Db, email: string, password: string): Promise<PasswordSignIn> {
  const perAddress = await rateLimit(env, `signin:address:${email}`, LIMITS.signInPerAddress);
  if (!perAddress.allowed) return { ok: false, error: "rate_limited", retryAfter: perAddress.retryAfter };
  const user = await findUserByEmail(db, email);
  const rule = LIMITS.signInFailuresPerAccount;
  const failures = env.RATE_LIMITER.getByName(failuresKey(user, email));
  if ((await failures.peek(rule.windowMs)) >= rule.limit) {
    // Too many wrong passwords for this account in the last hour: wait for the window to pass.
    return { ok: false, error: "rate_limited", retryAfter: Math.ceil(rule.windowMs / 1000) };
  }
  const right = verifyPassword(password, user?.passwordHash ?? DUMMY_HASH) && Boolean(user?.passwordHash);
  if (!user || !right) {
    await failures.hit(Number.MAX_SAFE_INTEGER, rule.windowMs);
    return { ok: false, error: "wrong" };
  }
  if (user.emailVerifiedAt === null) return { ok: false, error: "unverified", user };
  return { ok: true, user };
}
