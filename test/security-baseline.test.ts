import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../src/index";
import { getDb } from "../src/db/client";
import { validateSessionToken } from "../src/auth/sessions";
import { hashToken } from "../src/lib/random";
import { Browser, browserAs, call, countRows, insertParent, ORIGIN, requestResetLink, userRow } from "./world";

/**
 * The security baseline of SPEC section 4 across the pages: headers on every response, CSRF
 * refusal of cross-site form posts, session cookie attributes, and no reaching into another
 * family's account by changing an id.
 */

const db = () => getDb(env.DB);
const HTTPS_ORIGIN = "https://127.0.0.1:8787";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** An attribute map of one Set-Cookie line (names lower-cased; flags map to true). */
function cookieAttributes(line: string): { name: string; value: string; attrs: Record<string, string | true> } {
  const [pair, ...rest] = line.split(";").map((s) => s.trim());
  const eqAt = pair!.indexOf("=");
  const attrs: Record<string, string | true> = {};
  for (const a of rest) {
    const i = a.indexOf("=");
    if (i === -1) attrs[a.toLowerCase()] = true;
    else attrs[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
  }
  return { name: pair!.slice(0, eqAt), value: pair!.slice(eqAt + 1), attrs };
}

function expectSecurityHeaders(res: Response, label: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values] as const));
  const scripts = directives.get("script-src") ?? directives.get("default-src");
  expect(scripts, `${label}: script-src`).toBeDefined();
  expect(scripts, `${label}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${label}: script-src`).not.toContain("'unsafe-eval'");
  expect(directives.get("frame-ancestors"), `${label}: frame-ancestors`).toEqual(["'none'"]);
  const hsts = res.headers.get("strict-transport-security") ?? "";
  expect(Number(hsts.match(/max-age=(\d+)/)?.[1] ?? 0), `${label}: HSTS`).toBeGreaterThanOrEqual(31_536_000);
  expect(res.headers.get("x-content-type-options"), `${label}: nosniff`).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), `${label}: Referrer-Policy`).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
}

describe("security headers", () => {
  it("are on every page response: pages, redirects, errors, refusals", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const token = await requestResetLink(parent.email);
    const responses: [string, Response][] = [
      ["GET /forgot-password", await call("/forgot-password")],
      ["GET /reset-password/<valid>", await call(`/reset-password/${token}`)],
      ["GET /reset-password/<unknown>", await call(`/reset-password/${"a".repeat(32)}`)],
      ["GET /account (anonymous redirect)", await call("/account", { redirect: "manual" })],
      ["GET /account (signed in)", await b.get("/account")],
      ["POST /account/name (422)", await b.post("/account/name", { name: "" })],
      ["POST /forgot-password (303)", await new Browser().post("/forgot-password", { email: "nobody@example.com" }, { follow: false })],
      ["POST cross-site (403)", await call("/forgot-password", { method: "POST", headers: { "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" }, body: "email=a@b.co" })],
      ["GET /sign-in", await call("/sign-in")],
      ["GET /", await call("/")],
      ["GET /no-such-page (404)", await call("/no-such-page")],
    ];
    for (const [label, res] of responses) expectSecurityHeaders(res, label);
  });

  it("keep personal pages out of shared caches, and reset links out of every cache", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    expect((await b.get("/account")).headers.get("cache-control")).toMatch(/private|no-store/);
    const token = await requestResetLink(parent.email);
    expect((await call(`/reset-password/${token}`)).headers.get("cache-control")).toBe("no-store");
  });

  it("our pages need no inline script or style, and every visible field has a label", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const token = await requestResetLink(parent.email);
    for (const res of [await call("/forgot-password"), await call(`/reset-password/${token}`), await b.get("/account"), await b.post("/account/name", { name: "" })]) {
      const html = await res.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/);
      expect(html).not.toMatch(/\sstyle=/);
      for (const input of html.match(/<input\b[^>]*>/g) ?? []) {
        if (/type="hidden"/.test(input)) continue;
        const id = input.match(/\bid="([^"]+)"/)?.[1];
        expect(id, input).toBeDefined();
        expect(html, input).toContain(`<label for="${id}"`);
      }
    }
  });
});

