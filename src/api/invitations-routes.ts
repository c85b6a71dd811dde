import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { config } from "../config";
import type { AppEnv } from "../env";
import type { Db } from "../db/client";
import { dbOf } from "../db/route";
import { kickOutbox } from "../outbox/enqueue";
import { now as clock } from "../lib/time";
import { planInvitations, type InvitationContext, type InvitationPlan, type ItemError } from "../invitations/create";
import { resendInvitation, revokeInvitation, type ChangeContext, type ChangeOutcome } from "../invitations/change";
import { decodeCursor } from "../lib/cursor";
import { invitationTtlMs, loadInvitingDistrict } from "../invitations/district";
import { invitationBatchInput, invitationId, invitationInput, issueDetails, sisId, type InvitationInput } from "../invitations/input";
import { getInvitationView, listInvitations } from "../invitations/lookup";
import { runBatch } from "../db/batch";
import { INVITATION_VIEW_STATUSES } from "../invitations/status";
import { toInvitationJson } from "../invitations/view";
import { apiError } from "./errors";
import { beginIdempotent, jsonText, type IdempotencySession } from "./idempotency";
import { validate } from "./validate";

const ITEM_ERROR_STATUS = { validation_failed: 422, not_found: 404, conflict: 409 } as const;

/** A racing request can invalidate a plan between lookup and write; then we look again. */
const MAX_ATTEMPTS = 3;

const listQuery = z.strictObject({
  status: z.optional(z.enum(INVITATION_VIEW_STATUSES)),
  studentSisId: z.optional(sisId),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
});

async function invitationContext(c: Context<AppEnv>, db: Db, at: number): Promise<InvitationContext> {
  const district = await loadInvitingDistrict(db, c.get("district").id);
  // requireDistrict has just found this district; only a concurrent deletion could get here.
  if (!district) throw new Error("district vanished during the request");
  const { publicUrl, invitationTtlDays } = config(c.env);
  return { db, district, publicUrl, ttlMs: invitationTtlMs(district, invitationTtlDays), now: at };
}

/**
 * Plan, then write the plan and the idempotency record in ONE batch. When the batch fails, a
 * racing request got there first: replay its stored response, or plan again (the conflict now
 * shows up as a normal 409 / per-item error).
 */
async function commitInvitations(
  c: Context<AppEnv>,
  idem: IdempotencySession,
  ctx: InvitationContext,
  items: readonly (InvitationInput | ItemError)[],
  respond: (plan: InvitationPlan) => Response | { status: 200 | 201; text: string },
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const plan = await planInvitations(ctx, items);
    const reply = respond(plan);
    if (reply instanceof Response || plan.statements.length === 0) {
      // Nothing to write, so nothing is stored; but a same-key request may have won meanwhile.
      return (await idem.replayIfStored(c)) ?? (reply instanceof Response ? reply : jsonText(c, reply.text, reply.status));
    }
    try {
      await runBatch(ctx.db, [...idem.record(reply.status, reply.text), ...plan.statements]);
    } catch (err) {
      const replay = await idem.replayIfStored(c);
      if (replay) return replay;
      if (attempt >= MAX_ATTEMPTS) throw err;
      continue;
    }
    c.executionCtx.waitUntil(kickOutbox(c.env));
    return jsonText(c, reply.text, reply.status);
  }
}

function changeResponse(c: Context<AppEnv>, outcome: ChangeOutcome, action: string, at: number): Response {
  if (outcome.ok) return c.json(toInvitationJson(outcome.invitation, at));
  if (outcome.error === "not_found") return apiError(c, 404, "not_found", "No such invitation.");
  if (outcome.error === "superseded") {
    return apiError(c, 409, "conflict", "A newer invitation to the same address for this student is still pending; resend that one.", {
      invitationId: outcome.pendingInvitationId,
    });
  }
  return apiError(c, 409, "conflict", `The invitation is ${outcome.status}, so it cannot be ${action}.`, { status: outcome.status });
}

