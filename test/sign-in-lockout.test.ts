// Finding 8 of the trust issue: anyone's wrong passwords must not lock the real owner out. A browser
// where the owner signed in before carries a device cookie (OWASP "device cookies"): its failures
// count against that device only, and the locks others caused do not apply to it. Untrusted
// clients keep SPEC 4's limits, counted per address AND per client (IP).
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { app } from "../src/index";
import { LIMITS } from "../src/auth/rate-limiter";
import { TRUSTED_DEVICE_COOKIE } from "../src/auth/cookies";
import { hashToken } from "../src/lib/random";
import { Browser, countRows, freshEmail, insertParent, pageText } from "./world";

// Every sign-in here checks a real password (Argon2id, ~0.3 s), and some tests make dozens.
vi.setConfig({ testTimeout: 30_000 });

let ipSeq = 0;
/** A client address of its own for each test, as Cloudflare's edge reports it. */
const freshIp = () => `198.51.100.${++ipSeq}`;

function signInFrom(b: Browser, ip: string, email: string, password: string): Promise<Response> {
  return b.post("/sign-in", { email, password }, { follow: false, headers: { "cf-connecting-ip": ip } });
}

/** The owner signs in once on this browser (and signs out again): from now on it is a trusted device. */
async function ownersBrowser(user: { email: string; password: string }, ip: string): Promise<Browser> {
  const b = new Browser();
  const res = await signInFrom(b, ip, user.email, user.password);
  expect(res.status).toBe(303);
  expect(b.cookies.get(TRUSTED_DEVICE_COOKIE)).toBeDefined();
  expect((await b.post("/sign-out", {}, { follow: false })).status).toBe(303);
  expect(b.session).toBeUndefined();
  return b;
}

/** What is left of an attacker's 100+ wrong passwords an hour for this account (besides the ones sent over HTTP). */
async function failuresForAccount(userId: string, n: number): Promise<void> {
  const failures = env.RATE_LIMITER.getByName(`signin:failures:${userId}`);
  for (let i = 0; i < n; i++) await failures.hit(Number.MAX_SAFE_INTEGER, LIMITS.signInFailuresPerAccount.windowMs);
}

