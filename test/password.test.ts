import { describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "../src/auth/password";
import { DEFAULT_PASSWORD, hashOnce } from "./world";

describe("password hashing (Argon2id)", () => {
  it("verifies the right password and refuses a wrong one; salts differ", () => {
    const a = hashPassword("correct horse battery");
    const b = hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(verifyPassword("correct horse battery", a)).toBe(true);
    expect(verifyPassword("correct horse batterY", a)).toBe(false);
    expect(verifyPassword("correct horse battery", "garbage")).toBe(false);
    expect(verifyPassword("correct horse battery", "$argon2id$v=19$m=0,t=2,p=1$AA==$AA==")).toBe(false);
  });
});

import { env } from "cloudflare:workers";
import { passwordProblem } from "../src/auth/password-policy";

describe("password policy", () => {
  it("refuses short, over-long, common and email-based passwords; accepts a good passphrase", async () => {
    expect(await passwordProblem(env, "short")).toMatch(/at least 8/);
    expect(await passwordProblem(env, "x".repeat(129))).toMatch(/at most 128/);
    expect(await passwordProblem(env, "Password")).toMatch(/most common/);
    expect(await passwordProblem(env, "iloveyou")).toMatch(/most common/);
    // The list's first, last and odd entries (static/common-passwords.txt, read through ASSETS).
    for (const common of ["password", "19721972", "0.0.0.000", "films+pic+galeries", "iloveyou!"]) expect(await passwordProblem(env, common), common).toMatch(/most common/);
    expect(await passwordProblem(env, "aaaaaaaaaa")).toMatch(/repeated/);
    expect(await passwordProblem(env, "jordan.j-2024!", "jordan.j@example.com")).toMatch(/email/);
    expect(await passwordProblem(env, "maple syrup on thursdays", "jordan@example.com")).toBeNull();
  });

  it("reads the list again after the asset service failed once", async () => {
    let calls = 0;
    const flaky = {
      ASSETS: {
        fetch: (input: RequestInfo | URL) => (++calls === 1 ? Promise.resolve(new Response("unavailable", { status: 503 })) : env.ASSETS.fetch(input)),
      } as Fetcher,
    };
    // A fresh copy of the module: its list is not loaded yet.
    vi.resetModules();
    const { passwordProblem: fresh } = await import("../src/auth/password-policy");
    await expect(fresh(flaky, "sunshine1x")).rejects.toThrow(/503/);
    expect(await fresh(flaky, "sunshine")).toMatch(/most common/);
    expect(calls).toBe(2);
  });
});

describe("the test fixtures' password hashes", () => {
  it("are real Argon2id hashes of the password, made once per password", () => {
    const hash = hashOnce(DEFAULT_PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(verifyPassword(DEFAULT_PASSWORD, hash)).toBe(true);
    expect(verifyPassword(`${DEFAULT_PASSWORD}!`, hash)).toBe(false);
    expect(hashOnce(DEFAULT_PASSWORD)).toBe(hash);
  });
});