describe("CSRF: a form posted from another site is refused and writes nothing", () => {
  it("refuses cross-site, same-site, foreign-origin, null-origin and token-less posts to /forgot-password", async () => {
    const parent = await insertParent();
    const attempts: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      // A sibling subdomain is not this site either.
      { "sec-fetch-site": "same-site", origin: "https://other.127.0.0.1.nip.io" },
      { origin: "https://evil.example" },
      { origin: "http://127.0.0.1:8788" },
      { origin: "null" },
      {},
      { cookie: "fp_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }, // cookie but no field
    ];
    for (const headers of attempts) {
      const res = await call("/forgot-password", { method: "POST", headers: { ...FORM, ...headers }, body: form({ email: parent.email }) });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toContain("sent from another site");
    }
    // Neither header, and a _csrf field that does not match the cookie (or no cookie at all).
    for (const cookie of ["fp_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ""]) {
      const res = await call("/forgot-password", { method: "POST", headers: { ...FORM, ...(cookie ? { cookie } : {}) }, body: form({ email: parent.email, _csrf: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }) });
      expect(res.status).toBe(403);
    }
    expect(await countRows("outbox", "to_address = ?", parent.email)).toBe(0);
    expect(await countRows("auth_tokens", "subject_id = ?", parent.id)).toBe(0);
  });

  it("accepts the same post from our own origin: Sec-Fetch-Site, Origin alone, or the double-submit token", async () => {
    const parent = await insertParent();
    const ok: Record<string, string>[] = [
      { "sec-fetch-site": "same-origin", origin: ORIGIN },
      { origin: ORIGIN },
    ];
    for (const headers of ok) {
      const res = await call("/forgot-password", { method: "POST", redirect: "manual", headers: { ...FORM, ...headers }, body: form({ email: parent.email }) });
      expect(res.status, JSON.stringify(headers)).toBe(303);
    }
    // An old browser that sends neither header: the form's token matches its cookie.
    const page = await call("/forgot-password");
    const cookie = page.headers.getAll("set-cookie").map(cookieAttributes).find((c) => c.name === "fp_csrf")!;
    const field = (await page.text()).match(/name="_csrf" value="([a-z2-7]{32})"/)?.[1];
    expect(field).toBe(cookie.value);
    const old = await call("/forgot-password", { method: "POST", redirect: "manual", headers: { ...FORM, cookie: `fp_csrf=${cookie.value}` }, body: form({ email: parent.email, _csrf: field! }) });
    expect(old.status).toBe(303);
    expect(await countRows("outbox", "to_address = ?", parent.email)).toBe(3);
  });

  it("refuses cross-site posts to every account form, the reset form and sign-out, even with a valid session", async () => {
    const parent = await insertParent();
    const { session: token, sessionId } = await browserAs("parent", parent.id);
    const other = await browserAs("parent", parent.id);
    const otherToken = other.session;
    const reset = await requestResetLink(parent.email);
    const before = await userRow(parent.id);
    const posts: [string, Record<string, string>][] = [
      ["/account/name", { name: "Changed by evil" }],
      ["/account/notifications", {}],
      ["/account/password", { currentPassword: parent.password, newPassword: "evil chosen passphrase" }],
      [`/account/sessions/${other.sessionId}/end`, {}],
      ["/account/sessions/end-others", {}],
      [`/reset-password/${reset}`, { password: "evil chosen passphrase" }],
      ["/sign-out", {}],
    ];
    for (const [path, fields] of posts) {
      const refused: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }, {}];
      for (const headers of refused) {
        const res = await call(path, { method: "POST", headers: { ...FORM, ...headers, cookie: `fp_session=${token}` }, body: form(fields) });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(await userRow(parent.id)).toEqual(before);
    expect(await validateSessionToken(db(), token)).not.toBeNull();
    expect(await validateSessionToken(db(), otherToken)).not.toBeNull();
    expect(await countRows("auth_tokens", "token_hash = ? AND used_at IS NULL", hashToken(reset))).toBe(1);
    expect(await countRows("sessions", "id = ?", sessionId)).toBe(1);
  });
});

describe("session cookie", () => {
  it("over http (local development): fp_session, HttpOnly, SameSite=Lax, Path=/, no Domain", async () => {
    const parent = await insertParent();
    const token = await requestResetLink(parent.email);
    const res = await new Browser().post(`/reset-password/${token}`, { password: "fresh passphrase here" }, { follow: false });
    expect(res.status).toBe(303);
    const cookie = res.headers.getAll("set-cookie").map(cookieAttributes).find((c) => c.name === "fp_session");
    expect(cookie).toBeDefined();
    expect(cookie!.attrs.httponly).toBe(true);
    expect(cookie!.attrs.samesite).toBe("Lax");
    expect(cookie!.attrs.path).toBe("/");
    expect(cookie!.attrs.domain).toBeUndefined();
    // Only the hash of the secret half is stored.
    const [id, secret] = cookie!.value.split(".");
    expect(await countRows("sessions", "id = ? AND secret_hash = ?", id, hashToken(secret!))).toBe(1);
    expect(await countRows("sessions", "secret_hash = ?", secret)).toBe(0);
  });

  it("over https: __Host-fp_session with Secure, HttpOnly, SameSite=Lax, Path=/ (and the plain name is not honoured)", async () => {
    const parent = await insertParent();
    const token = await requestResetLink(parent.email);
    const ctx = createExecutionContext();
    const res = await app.request(
      `${HTTPS_ORIGIN}/reset-password/${token}`,
      {
        method: "POST",
        headers: { ...FORM, origin: HTTPS_ORIGIN, "sec-fetch-site": "same-origin" },
        body: form({ password: "fresh passphrase here" }),
      },
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(303);
    const lines = res.headers.getAll("set-cookie").map(cookieAttributes);
    expect(lines.find((c) => c.name === "fp_session")).toBeUndefined();
    const cookie = lines.find((c) => c.name === "__Host-fp_session");
    expect(cookie).toBeDefined();
    expect(cookie!.attrs.secure).toBe(true);
    expect(cookie!.attrs.httponly).toBe(true);
    expect(cookie!.attrs.samesite).toBe("Lax");
    expect(cookie!.attrs.path).toBe("/");
    expect(cookie!.attrs.domain).toBeUndefined();
    expect(Number(cookie!.attrs["max-age"])).toBe(90 * 24 * 3600);

    const get = (cookieHeader: string) => app.request(`${HTTPS_ORIGIN}/account`, { headers: { cookie: cookieHeader, "sec-fetch-site": "none" } }, env, createExecutionContext());
    expect((await get(`__Host-fp_session=${cookie!.value}`)).status).toBe(200);
    const plain = await get(`fp_session=${cookie!.value}`);
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("a new token at sign-in: the reset replaces this device's old session instead of reusing it", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const old = b.session;
    const token = await requestResetLink(parent.email);
    await b.post(`/reset-password/${token}`, { password: "fresh passphrase here" }, { follow: false });
    expect(b.session).toBeDefined();
    expect(b.session).not.toBe(old);
    expect(await validateSessionToken(db(), old)).toBeNull();
  });
});

describe("another family's account cannot be reached by changing an id", () => {
  it("their session cannot be ended or seen; their settings cannot be changed", async () => {
    const mine = await insertParent();
    const theirs = await insertParent();
    const them = await browserAs("parent", theirs.id);
    const themToken = them.session;
    const b = await browserAs("parent", mine.id);
    const page = await (await b.get("/account")).text();
    expect(page).not.toContain(them.sessionId);
    expect(page).not.toContain(theirs.email);
    const end = await b.post(`/account/sessions/${them.sessionId}/end`, {}, { follow: false });
    expect(end.status).toBe(404);
    expect(await validateSessionToken(db(), themToken)).not.toBeNull();
    // No settings route takes an account id; an extra one is refused, not obeyed.
    const rename = await b.post("/account/name", { name: "Renamed", userId: theirs.id, id: theirs.id });
    expect(rename.status).toBe(422);
    const row = await userRow(theirs.id);
    expect(row?.name).not.toBe("Renamed");
    for (const path of [`/account/${theirs.id}`, `/account/users/${theirs.id}`, `/account/sessions/${them.sessionId}`]) {
      expect((await b.get(path)).status, path).toBe(404);
    }
  });
});