async function changeContext(c: Context<AppEnv>, at: number): Promise<ChangeContext> {
  const ctx = await invitationContext(c, dbOf(c.env, c.get("district").id), at);
  return { ...ctx, actor: { kind: "district", id: ctx.district.id } };
}

export const invitationsApi = new Hono<AppEnv>()
  .post("/", validate("json", invitationInput), async (c) => {
    const input = c.req.valid("json");
    const db = dbOf(c.env, c.get("district").id);
    const at = clock();
    const idem = await beginIdempotent(c, db, c.get("district").id, await c.req.json(), at);
    if (idem instanceof Response) return idem;
    const ctx = await invitationContext(c, db, at);
    return commitInvitations(c, idem, ctx, [input], (plan) => {
      const outcome = plan.outcomes[0];
      if (!outcome) throw new Error("a plan has one outcome per item");
      if (!outcome.ok) {
        const e = outcome.error;
        return apiError(c, ITEM_ERROR_STATUS[e.code], e.code, e.message, e.details);
      }
      return { status: 201, text: JSON.stringify(outcome.invitation) };
    });
  })
  .post("/batch", validate("json", invitationBatchInput), async (c) => {
    const { invitations: raw } = c.req.valid("json");
    const items = raw.map((item): InvitationInput | ItemError => {
      const parsed = invitationInput.safeParse(item);
      if (parsed.success) return parsed.data;
      const details = issueDetails(parsed.error);
      return { code: "validation_failed", message: `${details[0]?.path || "item"}: ${details[0]?.message ?? "invalid"}`, details };
    });
    const db = dbOf(c.env, c.get("district").id);
    const at = clock();
    const idem = await beginIdempotent(c, db, c.get("district").id, await c.req.json(), at);
    if (idem instanceof Response) return idem;
    const ctx = await invitationContext(c, db, at);
    return commitInvitations(c, idem, ctx, items, (plan) => {
      const results = plan.outcomes.map((o, index) =>
        o.ok ? { index, status: "created" as const, invitation: o.invitation } : { index, status: "error" as const, error: o.error },
      );
      const created = plan.created.length;
      return { status: 200, text: JSON.stringify({ results, created, failed: results.length - created }) };
    });
  })
  .get("/", validate("query", listQuery), async (c) => {
    const q = c.req.valid("query");
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (cursor === null) {
      return apiError(c, 422, "validation_failed", "Invalid query: cursor is not one this API returned.", [{ path: "cursor", message: "unknown cursor" }]);
    }
    const at = clock();
    const { rows, nextCursor } = await listInvitations(dbOf(c.env, c.get("district").id), c.get("district").id, { ...q, cursor, now: at });
    return c.json({ data: rows.map((r) => toInvitationJson(r, at)), nextCursor });
  })
  .get("/:id", async (c) => {
    const id = invitationId.safeParse(c.req.param("id"));
    const row = id.success ? await getInvitationView(dbOf(c.env, c.get("district").id), c.get("district").id, id.data) : null;
    if (!row) return apiError(c, 404, "not_found", "No such invitation.");
    return c.json(toInvitationJson(row, clock()));
  })
  .post("/:id/resend", async (c) => {
    const id = invitationId.safeParse(c.req.param("id"));
    if (!id.success) return apiError(c, 404, "not_found", "No such invitation.");
    const at = clock();
    const outcome = await resendInvitation(await changeContext(c, at), id.data);
    if (outcome.ok) c.executionCtx.waitUntil(kickOutbox(c.env));
    return changeResponse(c, outcome, "resent", at);
  })
  .delete("/:id", async (c) => {
    const id = invitationId.safeParse(c.req.param("id"));
    if (!id.success) return apiError(c, 404, "not_found", "No such invitation.");
    const at = clock();
    return changeResponse(c, await revokeInvitation(await changeContext(c, at), id.data), "revoked", at);
  });
