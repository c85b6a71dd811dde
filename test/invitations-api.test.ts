import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { findInvitationByToken } from "../src/invitations/lookup";
import { invitationStatus } from "../src/invitations/status";
import { normalizeEmail, normalizePhone } from "../src/invitations/normalize";
import { buildInvitationMessage } from "../src/invitations/messages";
import { hashToken } from "../src/lib/random";
import { sql } from "drizzle-orm";
import { outbox } from "../src/db/schema";
import { outboxRow } from "../src/outbox/enqueue";
import { insertWhere, runBatch } from "../src/db/batch";
import { DAY } from "../src/lib/time";
import { api, countRows, countWritten, createDistrict, districtWithStudent, freshEmail, insertStudent, type InvitationAnswer, mailTo, postInvitation, setDistrictSettings, setInvitation, stubMailApis, tokenFromText } from "./world";

const PUBLIC_URL = "http://127.0.0.1:8787";

beforeEach(() => stubMailApis());

describe("POST /invitations", () => {
  it("creates an email invitation: contact, hashed token, outbox message naming school and child, audit row", async () => {
    const f = await districtWithStudent({ districtName: "Riverside Unified", schoolName: "Maple Grove Elementary", student: { firstName: "Maya", lastName: "Johnson" } });
    await setDistrictSettings(f.district.id, { invitationMessage: "Welcome to our new family portal!" });
    const email = freshEmail("guardian");
    const before = Date.now();
    const { status, json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: `  ${email.toUpperCase()} `, name: " Jordan Johnson ", relationship: "parent" });

    expect(status).toBe(201);
    expect(json).toMatchObject({ status: "pending", channel: "email", studentSisId: f.student.sisId, address: email, name: "Jordan Johnson", relationship: "parent", sendCount: 1 });
    expect(json.id).toMatch(/^inv_/);
    const expires = Date.parse(json.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 14 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 14 * DAY);

    expect(await countRows("guardian_contacts", "student_id = ? AND channel = 'email' AND address = ? AND name = 'Jordan Johnson'", f.student.id, email)).toBe(1);
    expect(await countRows("audit_log", "district_id = ? AND action = 'invitation.create' AND target_id = ? AND student_id = ?", f.district.id, json.id, f.student.id)).toBe(1);

    const [msg, ...more] = await mailTo(email);
    expect(more).toHaveLength(0);
    expect(msg).toBeDefined();
    if (!msg) return;
    expect(msg).toMatchObject({ kind: "invitation", channel: "email", district_id: f.district.id, student_id: f.student.id });
    expect(msg.subject).toBe("Riverside Unified: join Family Portal for Maya J. at Maple Grove Elementary");
    expect(msg.body_text.startsWith("Welcome to our new family portal!")).toBe(true);
    for (const words of ["Maya Johnson", "Maple Grove Elementary", "Riverside Unified", "works once", "This is not my child"]) {
      expect(msg.body_text).toContain(words);
      expect(msg.body_html).toContain(words);
    }
    // The expiry in the district's time zone (America/New_York unless it set another), naming it.
    expect(msg.body_text).toMatch(/ at \d{1,2}:\d\d\s[AP]M E[SD]T;/);
    expect(msg.body_html).toContain("Welcome to our new family portal!");

    // The link carries a 160-bit token; only its hash is stored, and it finds the invitation.
    const token = tokenFromText(msg.body_text);
    expect(msg.body_text).toContain(`${PUBLIC_URL}/i/${token}`);
    expect(msg.body_html).toContain(`href="${PUBLIC_URL}/i/${token}"`);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(await countRows("invitations", "token_hash = ?", token)).toBe(0);
    expect(await countRows("invitations", "id = ? AND token_hash = ?", json.id, hashToken(token))).toBe(1);
    const found = await findInvitationByToken(getDb(env.DB), token);
    expect(found).toMatchObject({ invitation: { id: json.id }, student: { firstName: "Maya" }, school: { name: "Maple Grove Elementary" }, district: { name: "Riverside Unified" } });
    expect(await findInvitationByToken(getDb(env.DB), token + "x")).toBeNull();
  });

  it("creates a text invitation with the phone number in E.164 and a short SMS", async () => {
    const f = await districtWithStudent({ districtName: "Lakeside Schools", schoolName: "Oak Middle", student: { firstName: "Leo", lastName: "Park" } });
    const { status, json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, phone: "(212) 555-0142" });
    expect(status).toBe(201);
    expect(json).toMatchObject({ channel: "sms", address: "+12125550142", name: null, relationship: null });
    const [msg] = await mailTo("+12125550142");
    expect(msg?.channel).toBe("sms");
    expect(msg?.subject).toBeNull();
    expect(msg?.body_html).toBeNull();
    const token = tokenFromText(msg?.body_text ?? "");
    expect(msg?.body_text).toBe(`Lakeside Schools: join Family Portal for Leo at Oak Middle: ${PUBLIC_URL}/i/${token}`);
  });

  it("escapes names in the HTML email", async () => {
    const f = await districtWithStudent({ districtName: `Dist <script>alert(1)</script>`, schoolName: `O'Brien & "Co" <School>`, student: { firstName: "<img src=x>", lastName: "Smith" } });
    await setDistrictSettings(f.district.id, { invitationMessage: "<b>Hi</b>\nsecond line" });
    const email = freshEmail("guardian");
    expect((await postInvitation(f.district.token, { studentSisId: f.student.sisId, email })).status).toBe(201);
    const [msg] = await mailTo(email);
    const html = msg?.body_html ?? "";
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x>");
    expect(html).not.toContain("<b>Hi</b>");
    expect(html).toContain("O&#39;Brien &amp; &quot;Co&quot; &lt;School&gt;");
    expect(html).toContain("&lt;b&gt;Hi&lt;/b&gt;<br>second line");
    expect(msg?.body_text).toContain(`O'Brien & "Co" <School>`);
  });

  it("uses the district's invitation lifetime when set", async () => {
    const f = await districtWithStudent();
    await setDistrictSettings(f.district.id, { invitationTtlDays: 3 });
    const before = Date.now();
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("guardian") });
    expect(Date.parse(json.expiresAt)).toBeGreaterThanOrEqual(before + 3 * DAY);
    expect(Date.parse(json.expiresAt)).toBeLessThanOrEqual(Date.now() + 3 * DAY);
  });

  it("refuses without a token or with a wrong one", async () => {
    const f = await districtWithStudent();
    const before = await countWritten();
    for (const token of [null, "fpd_wrong"]) {
      const res = await api(token, "POST", "/invitations", { studentSisId: f.student.sisId, email: freshEmail("guardian") });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    expect(await countWritten()).toEqual(before);
  });

  it("answers 404 for an unknown student and for another district's student, writing nothing", async () => {
    const mine = await districtWithStudent();
    const theirs = await districtWithStudent();
    const before = await countWritten();
    for (const sisId of ["no-such-student", theirs.student.sisId]) {
      const { status, json } = await postInvitation(mine.district.token, { studentSisId: sisId, email: freshEmail("guardian") });
      expect(status).toBe(404);
      expect(json.error?.code).toBe("not_found");
      expect(JSON.stringify(json)).not.toContain(theirs.student.firstName === "Maya" ? theirs.student.id : theirs.student.firstName);
    }
    expect(await countWritten()).toEqual(before);
  });

  it("rejects bad input with a 4xx and writes nothing", async () => {
    const f = await districtWithStudent();
    const sis = f.student.sisId;
    const bad: unknown[] = [
      "{not json",
      "",
      "null",
      "[]",
      {},
      { email: "a@example.com" },
      { studentSisId: sis },
      { studentSisId: 42, email: "a@example.com" },
      { studentSisId: sis, email: 42 },
      { studentSisId: sis, phone: 2125550142 },
      { studentSisId: sis, email: "a@example.com", phone: "+12125550142" },
      { studentSisId: sis, email: "not-an-email" },
      { studentSisId: sis, email: `${"a".repeat(250)}@example.com` },
      { studentSisId: sis, phone: "12345" },
      { studentSisId: sis, phone: "555-CALL-NOW" },
      { studentSisId: sis, phone: "+1 (055) 555-0100" },
      { studentSisId: sis, phone: "0" + "1".repeat(40) },
      { studentSisId: sis, email: "a@example.com", name: "x".repeat(201) },
      { studentSisId: sis, email: "a@example.com", relationship: "x".repeat(101) },
      { studentSisId: "x".repeat(129), email: "a@example.com" },
      { studentSisId: "has spaces", email: "a@example.com" },
      { studentSisId: sis, email: "a@example.com", extra: true },
      { studentSisId: sis, email: "a@example.com", name: ["Jo"] },
    ];
    const before = await countWritten();
    for (const body of bad) {
      const res = await api(f.district.token, "POST", "/invitations", body, { "idempotency-key": `bad-${JSON.stringify(body)}`.slice(0, 200) });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      const err = ((await res.json()) as { error: { code: string } }).error;
      expect(err.code, JSON.stringify(body)).toMatch(/^(invalid_json|validation_failed)$/);
    }
    expect(await countWritten()).toEqual(before);
  });

  it("refuses a second pending invitation for the same student and address (409 with its id)", async () => {
    const f = await districtWithStudent();
    const email = freshEmail("guardian");
    const first = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email });
    expect(first.status).toBe(201);
    const before = await countWritten();
    const again = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: "conflict", details: { invitationId: first.json.id } });
    expect(await countWritten()).toEqual(before);

    // Another address, or the same address once the first has expired, is fine.
    expect((await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("guardian") })).status).toBe(201);
    await setInvitation(first.json.id, { expires_at: Date.now() - 1000 });
    const renewed = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, name: "New Name" });
    expect(renewed.status).toBe(201);
    // One contact per student and address, kept fresh.
    expect(await countRows("guardian_contacts", "student_id = ? AND address = ?", f.student.id, email)).toBe(1);
    expect(await countRows("guardian_contacts", "student_id = ? AND address = ? AND name = 'New Name'", f.student.id, email)).toBe(1);
  });

  it("keeps the contact's name when a later invitation omits it", async () => {
    const f = await districtWithStudent();
    const email = freshEmail("guardian");
    const first = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, name: "Ann Lee", relationship: "aunt" });
    await setInvitation(first.json.id, { status: "revoked", revoked_at: Date.now() });
    const second = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ name: "Ann Lee", relationship: "aunt" });
    expect(await countRows("guardian_contacts", "student_id = ? AND address = ? AND name = 'Ann Lee' AND relationship = 'aunt'", f.student.id, email)).toBe(1);
  });

  it("never leaves two pending invitations when requests race (different or no keys)", async () => {
    const f = await districtWithStudent();
    const email = freshEmail("guardian");
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => postInvitation(f.district.token, { studentSisId: f.student.sisId, email }, i % 2 ? { "idempotency-key": `race-${i}` } : {})),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await countRows("invitations", "student_id = ? AND address = ?", f.student.id, email)).toBe(1);
    expect(await countRows("outbox", "to_address = ?", email)).toBe(1);
  });
});

