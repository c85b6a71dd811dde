/**
 * Parent sign-in with email and password, with the rate limits of SPEC 4 and no account
 * enumeration. On a browser where the account signed in before (a trusted device), wrong
 * passwords count against that device only and the locks others caused do not apply; anywhere
 * else they count per address, per client (IP) and per account.
 */
import type { Db } from "../db/client";
import type { Bindings } from "../env";
import { verifyPassword } from "../auth/password";
import { countFailure, LIMITS, rateLimit } from "../auth/rate-limiter";
import { findTrustedDevice, type TrustedDevice } from "../auth/trusted-devices";
import { findUserByEmail } from "../accounts/users";
import type { User } from "../auth/actor";

/**
 * An Argon2id hash (same parameters as real ones) of a random password nobody knows: checked when
 * the account does not exist or has no password, so the answer takes as long either way.
 */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$1Io+a0bPYS4tmfCbQ7DChA==$c4NA2wq8xBJYwVs+ME57Sxc30KVbb8nW52rxbScWKjo=";

export type PasswordSignIn =
  /** `device`: this browser was already trusted for the account. */
  | { ok: true; user: User; device: TrustedDevice | null }
  /** The password was right but the email was never confirmed. */
  | { ok: false; error: "unverified"; user: User }
  /** One message for a wrong password and an unknown address. */
  | { ok: false; error: "wrong" }
  | { ok: false; error: "rate_limited"; retryAfter: number };

export interface PasswordAttempt {
  email: string;
  password: string;
  /** The trusted-device tokens this browser carries (readDeviceTokens). */
  deviceTokens: readonly string[];
  /** The client's IP (cf-connecting-ip); without one, every such request shares one count. */
  client: string | undefined;
}

/** Failures count per account; an unknown address gets its own counter so both paths do the same work. */
const failuresKey = (user: User | null, email: string) => (user ? `signin:failures:${user.id}` : `signin:failures:unknown:${email}`);

/** May this attempt check a password? If so, `forgive` takes back the failures counted in advance. */
type Gate = { allowed: false; retryAfter: number } | { allowed: true; forgive(): Promise<void> };

/** A trusted device: its own failures, nothing else. */
async function deviceGate(env: Pick<Bindings, "RATE_LIMITER">, device: TrustedDevice): Promise<Gate> {
  const failures = await countFailure(env, `signin:device:${device.id}`, LIMITS.signInFailuresPerTrustedDevice);
  return failures.allowed ? { allowed: true, forgive: failures.forgive } : { allowed: false, retryAfter: failures.retryAfter };
}

/** Anyone else: every attempt per address, and failures per client and per account. */
async function untrustedGate(env: Pick<Bindings, "RATE_LIMITER">, user: User | null, attempt: PasswordAttempt): Promise<Gate> {
  const perAddress = await rateLimit(env, `signin:address:${attempt.email}`, LIMITS.signInPerAddress);
  if (!perAddress.allowed) return { allowed: false, retryAfter: perAddress.retryAfter };
  const perClient = await countFailure(env, `signin:client:${attempt.client ?? "unknown"}`, LIMITS.signInFailuresPerClient);
  if (!perClient.allowed) return { allowed: false, retryAfter: perClient.retryAfter };
  const perAccount = await countFailure(env, failuresKey(user, attempt.email), [LIMITS.signInFailuresPerAccount]);
  if (!perAccount.allowed) {
    // No password was checked: not a failure of this client's.
    await perClient.forgive();
    return { allowed: false, retryAfter: perAccount.retryAfter };
  }
  return { allowed: true, forgive: async () => void (await Promise.all([perClient.forgive(), perAccount.forgive()])) };
}

export async function signInWithPassword(env: Pick<Bindings, "RATE_LIMITER">, db: Db, attempt: PasswordAttempt, now = Date.now()): Promise<PasswordSignIn> {
  const user = await findUserByEmail(db, attempt.email);
  const device = user ? await findTrustedDevice(db, user.id, attempt.deviceTokens, now) : null;
  const gate = device ? await deviceGate(env, device) : await untrustedGate(env, user, attempt);
  if (!gate.allowed) return { ok: false, error: "rate_limited", retryAfter: gate.retryAfter };
  const right = verifyPassword(attempt.password, user?.passwordHash ?? DUMMY_HASH) && Boolean(user?.passwordHash);
  // A wrong password stays counted as the failure it is.
  if (!user || !right) return { ok: false, error: "wrong" };
  await gate.forgive();
  if (user.emailVerifiedAt === null) return { ok: false, error: "unverified", user };
  return { ok: true, user, device };
}