describe("the owner is not locked out by someone else's wrong passwords", () => {
  it("an attacker's 100+ wrong tries lock the address for untrusted clients, yet the owner's browser gets in", async () => {
    const user = await insertParent();
    const owner = await ownersBrowser(user, freshIp());

    // The attacker: ten wrong passwords over HTTP (the address's minute is used up) and the rest of
    // a hundred an hour (the account's hour is used up).
    const attackerIp = freshIp();
    const attacker = new Browser();
    // (The owner's own sign-in a moment ago was one of the address's ten.)
    for (let i = 0; i < LIMITS.signInPerAddress.limit - 1; i++) expect((await signInFrom(attacker, attackerIp, user.email, `guess-${i}-password`)).status).toBe(401);
    expect((await signInFrom(attacker, attackerIp, user.email, "guess-again")).status).toBe(429);
    await failuresForAccount(user.id, LIMITS.signInFailuresPerAccount.limit);

    // Untrusted: locked, even with the right password and from another address.
    const stranger = await signInFrom(new Browser(), freshIp(), user.email, user.password);
    expect(stranger.status).toBe(429);
    expect(await pageText(stranger)).toContain("Too many tries");

    // The owner's browser, where they signed in before: straight in.
    const res = await signInFrom(owner, freshIp(), user.email, user.password);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect(owner.session).toBeDefined();
    expect(await countRows("sessions", "subject_id = ?", user.id)).toBe(1);
  });

  it("a stolen device cookie for another account gives no bypass", async () => {
    const mine = await insertParent();
    const victim = await insertParent();
    const thief = await ownersBrowser(mine, freshIp());
    const ip = freshIp();
    for (let i = 0; i < LIMITS.signInPerAddress.limit; i++) await signInFrom(new Browser(), freshIp(), victim.email, `guess-${i}-password`);
    await failuresForAccount(victim.id, LIMITS.signInFailuresPerAccount.limit);
    // Even with the victim's right password, the device cookie of another account changes nothing.
    expect((await signInFrom(thief, ip, victim.email, victim.password)).status).toBe(429);
    expect(await countRows("sessions", "subject_id = ?", victim.id)).toBe(0);
    // A made-up device cookie neither.
    const forger = new Browser();
    forger.cookies.set(TRUSTED_DEVICE_COOKIE, "a".repeat(32));
    expect((await signInFrom(forger, ip, victim.email, victim.password)).status).toBe(429);
  });

  it("on a trusted device, wrong passwords count against that device only, not the address", async () => {
    const user = await insertParent();
    const owner = await ownersBrowser(user, freshIp());
    const ip = freshIp();
    for (let i = 0; i < LIMITS.signInFailuresPerTrustedDevice[0]!.limit; i++) expect((await signInFrom(owner, ip, user.email, `typo-${i}-password`)).status).toBe(401);
    // That device waits now...
    const limited = await signInFrom(owner, ip, user.email, user.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // ...but the address was not used up for everybody else.
    expect((await signInFrom(new Browser(), freshIp(), user.email, user.password)).status).toBe(303);
  });

  it("the device cookie: HttpOnly, SameSite=Lax, long-lived, only its SHA-256 stored; __Host- over https", async () => {
    const user = await insertParent();
    const b = new Browser();
    const res = await signInFrom(b, freshIp(), user.email, user.password);
    const line = res.headers.getAll("set-cookie").find((l) => l.startsWith(`${TRUSTED_DEVICE_COOKIE}=`)) ?? "";
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\//);
    expect(Number(line.match(/Max-Age=(\d+)/i)?.[1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
    const token = b.cookies.get(TRUSTED_DEVICE_COOKIE)!;
    expect(await countRows("trusted_devices", "user_id = ? AND token_hash = ?", user.id, hashToken(token))).toBe(1);
    expect(await countRows("trusted_devices", "token_hash = ?", token)).toBe(0);
    // Signing in again on the same device keeps one row for it.
    await b.post("/sign-out", {}, { follow: false });
    await signInFrom(b, freshIp(), user.email, user.password);
    expect(await countRows("trusted_devices", "user_id = ?", user.id)).toBe(1);

    const https = "https://127.0.0.1:8787";
    const ctx = createExecutionContext();
    const secure = await app.request(
      `${https}/sign-in`,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: https, "sec-fetch-site": "same-origin" }, body: new URLSearchParams({ email: user.email, password: user.password }) },
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const hostLine = secure.headers.getAll("set-cookie").find((l) => l.startsWith(`__Host-${TRUSTED_DEVICE_COOKIE}=`)) ?? "";
    expect(hostLine).toMatch(/Secure/i);
    expect(hostLine).toMatch(/HttpOnly/i);
    expect(hostLine).not.toMatch(/Domain=/i);
  });

  it("a wrong password gives no device cookie", async () => {
    const user = await insertParent();
    const b = new Browser();
    expect((await signInFrom(b, freshIp(), user.email, "not the password")).status).toBe(401);
    expect(b.cookies.get(TRUSTED_DEVICE_COOKIE)).toBeUndefined();
    expect(await countRows("trusted_devices", "user_id = ?", user.id)).toBe(0);
  });
});

describe("untrusted clients: per address and per client", () => {
  it("failures from one IP are limited even across many addresses", async () => {
    const user = await insertParent();
    const ip = freshIp();
    const [perMinute] = LIMITS.signInFailuresPerClient;
    for (let i = 0; i < perMinute!.limit; i++) expect((await signInFrom(new Browser(), ip, freshEmail("spray"), "Summer2026!")).status).toBe(401);
    // The same client, a fresh address, the right password: it waits.
    const limited = await signInFrom(new Browser(), ip, user.email, user.password);
    expect(limited.status).toBe(429);
    expect(await countRows("sessions", "subject_id = ?", user.id)).toBe(0);
    // Another client is not held up by it.
    expect((await signInFrom(new Browser(), freshIp(), user.email, user.password)).status).toBe(303);
  });

  it("SPEC 4's limits still hold for an untrusted client: 10 a minute per address, whatever the IP", async () => {
    const user = await insertParent();
    for (let i = 0; i < LIMITS.signInPerAddress.limit; i++) expect((await signInFrom(new Browser(), freshIp(), user.email, `wrong-${i}-password`)).status).toBe(401);
    expect((await signInFrom(new Browser(), freshIp(), user.email, user.password)).status).toBe(429);
  });
});

describe("trusted devices end with the password", () => {
  async function resetLink(email: string): Promise<string> {
    expect((await new Browser().post("/forgot-password", { email }, { follow: false })).status).toBe(303);
    const row = await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ? AND kind = 'password_reset' ORDER BY created_at DESC, rowid DESC LIMIT 1").bind(email).first<{ body_text: string }>();
    return row!.body_text.match(/\/reset-password\/([a-z2-7]{32})\b/)![1]!;
  }

  it("a password reset forgets every trusted device of the account", async () => {
    const user = await insertParent();
    const owner = await ownersBrowser(user, freshIp());
    const other = await insertParent();
    await ownersBrowser(other, freshIp());
    const token = await resetLink(user.email);
    expect((await new Browser().post(`/reset-password/${token}`, { password: "a brand new passphrase" }, { follow: false })).status).toBe(303);
    expect(await countRows("trusted_devices", "user_id = ?", user.id)).toBe(0);
    expect(await countRows("trusted_devices", "user_id = ?", other.id)).toBe(1);
    // The old cookie no longer lifts the account's lock.
    await failuresForAccount(user.id, LIMITS.signInFailuresPerAccount.limit);
    expect((await signInFrom(owner, freshIp(), user.email, "a brand new passphrase")).status).toBe(429);
  });

  it("deleting one's own account forgets its trusted devices", async () => {
    const user = await insertParent();
    const b = await ownersBrowser(user, freshIp());
    await signInFrom(b, freshIp(), user.email, user.password);
    expect(await countRows("trusted_devices", "user_id = ?", user.id)).toBe(1);
    const res = await b.post("/account/delete", { password: user.password }, { follow: false });
    expect(res.status).toBe(303);
    expect(await countRows("trusted_devices", "user_id = ?", user.id)).toBe(0);
  });
});
