import { describe, expect, it } from "vitest";
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

import { passwordProblem } from "../src/auth/password-policy";

describe("password policy", () => {
  it("refuses short, over-long, common and email-based passwords; accepts a good passphrase", () => {
    expect(passwordProblem("short")).toMatch(/at least 8/);
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem("Password")).toMatch(/most common/);
    expect(passwordProblem("iloveyou")).toMatch(/most common/);
    expect(passwordProblem("aaaaaaaaaa")).toMatch(/repeated/);
    expect(passwordProblem("jordan.j-2024!", "jordan.j@example.com")).toMatch(/email/);
    expect(passwordProblem("maple syrup on thursdays", "jordan@example.com")).toBeNull();
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
