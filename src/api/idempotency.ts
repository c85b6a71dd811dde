/**
 * `Idempotency-Key` with Stripe's semantics. The first response is stored in the SAME D1 batch
 * as the write it reports, so a stored response exists if and only if the write happened; a
 * repeat with the same key and body replays it and writes (and sends) nothing.
 *
 * Choices: only responses that wrote something are stored (4xx and all-failed batches wrote
 * nothing, so a retry after fixing the cause simply runs again); the body is compared as
 * canonical JSON (key order and whitespace do not matter); keys live 24 hours.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { and, eq, gt, lte } from "drizzle-orm";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { DAY } from "../lib/time";
import type { Statement } from "../db/batch";
import { apiError } from "./errors";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** Keys older than this are ignored, and replaced when reused. */
export const IDEMPOTENCY_WINDOW_MS = DAY;

/** JSON with object keys sorted, so equal bodies hash equally however they were written. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(method: string, path: string, body: unknown): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`${method.toUpperCase()}\n${path}\n${canonicalJson(body)}`)));
}

/** A JSON response from already-serialised text (so a replay is byte-for-byte the first response). */
export function jsonText(c: Context, text: string, status: ContentfulStatusCode, headers: Record<string, string> = {}): Response {
  return c.body(text, status, { "content-type": "application/json", ...headers });
}

export class IdempotencySession {
  constructor(
    private readonly db: Db,
    private readonly districtId: string,
    /** null: the request carried no key, and every method here is a no-op. */
    readonly key: string | null,
    private readonly hash: string,
    private readonly now: number,
  ) {}

  /**
   * Statements that store the response; put them in the same batch as the write. A racing
   * request that stored the key first makes this batch fail on the primary key, so at most one
   * of them writes.
   */
  record(status: number, responseBody: string): Statement[] {
    if (this.key === null) return [];
    const { db, districtId, key } = this;
    return [
      // An expired row for the same key would otherwise block the new one.
      db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.districtId, districtId), eq(idempotencyKeys.key, key), lte(idempotencyKeys.createdAt, this.now - IDEMPOTENCY_WINDOW_MS))),
      db.insert(idempotencyKeys).values({ districtId, key, requestHash: this.hash, statusCode: status, responseBody, createdAt: this.now }),
    ];
  }

  /** The stored response for this key (or the "reused" error), if one exists now. */
  async replayIfStored(c: Context): Promise<Response | null> {
    if (this.key === null) return null;
    const stored = await this.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.districtId, this.districtId), eq(idempotencyKeys.key, this.key), gt(idempotencyKeys.createdAt, this.now - IDEMPOTENCY_WINDOW_MS)))
      .get();
    if (!stored) return null;
    if (stored.requestHash !== this.hash) {
      return apiError(c, 422, "idempotency_key_reused", "This Idempotency-Key was already used with a different request; use a new key for a new request.");
    }
    return jsonText(c, stored.responseBody, stored.statusCode as ContentfulStatusCode, { "idempotent-replayed": "true" });
  }
}

/**
 * Start an idempotent request: a Response when it is a replay (or an error), else a session whose
 * `record()` statements go into the request's one batch. Call after the body has been validated.
 */
export async function beginIdempotent(c: Context, db: Db, districtId: string, body: unknown, now: number): Promise<Response | IdempotencySession> {
  const raw = c.req.header(IDEMPOTENCY_KEY_HEADER);
  const key = raw === undefined ? null : raw.trim();
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    return apiError(c, 422, "validation_failed", `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, [
      { path: "Idempotency-Key", message: `1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` },
    ]);
  }
  // Without a key nothing is stored or compared, so the body (up to 1,000 invitations) is not hashed.
  const hash = key === null ? "" : requestHash(c.req.method, new URL(c.req.url).pathname, body);
  const session = new IdempotencySession(db, districtId, key, hash, now);
  return (await session.replayIfStored(c)) ?? session;
}
