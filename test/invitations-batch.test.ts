import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { auditLog } from "../src/db/schema";
import { planInvitations } from "../src/invitations/create";
import { loadInvitingDistrict } from "../src/invitations/district";
import { runBatch } from "../src/db/batch";
import { DAY } from "../src/lib/time";
import { api, countRows, countWritten, createDistrict, districtWithStudent, freshEmail, insertStudents, type InvitationAnswer, postInvitation, stubMailApis } from "./world";

interface BatchBody {
  results: ({ index: number; status: "created"; invitation: InvitationAnswer } | { index: number; status: "error"; error: { code: string; message: string; details?: unknown } })[];
  created: number;
  failed: number;
}

const batch = async (token: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await api(token, "POST", "/invitations/batch", body, headers);
  return { res, status: res.status, json: (await res.json()) as BatchBody & { error?: { code: string } } };
};

const email = () => freshEmail("batch");

beforeEach(() => stubMailApis());

describe("POST /invitations/batch", () => {
  it("keeps the valid items and reports each failure by index", async () => {
    const f = await districtWithStudent({ schoolName: "Birch Elementary" });
    const stranger = await districtWithStudent();
    const [s1, s2, s3] = (await insertStudents(f.district.id, f.school.id, 3)) as [string, string, string];
    const pending = await postInvitation(f.district.token, { studentSisId: s3, email: "already@example.com" });
    expect(pending.status).toBe(201);
    const shared = email();
    const before = await countWritten();

    const { status, json } = await batch(f.district.token, {
      invitations: [
        { studentSisId: s1, email: shared, name: "Pat" }, // 0 ok
        { studentSisId: s1, phone: "nope" }, // 1 bad phone
        { studentSisId: "missing", email: email() }, // 2 unknown student
        { studentSisId: s2, phone: "+1 212 555 0199" }, // 3 ok
        { studentSisId: s1, email: shared.toUpperCase() }, // 4 duplicate of 0
        "not an object", // 5
        { studentSisId: s3, email: "ALREADY@example.com" }, // 6 pending exists
        { studentSisId: stranger.student.sisId, email: email() }, // 7 another district's student
        { studentSisId: s2, email: email(), phone: "+12125550100" }, // 8 both
        { studentSisId: s3, email: email(), name: "x".repeat(201) }, // 9 too long
        { studentSisId: s2, email: shared }, // 10 ok: same address, other child (sibling)
      ],
    });
    expect(status).toBe(200);
    expect(json.created).toBe(3);
    expect(json.failed).toBe(8);
    expect(json.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const kinds = json.results.map((r) => (r.status === "created" ? "created" : r.error.code));
    expect(kinds).toEqual(["created", "validation_failed", "not_found", "created", "conflict", "validation_failed", "conflict", "not_found", "validation_failed", "validation_failed", "created"]);
    const r4 = json.results[4];
    expect(r4?.status === "error" && r4.error.details).toEqual({ index: 0 });
    const r6 = json.results[6];
    expect(r6?.status === "error" && r6.error.details).toEqual({ invitationId: pending.json.id });
    const r3 = json.results[3];
    expect(r3?.status === "created" && r3.invitation).toMatchObject({ status: "pending", channel: "sms", address: "+12125550199", studentSisId: s2 });

    const after = await countWritten();
    expect(after.invitations).toBe((before.invitations ?? 0) + 3);
    expect(after.guardian_contacts).toBe((before.guardian_contacts ?? 0) + 3);
    expect(after.outbox).toBe((before.outbox ?? 0) + 3);
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
    expect(after.idempotency_keys).toBe(before.idempotency_keys);
    expect(await countRows("outbox", "to_address = ? AND body_text LIKE '%Birch Elementary%'", shared)).toBe(2);
    expect(await countRows("invitations", "district_id = ?", stranger.district.id)).toBe(0);
  });

  it("rejects a whole request that is not a batch, or is too big, writing nothing", async () => {
    const f = await districtWithStudent();
    const item = { studentSisId: f.student.sisId, email: "x@example.com" };
    const bodies: unknown[] = [
      "{oops",
      "[]",
      "null",
      '"text"',
      {},
      { invitations: {} },
      { invitations: "x" },
      { invitations: null },
      { invitations: [item], extra: 1 },
      { invitations: Array.from({ length: 1001 }, () => item) },
    ];
    const before = await countWritten();
    for (const body of bodies) {
      const { status, json } = await batch(f.district.token, body);
      expect(status, JSON.stringify(body).slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(json.error?.code).toMatch(/^(invalid_json|validation_failed)$/);
    }
    expect((await batch("fpd_wrong", { invitations: [item] })).status).toBe(401);
    expect(await countWritten()).toEqual(before);
  });

  it("writes nothing and stores no idempotency key when every item fails", async () => {
    const f = await districtWithStudent();
    const before = await countWritten();
    const { status, json } = await batch(f.district.token, { invitations: [{ studentSisId: "missing", email: email() }, {}] }, { "idempotency-key": "all-bad" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ created: 0, failed: 2 });
    expect(await countWritten()).toEqual(before);
  });

  it("creates 1,000 invitations in one call within D1's limits", async () => {
    const f = await districtWithStudent();
    const sisIds = await insertStudents(f.district.id, f.school.id, 1000);
    const { res, status, json } = await batch(f.district.token, { invitations: sisIds.map((s, i) => ({ studentSisId: s, email: `k${i}.${s}@example.com`, name: `Guardian ${i}` })) });
    expect(status).toBe(200);
    expect(json).toMatchObject({ created: 1000, failed: 0 });
    expect(await countRows("invitations", "district_id = ?", f.district.id)).toBe(1000);
    expect(await countRows("outbox", "district_id = ? AND kind = 'invitation'", f.district.id)).toBe(1000);
    expect(await countRows("guardian_contacts", "district_id = ?", f.district.id)).toBe(1000);
    // The whole request (token, idempotency, lookups, writes, audit) in at most 100 statements:
    // rows travel as one JSON parameter per statement, not 100 bound parameters at a time.
    const statements = Number(res.headers.get("x-d1-statements"));
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(100);
  });

  it("stores names with quotes, Unicode or none exactly as given, keeps a name on record when none is given, and writes each student's name into the email", async () => {
    const f = await districtWithStudent({ schoolName: `St. Mary's "Annex"` });
    const [s1, s2, s3] = (await insertStudents(f.district.id, f.school.id, 3)) as [string, string, string];
    await env.DB.prepare("UPDATE students SET first_name = ? WHERE district_id = ? AND sis_id = ?").bind(`D'Arcy "DJ" Zoë`, f.district.id, s1).run();
    const [a, b, c] = [email(), email(), email()];
    // A contact on record with a name: an item without one keeps it.
    expect((await batch(f.district.token, { invitations: [{ studentSisId: s3, email: c, name: "Ana María", relationship: "mother" }] })).status).toBe(200);
    await env.DB.prepare("UPDATE invitations SET status = 'revoked' WHERE address = ?").bind(c).run();
    const { status, json } = await batch(f.district.token, {
      invitations: [
        { studentSisId: s1, email: a, name: `O'Brien "Bo" \\ Zoë`, relationship: "tía 'Lupe'" },
        { studentSisId: s2, email: b, name: "王小明 👩‍👩‍👧 مريم", language: "es-MX" },
        { studentSisId: s3, email: c },
      ],
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ created: 3, failed: 0 });
    const contacts = await env.DB.prepare("SELECT address, name, relationship, language FROM guardian_contacts WHERE district_id = ?").bind(f.district.id).all<Record<string, string | null>>();
    const byAddress = new Map(contacts.results.map((r) => [r.address, r]));
    expect(byAddress.get(a)).toEqual({ address: a, name: `O'Brien "Bo" \\ Zoë`, relationship: "tía 'Lupe'", language: null });
    expect(byAddress.get(b)).toEqual({ address: b, name: "王小明 👩‍👩‍👧 مريم", relationship: null, language: "es-MX" });
    expect(byAddress.get(c)).toEqual({ address: c, name: "Ana María", relationship: "mother", language: null });
    const answered = json.results.map((r) => (r.status === "created" ? r.invitation.name : null));
    expect(answered).toEqual([`O'Brien "Bo" \\ Zoë`, "王小明 👩‍👩‍👧 مريم", "Ana María"]);
    const mail = await env.DB.prepare("SELECT body_text, body_html FROM outbox WHERE to_address = ?").bind(a).first<{ body_text: string; body_html: string }>();
    expect(mail?.body_text).toContain(`D'Arcy "DJ" Zoë`);
    expect(mail?.body_text).toContain(`St. Mary's "Annex"`);
    expect(mail?.body_html).toContain("D&#39;Arcy &quot;DJ&quot; Zoë");
    expect(await countRows("outbox", "to_address = ? AND body_text LIKE '%Mary''s%'", b)).toBe(1);
  });

  it("replays a batch with the same Idempotency-Key and sends nothing new", async () => {
    const f = await districtWithStudent();
    const body = { invitations: [{ studentSisId: f.student.sisId, email: email() }] };
    const first = await api(f.district.token, "POST", "/invitations/batch", body, { "idempotency-key": "batch-key-1" });
    const firstText = await first.text();
    const before = await countWritten();
    const again = await api(f.district.token, "POST", "/invitations/batch", body, { "idempotency-key": "batch-key-1" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstText);
    expect(await countWritten()).toEqual(before);
    // The same key on the single-invitation route is another request.
    const other = await api(f.district.token, "POST", "/invitations", body.invitations[0], { "idempotency-key": "batch-key-1" });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("idempotency_key_reused");
  });
});

describe("D1 batch atomicity", () => {
  it("a batch whose last statement fails leaves neither the invitation nor its outbox row", async () => {
    const f = await districtWithStudent();
    const db = getDb(env.DB);
    const district = await loadInvitingDistrict(db, f.district.id);
    if (!district) throw new Error("no district");
    const address = email();
    const plan = await planInvitations({ db, district, publicUrl: "http://127.0.0.1:8787", ttlMs: 14 * DAY, now: Date.now() }, [
      { studentSisId: f.student.sisId, channel: "email", address, name: null, relationship: null },
    ]);
    expect(plan.created).toHaveLength(1);
    const before = await countWritten();
    // An audit row with an id that already exists: a primary-key violation as the last statement.
    const existing = await env.DB.prepare("SELECT id FROM audit_log LIMIT 1").first<{ id: string }>();
    if (!existing) throw new Error("no audit row");
    const failing = db.insert(auditLog).values({ id: existing.id, districtId: f.district.id, at: Date.now(), actorKind: "system", actorId: null, action: "boom" });
    await expect(runBatch(db, [...plan.statements, failing])).rejects.toThrow();
    expect(await countWritten()).toEqual(before);
    expect(await countRows("outbox", "to_address = ?", address)).toBe(0);
    expect(await countRows("invitations", "address = ?", address)).toBe(0);

    // The same plan without the failing statement commits everything.
    await runBatch(db, plan.statements);
    expect(await countRows("invitations", "address = ?", address)).toBe(1);
    expect(await countRows("outbox", "to_address = ?", address)).toBe(1);
  });

  it("a plan made stale by a racing request fails as a whole instead of writing a second pending invitation", async () => {
    const f = await districtWithStudent();
    const db = getDb(env.DB);
    const district = await loadInvitingDistrict(db, f.district.id);
    if (!district) throw new Error("no district");
    const address = email();
    const ctx = { db, district, publicUrl: "http://127.0.0.1:8787", ttlMs: 14 * DAY, now: Date.now() };
    const item = { studentSisId: f.student.sisId, channel: "email" as const, address, name: null, relationship: null };
    // Both requests looked before either wrote.
    const [winner, loser] = await Promise.all([planInvitations(ctx, [item]), planInvitations(ctx, [item])]);
    await runBatch(db, winner.statements);
    const before = await countWritten();
    await expect(runBatch(db, loser.statements)).rejects.toThrow(/NOT NULL/);
    expect(await countWritten()).toEqual(before);
    expect(await countRows("invitations", "address = ?", address)).toBe(1);
    expect(await countRows("outbox", "to_address = ?", address)).toBe(1);
  });

  it("keeps every statement of a 1,000-item plan within 100 bound parameters", async () => {
    const f = await districtWithStudent();
    const sisIds = await insertStudents(f.district.id, f.school.id, 1000);
    const db = getDb(env.DB);
    const district = await loadInvitingDistrict(db, f.district.id);
    if (!district) throw new Error("no district");
    const plan = await planInvitations(
      { db, district, publicUrl: "http://127.0.0.1:8787", ttlMs: DAY, now: Date.now() },
      sisIds.map((s, i) => ({ studentSisId: s, channel: "sms" as const, address: `+1212555${String(i).padStart(4, "0")}`, name: "G", relationship: "parent" })),
    );
    const params = plan.statements.map((s) => (s as unknown as { toSQL(): { params: unknown[] } }).toSQL().params.length);
    expect(Math.max(...params)).toBeLessThanOrEqual(100);
    expect(plan.statements.length).toBeLessThanOrEqual(10);
  });
});

describe("batch isolation", () => {
  it("another district's students are not found, and nothing of theirs leaks", async () => {
    const theirs = await districtWithStudent({ student: { firstName: "Secretname" } });
    const mine = await createDistrict();
    const { json } = await batch(mine.token, { invitations: [{ studentSisId: theirs.student.sisId, email: email() }] });
    expect(json.results[0]).toMatchObject({ status: "error", error: { code: "not_found" } });
    expect(JSON.stringify(json)).not.toContain("Secretname");
  });
});
