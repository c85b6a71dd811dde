import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../src/index";
import { getDb } from "../src/db/client";
import { DAY, HOUR } from "../src/lib/time";
import { MAINTENANCE_CRON } from "../src/stewardship/maintenance";
import { purgeExpired } from "../src/stewardship/retention";
import { browserAs, createDistrict, messageWorld, startThread, uniq } from "./world";

const MIN = 60_000;

async function outbox(status: string, createdAt: number, sentAt: number | null): Promise<string> {
  const id = uniq("msg_");
  await env.DB.prepare(
    "INSERT INTO outbox (id, kind, channel, to_address, subject, body_text, body_html, idempotency_key, status, attempts, next_attempt_at, created_at, sent_at) VALUES (?, 'invitation', 'email', 'a@example.com', 'Hi', 'Body text', '<p>Body</p>', ?, ?, 1, ?, ?, ?)",
  )
    .bind(id, id, status, createdAt, createdAt, sentAt)
    .run();
  return id;
}

async function session(kind: string, lastSeenAt: number, expiresAt: number): Promise<string> {
  const id = uniq("s");
  await env.DB.prepare("INSERT INTO sessions (id, secret_hash, kind, subject_id, created_at, last_seen_at, expires_at) VALUES (?, 'h', ?, 'x', ?, ?, ?)").bind(id, kind, lastSeenAt, lastSeenAt, expiresAt).run();
  return id;
}

async function token(expiresAt: number, usedAt: number | null): Promise<string> {
  const id = uniq("tok_");
  await env.DB.prepare("INSERT INTO auth_tokens (id, purpose, token_hash, subject_id, expires_at, used_at, created_at) VALUES (?, 'verify_email', ?, 'x', ?, ?, ?)").bind(id, id, expiresAt, usedAt, expiresAt - HOUR).run();
  return id;
}

async function signUpAttempt(expiresAt: number, usedAt: number | null): Promise<string> {
  const id = uniq("sua_");
  await env.DB.prepare("INSERT INTO sign_up_attempts (id, email, name, password_hash, payload, token_hash, created_at, expires_at, used_at) VALUES (?, 'a@example.com', 'A', 'h', '{}', ?, ?, ?, ?)")
    .bind(id, id, expiresAt - HOUR, expiresAt, usedAt)
    .run();
  return id;
}

async function idempotency(districtId: string, createdAt: number): Promise<string> {
  const key = uniq("key-");
  await env.DB.prepare("INSERT INTO idempotency_keys (district_id, key, request_hash, status_code, response_body, created_at) VALUES (?, ?, 'h', 201, '{}', ?)").bind(districtId, key, createdAt).run();
  return key;
}

async function audit(at: number, detail: string | null = null): Promise<string> {
  const id = uniq("aud_");
  await env.DB.prepare("INSERT INTO audit_log (id, at, actor_kind, action, detail) VALUES (?, ?, 'system', 'test', ?)").bind(id, at, detail).run();
  return id;
}

const row = (table: string, id: string, col = "id") => env.DB.prepare(`SELECT * FROM ${table} WHERE ${col} = ?`).bind(id).first<Record<string, unknown>>();

