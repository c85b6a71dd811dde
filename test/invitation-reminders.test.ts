import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { findInvitationByToken } from "../src/invitations";
import { sendExpiryReminders } from "../src/invitations/reminders";
import { DAY, HOUR } from "../src/lib/time";
import { api, countRows, createDistrict } from "./world";

const db = () => getDb(env.DB);

async function districtWithInvitation(reminders: boolean) {
  const d = await createDistrict();
  await api(d.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Oak School" }],
    students: [{ sisId: "st", firstName: "Ida", lastName: "Wells", schoolSisId: "sch" }],
  });
  if (reminders) expect((await api(d.token, "PUT", "/settings", { reminderBeforeExpiry: true })).status).toBe(200);
  const res = await api(d.token, "POST", "/invitations", { studentSisId: "st", email: `p-${d.id}@example.com` });
  const inv = (await res.json()) as { id: string };
  const link = await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ?").bind(`p-${d.id}@example.com`).first<{ body_text: string }>();
  const token = link!.body_text.match(/\/i\/([a-z2-7]+)/)![1]!;
  return { d, invId: inv.id, token };
}

/** Moves an invitation so that it was sent 13.5 days ago and expires in 12 hours. */
async function makeDueTomorrow(invId: string, now: number) {
  await env.DB.prepare("UPDATE invitations SET sent_at = ?, created_at = ?, expires_at = ? WHERE id = ?")
    .bind(now - 13.5 * DAY, now - 13.5 * DAY, now + 12 * HOUR, invId)
    .run();
}

describe("invitation reminders before expiry", () => {
  it("sends one reminder with a fresh link on the last day, keeps the expiry, and only once", async () => {
    const now = Date.now();
    const { d, invId, token } = await districtWithInvitation(true);
    await makeDueTomorrow(invId, now);
    const before = await env.DB.prepare("SELECT expires_at FROM invitations WHERE id = ?").bind(invId).first<{ expires_at: number }>();
    expect(await sendExpiryReminders(db(), "http://127.0.0.1:8787", now)).toBeGreaterThanOrEqual(1);
    const reminder = await env.DB.prepare("SELECT subject, body_text FROM outbox WHERE kind = 'invitation_reminder' AND district_id = ?").bind(d.id).first<{ subject: string; body_text: string }>();
    expect(reminder?.subject).toMatch(/^Reminder: /);
    const fresh = reminder!.body_text.match(/\/i\/([a-z2-7]+)/)![1]!;
    expect(fresh).not.toBe(token);
    expect(await findInvitationByToken(db(), token)).toBeNull();
    expect((await findInvitationByToken(db(), fresh))?.invitation.id).toBe(invId);
    const after = await env.DB.prepare("SELECT expires_at FROM invitations WHERE id = ?").bind(invId).first<{ expires_at: number }>();
    expect(after?.expires_at).toBe(before?.expires_at);
    expect(await countRows("audit_log", "action = 'invitation.reminder' AND target_id = ?", invId)).toBe(1);

    await sendExpiryReminders(db(), "http://127.0.0.1:8787", now + HOUR);
    expect(await countRows("outbox", "kind = 'invitation_reminder' AND district_id = ?", d.id)).toBe(1);
  });

  it("sends nothing when the district has not asked for reminders, or the invitation is not pending", async () => {
    const now = Date.now();
    const off = await districtWithInvitation(false);
    await makeDueTomorrow(off.invId, now);
    const revoked = await districtWithInvitation(true);
    await makeDueTomorrow(revoked.invId, now);
    await api(revoked.d.token, "DELETE", `/invitations/${revoked.invId}`);
    await sendExpiryReminders(db(), "http://127.0.0.1:8787", now);
    expect(await countRows("outbox", "kind = 'invitation_reminder' AND district_id IN (?, ?)", off.d.id, revoked.d.id)).toBe(0);
    expect(await findInvitationByToken(db(), off.token)).not.toBeNull();
  });
});