describe("GET /invitations", () => {
  async function seedList() {
    const f = await districtWithStudent();
    const other = await insertStudent(f.district.id, f.school.id, { firstName: "Leo" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { json } = await postInvitation(f.district.token, { studentSisId: i < 3 ? f.student.sisId : other.sisId, email: freshEmail("guardian"), name: `G${i}` });
      ids.push(json.id);
    }
    return { f, other, ids };
  }

  it("lists in creation order with a stable cursor, and filters by student and status", async () => {
    const { f, other, ids } = await seedList();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(f.district.token, "GET", `/invitations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: InvitationAnswer[]; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((d) => d.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);

    const page = (await (await api(f.district.token, "GET", "/invitations?limit=1")).json()) as { data: InvitationAnswer[] };
    expect(page.data[0]).toMatchObject({ id: ids[0], studentSisId: f.student.sisId, channel: "email", name: "G0", status: "pending", sentAt: expect.any(String), acceptedAt: null });
    expect(Object.keys(page.data[0] ?? {})).toEqual(expect.arrayContaining(["id", "studentSisId", "channel", "address", "name", "relationship", "status", "expiresAt", "createdAt", "sentAt", "acceptedAt"]));

    const byStudent = (await (await api(f.district.token, "GET", `/invitations?studentSisId=${other.sisId}`)).json()) as { data: InvitationAnswer[] };
    expect(byStudent.data.map((d) => d.id)).toEqual(ids.slice(3));

    // Make one expired, one accepted, one revoked, one disputed.
    const [a, b, c2, d] = ids as [string, string, string, string, string];
    await setInvitation(a, { expires_at: Date.now() - 1 });
    await setInvitation(b, { status: "accepted", accepted_at: Date.now() });
    await setInvitation(c2, { status: "revoked", revoked_at: Date.now() });
    await setInvitation(d, { status: "disputed", disputed_at: Date.now() });
    const byStatus = async (s: string) =>
      ((await (await api(f.district.token, "GET", `/invitations?status=${s}`)).json()) as { data: InvitationAnswer[] }).data.map((x) => [x.id, x.status]);
    expect(await byStatus("expired")).toEqual([[a, "expired"]]);
    expect(await byStatus("accepted")).toEqual([[b, "accepted"]]);
    expect(await byStatus("revoked")).toEqual([[c2, "revoked"]]);
    expect(await byStatus("disputed")).toEqual([[d, "disputed"]]);
    expect(await byStatus("pending")).toEqual([[ids[4], "pending"]]);
  });

  it("shows another district nothing, and rejects bad queries with 422", async () => {
    const { f } = await seedList();
    const stranger = await createDistrict();
    const theirs = (await (await api(stranger.token, "GET", "/invitations")).json()) as { data: unknown[]; nextCursor: null };
    expect(theirs).toEqual({ data: [], nextCursor: null });
    const byTheirStudent = (await (await api(stranger.token, "GET", `/invitations?studentSisId=${f.student.sisId}`)).json()) as { data: unknown[] };
    expect(byTheirStudent.data).toEqual([]);
    for (const q of ["status=sent", "limit=0", "limit=201", "limit=abc", "cursor=%%%", "cursor=bm9wZQ", "studentSisId=a%20b", "nope=1"]) {
      const res = await api(f.district.token, "GET", `/invitations?${q}`);
      expect(res.status, q).toBe(422);
    }
    expect((await api(null, "GET", "/invitations")).status).toBe(401);
  });

  it("GET /invitations/:id returns one, and 404 for another district's id", async () => {
    const f = await districtWithStudent();
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("guardian") });
    const res = await api(f.district.token, "GET", `/invitations/${json.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(json);
    const stranger = await createDistrict();
    for (const [token, id] of [[stranger.token, json.id], [f.district.token, "inv_nope"], [f.district.token, "garbage!"]] as const) {
      const r = await api(token, "GET", `/invitations/${encodeURIComponent(id)}`);
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain(f.student.sisId);
    }
  });
});

describe("POST /invitations/:id/resend", () => {
  it("sends a new link, kills the old one and extends the expiry", async () => {
    const f = await districtWithStudent({ schoolName: "Cedar Elementary" });
    const email = freshEmail("guardian");
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email });
    const oldToken = tokenFromText((await mailTo(email))[0]?.body_text ?? "");
    await setInvitation(json.id, { expires_at: Date.now() - DAY });

    const res = await api(f.district.token, "POST", `/invitations/${json.id}/resend`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as InvitationAnswer;
    expect(body).toMatchObject({ id: json.id, status: "pending", sendCount: 2 });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now() + 13 * DAY);

    const messages = await mailTo(email);
    expect(messages).toHaveLength(2);
    const newToken = tokenFromText(messages[1]?.body_text ?? "");
    expect(newToken).not.toBe(oldToken);
    expect(messages[1]?.body_text).toContain("Cedar Elementary");
    const db = getDb(env.DB);
    expect(await findInvitationByToken(db, oldToken)).toBeNull();
    expect((await findInvitationByToken(db, newToken))?.invitation.id).toBe(json.id);
    expect(await countRows("audit_log", "action = 'invitation.resend' AND target_id = ?", json.id)).toBe(1);
  });

  it("refuses to revive an expired invitation when a newer one to the same address is pending", async () => {
    const f = await districtWithStudent();
    const address = freshEmail("guardian");
    const old = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: address });
    await setInvitation(old.json.id, { expires_at: Date.now() - 1 });
    const newer = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: address });
    expect(newer.status).toBe(201);
    const before = await countWritten();
    const res = await api(f.district.token, "POST", `/invitations/${old.json.id}/resend`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({ invitationId: newer.json.id });
    expect(await countWritten()).toEqual(before);
    expect((await api(f.district.token, "POST", `/invitations/${newer.json.id}/resend`)).status).toBe(200);
  });

  it("refuses accepted, revoked and disputed invitations (409), and another district's (404)", async () => {
    const f = await districtWithStudent();
    const stranger = await createDistrict();
    for (const status of ["accepted", "revoked", "disputed"]) {
      const email = freshEmail("guardian");
      const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email });
      await setInvitation(json.id, { status });
      const before = await countWritten();
      const res = await api(f.district.token, "POST", `/invitations/${json.id}/resend`);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({ status });
      expect(await countWritten()).toEqual(before);
    }
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("guardian") });
    const before = await countWritten();
    expect((await api(stranger.token, "POST", `/invitations/${json.id}/resend`)).status).toBe(404);
    expect((await api(f.district.token, "POST", `/invitations/inv_missing/resend`)).status).toBe(404);
    expect((await api(null, "POST", `/invitations/${json.id}/resend`)).status).toBe(401);
    expect(await countWritten()).toEqual(before);
  });
});

