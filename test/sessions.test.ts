import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../src/db/client";
import { createSession, deleteAllSessions, validateSessionToken } from "../src/auth/sessions";
import { rateLimit } from "../src/auth/rate-limiter";
import { Browser, countRows, insertParent, postSignInForm, rowsNaming } from "./world";

const db = () => getDb(env.DB);

afterEach(() => vi.useRealTimers());

describe("sessions", () => {
  it("keeps only SHA-256 of the cookie's secret: the row holds that digest, and neither token nor secret is stored anywhere", async () => {
    const parent = await insertParent();
    const b = new Browser();
    expect((await postSignInForm(b, parent.email, parent.password)).status).toBe(200);
    const token = b.session!;
    const [id, secret, extra] = token.split(".");
    expect(extra).toBeUndefined();
    expect(secret).toMatch(/^[a-z2-7]{32}$/); // 160 bits
    const row = await env.DB.prepare("SELECT subject_id, secret_hash FROM sessions WHERE id = ?").bind(id).first<{ subject_id: string; secret_hash: string }>();
    expect(row?.subject_id).toBe(parent.id);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
    expect(row?.secret_hash).toBe([...digest].map((byte) => byte.toString(16).padStart(2, "0")).join(""));
    expect(await rowsNaming([secret!, token])).toEqual([]);
    expect((await validateSessionToken(db(), token))?.subjectId).toBe(parent.id);
  });

  it("refuses a wrong secret, a malformed token and no token", async () => {
    const { token } = await createSession(db(), "parent", "usr_b");
    const [id] = token.split(".");
    for (const bad of [`${id}.wrongsecret`, `${id}`, `${token}.x`, "", undefined, "a".repeat(500)]) {
      expect(await validateSessionToken(db(), bad)).toBeNull();
    }
  });

  it("ends a student session after eight hours and a teacher's after twelve idle hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const student = await createSession(db(), "student", "stu_a");
    const teacher = await createSession(db(), "teacher", "tch_a");
    vi.setSystemTime(Date.now() + 7 * 3600_000);
    expect(await validateSessionToken(db(), student.token)).not.toBeNull();
    expect(await validateSessionToken(db(), teacher.token)).not.toBeNull(); // touched at 7 h
    vi.setSystemTime(Date.now() + 1.5 * 3600_000);
    expect(await validateSessionToken(db(), student.token)).toBeNull();
    expect(await countRows("sessions", "id = ?", student.session.id)).toBe(0);
    expect(await validateSessionToken(db(), teacher.token)).not.toBeNull(); // touched at 8.5 h
    vi.setSystemTime(Date.now() + 11 * 3600_000);
    expect(await validateSessionToken(db(), teacher.token)).not.toBeNull(); // 11 h idle
    vi.setSystemTime(Date.now() + 12.5 * 3600_000);
    expect(await validateSessionToken(db(), teacher.token)).toBeNull();
  });

  it("ends every session of a person at once", async () => {
    const a = await createSession(db(), "parent", "usr_c");
    const b = await createSession(db(), "parent", "usr_c");
    await deleteAllSessions(db(), "parent", "usr_c");
    expect(await validateSessionToken(db(), a.token)).toBeNull();
    expect(await validateSessionToken(db(), b.token)).toBeNull();
  });
});

describe("rate limiter", () => {
  it("allows the limit, then refuses with a retry time, per key", async () => {
    const rule = { limit: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) expect((await rateLimit(env, "test:a", rule)).allowed).toBe(true);
    const refused = await rateLimit(env, "test:a", rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    expect((await rateLimit(env, "test:b", rule)).allowed).toBe(true);
  });
});
