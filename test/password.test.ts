import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../src/auth/password";

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