describe("DELETE /invitations/:id (revoke)", () => {
  it("revokes at once, is idempotent, and is audited once", async () => {
    const f = await districtWithStudent();
    const email = freshEmail("guardian");
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email });
    const token = tokenFromText((await mailTo(email))[0]?.body_text ?? "");

    const res = await api(f.district.token, "DELETE", `/invitations/${json.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as InvitationAnswer;
    expect(body).toMatchObject({ id: json.id, status: "revoked", revokedAt: expect.any(String) });
    const found = await findInvitationByToken(getDb(env.DB), token);
    expect(found && invitationStatus(found.invitation, Date.now())).toBe("revoked");

    const again = await api(f.district.token, "DELETE", `/invitations/${json.id}`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
    expect(await countRows("audit_log", "action = 'invitation.revoke' AND target_id = ?", json.id)).toBe(1);
    // A revoked invitation no longer blocks a new one to the same address.
    expect((await postInvitation(f.district.token, { studentSisId: f.student.sisId, email })).status).toBe(201);
  });

  it("refuses accepted and disputed invitations (409), and another district's (404)", async () => {
    const f = await districtWithStudent();
    const stranger = await createDistrict();
    for (const status of ["accepted", "disputed"]) {
      const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("guardian") });
      await setInvitation(json.id, { status });
      expect((await api(f.district.token, "DELETE", `/invitations/${json.id}`)).status).toBe(409);
      expect(await countRows("invitations", "id = ? AND status = ?", json.id, status)).toBe(1);
    }
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("guardian") });
    expect((await api(stranger.token, "DELETE", `/invitations/${json.id}`)).status).toBe(404);
    expect(await countRows("invitations", "id = ? AND status = 'pending'", json.id)).toBe(1);
  });

  it("revokes an expired invitation too", async () => {
    const f = await districtWithStudent();
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("guardian") });
    await setInvitation(json.id, { expires_at: Date.now() - 1 });
    const res = await api(f.district.token, "DELETE", `/invitations/${json.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as InvitationAnswer).status).toBe("revoked");
  });
});