describe("purgeExpired", () => {
  it("purges exactly what is past its limit and nothing else", async () => {
    const now = Date.now();
    const d = await createDistrict();
    const o = {
      sent31: await outbox("sent", now - 32 * DAY, now - 31 * DAY),
      sent29: await outbox("sent", now - 30 * DAY, now - 29 * DAY),
      sent89: await outbox("sent", now - 90 * DAY, now - 89 * DAY),
      sent91: await outbox("sent", now - 92 * DAY, now - 91 * DAY),
      pendingOld: await outbox("pending", now - 100 * DAY, null),
      heldOld: await outbox("held", now - 100 * DAY, null),
    };
    const s = {
      expired: await session("teacher", now - HOUR, now - 1),
      live: await session("parent", now - HOUR, now + DAY),
      idleParent: await session("parent", now - 31 * DAY, now + DAY),
      idleTeacher: await session("teacher", now - 13 * HOUR, now + DAY),
    };
    const t = { used: await token(now + HOUR, now - MIN), expired: await token(now - 1, null), live: await token(now + HOUR, null) };
    const u = { used: await signUpAttempt(now + HOUR, now - MIN), expired: await signUpAttempt(now, null), live: await signUpAttempt(now + 1, null) };
    const k = { old: await idempotency(d.id, now - 25 * HOUR), fresh: await idempotency(d.id, now - 23 * HOUR) };
    const a = { old: await audit(now - 366 * DAY), recent: await audit(now - 364 * DAY), owed: await audit(now - 400 * DAY, JSON.stringify({ erase: ["thr_x"] })) };

    const counts = await purgeExpired(getDb(env.DB), now);
    expect(counts).toMatchObject({ outboxBodiesBlanked: 2, outboxRowsDeleted: 1, idempotencyKeysDeleted: 1, auditEntriesDeleted: 1 });
    expect(counts.sessionsDeleted).toBeGreaterThanOrEqual(3);
    expect(counts.authTokensDeleted).toBeGreaterThanOrEqual(2);
    expect(counts.signUpAttemptsDeleted).toBeGreaterThanOrEqual(2);

    expect(await row("outbox", o.sent31)).toMatchObject({ body_text: "", body_html: null, status: "sent", to_address: "a@example.com" });
    expect(await row("outbox", o.sent89)).toMatchObject({ body_text: "" });
    expect(await row("outbox", o.sent29)).toMatchObject({ body_text: "Body text", body_html: "<p>Body</p>" });
    expect(await row("outbox", o.sent91)).toBeNull();
    expect(await row("outbox", o.pendingOld)).toMatchObject({ body_text: "Body text" });
    expect(await row("outbox", o.heldOld)).toMatchObject({ body_text: "Body text" });
    expect(await row("sessions", s.expired)).toBeNull();
    expect(await row("sessions", s.idleParent)).toBeNull();
    expect(await row("sessions", s.idleTeacher)).toBeNull();
    expect(await row("sessions", s.live)).not.toBeNull();
    expect(await row("auth_tokens", t.used)).toBeNull();
    expect(await row("auth_tokens", t.expired)).toBeNull();
    expect(await row("auth_tokens", t.live)).not.toBeNull();
    expect(await row("sign_up_attempts", u.used)).toBeNull();
    expect(await row("sign_up_attempts", u.expired)).toBeNull();
    expect(await row("sign_up_attempts", u.live)).not.toBeNull();
    expect(await row("idempotency_keys", k.old, "key")).toBeNull();
    expect(await row("idempotency_keys", k.fresh, "key")).not.toBeNull();
    expect(await row("audit_log", a.old)).toBeNull();
    expect(await row("audit_log", a.recent)).not.toBeNull();
    expect(await row("audit_log", a.owed)).not.toBeNull();

    // A second run finds nothing more.
    expect(await purgeExpired(getDb(env.DB), now)).toMatchObject({ outboxBodiesBlanked: 0, outboxRowsDeleted: 0, sessionsDeleted: 0, authTokensDeleted: 0, signUpAttemptsDeleted: 0, idempotencyKeysDeleted: 0, auditEntriesDeleted: 0 });
  });

  it("runs from the daily cron trigger (not the five-minute one)", async () => {
    const now = Date.now();
    const five = await audit(now - 400 * DAY);
    let ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/5 * * * *", scheduledTime: now }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await row("audit_log", five)).not.toBeNull();
    ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: MAINTENANCE_CRON, scheduledTime: now }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await row("audit_log", five)).toBeNull();
  });
});

describe("purgeExpired: trusted devices", () => {
  it("forgets a device unused for longer than the cookie lives, and keeps one used since", async () => {
    const now = Date.now();
    const { TRUSTED_DEVICE_TTL } = await import("../src/auth/trusted-devices");
    const user = uniq("usr_");
    await env.DB.prepare("INSERT INTO users (id, email, name, notify_unread, created_at, updated_at) VALUES (?, ?, 'Device Owner', 1, ?, ?)").bind(user, `${user}@example.com`, now, now).run();
    const device = async (lastUsedAt: number) => {
      const id = uniq("dev_");
      await env.DB.prepare("INSERT INTO trusted_devices (id, user_id, token_hash, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)").bind(id, user, id, lastUsedAt, lastUsedAt).run();
      return id;
    };
    const stale = await device(now - TRUSTED_DEVICE_TTL - 1);
    const fresh = await device(now - TRUSTED_DEVICE_TTL + 60_000);
    const counts = await purgeExpired(getDb(env.DB), now);
    expect(counts.trustedDevicesDeleted).toBeGreaterThanOrEqual(1);
    expect(await row("trusted_devices", stale)).toBeNull();
    expect(await row("trusted_devices", fresh)).not.toBeNull();
  });
});

describe("purgeExpired: text notices", () => {
  it("forgets which conversation a text notice was about (and the number it went to) once its reply window is over", async () => {
    const now = Date.now();
    const { REPLY_WINDOW_MS } = await import("../src/sms/inbound");
    const { w, users } = await messageWorld();
    const thread = await startThread(await browserAs("teacher", w.ids.T1), w.ids.S1, users.rosa.id);
    const notice = async (createdAt: number) => {
      const id = uniq("smn_");
      await env.DB.prepare("INSERT INTO sms_notices (id, phone, user_id, thread_id, created_at) VALUES (?, '+15555550123', ?, ?, ?)").bind(id, users.rosa.id, thread, createdAt).run();
      return id;
    };
    const over = await notice(now - REPLY_WINDOW_MS - 1);
    const open = await notice(now - REPLY_WINDOW_MS + MIN);
    const counts = await purgeExpired(getDb(env.DB), now);
    expect(counts.smsNoticesDeleted).toBe(1);
    expect(await row("sms_notices", over)).toBeNull();
    expect(await row("sms_notices", open)).not.toBeNull();
  });
});