describe("invitation domain", () => {
  it("normalises phone numbers to E.164 or refuses them", () => {
    const ok: [string, string][] = [
      ["+1 555 555 0100", "+15555550100"],
      ["(555) 555-0100", "+15555550100"],
      ["555.555.0100", "+15555550100"],
      ["1-555-555-0100", "+15555550100"],
      ["+44 20 7946 0958", "+442079460958"],
      ["+49 (30) 123456", "+4930123456"],
    ];
    for (const [raw, e164] of ok) expect(normalizePhone(raw), raw).toBe(e164);
    for (const raw of ["", "12345", "555-0100", "+1234567", "+1234567890123456", "555 555 0100 x12", "+1 155 555 0100", "0555550100", "2-555-555-0100", "++15555550100", "+1 555 555 010"]) {
      expect(normalizePhone(raw), raw).toBeNull();
    }
    expect(normalizeEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
  });

  it("insertWhere writes only when its condition holds, with column defaults filled in", async () => {
    const db = getDb(env.DB);
    const to = freshEmail("guardian");
    const row = { kind: "test", channel: "email" as const, to, text: "hello" };
    await runBatch(db, [insertWhere(db, outbox, outboxRow(row), sql`1 = 0`)]);
    expect(await countRows("outbox", "to_address = ?", to)).toBe(0);
    const { status: _status, attempts: _attempts, ...withoutDefaults } = outboxRow(row);
    await runBatch(db, [insertWhere(db, outbox, withoutDefaults, sql`EXISTS (SELECT 1 FROM districts)`)]);
    expect(await countRows("outbox", "to_address = ? AND status = 'pending' AND attempts = 0 AND subject IS NULL", to)).toBe(1);
  });

  it("derives expired from pending past its time", () => {
    const t = Date.now();
    expect(invitationStatus({ status: "pending", expiresAt: t + 1 }, t)).toBe("pending");
    expect(invitationStatus({ status: "pending", expiresAt: t }, t)).toBe("expired");
    expect(invitationStatus({ status: "accepted", expiresAt: t - 1 }, t)).toBe("accepted");
  });

  it("writes a subject with first name and last initial and no line breaks", async () => {
    const m = await buildInvitationMessage({
      channel: "email",
      link: "https://x.test/i/abc",
      expiresAt: Date.UTC(2026, 2, 4, 11, 20),
      language: null,
      district: { name: "North\r\nDistrict", invitationMessage: null, timeZone: "UTC" },
      school: { name: "Elm" },
      student: { firstName: "Ana", lastName: "Ávila" },
    });
    expect(m.subject).toBe("North District: join Family Portal for Ana Á. at Elm");
    expect(m.text).toMatch(/Wednesday, March 4, 2026 at 11:20\sAM UTC/);
    expect(m.text.startsWith("North District invites you")).toBe(true);
  });
});
