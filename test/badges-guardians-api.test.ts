import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { app } from "../src/index";
import { getDb } from "../src/db/client";
import { badgePin, badgePinHash, badgeToken, findLiveBadgeByToken, verifyBadgePin } from "../src/badges/token";
import { hashToken } from "../src/lib/random";
import { api, countRows, createDistrict, idOf, insertGuardianship, insertParent, ORIGIN, type TestDistrict } from "./world";

interface ApiErrorBody {
  error: { code: string; message: string };
}
interface Badge {
  id: string;
  studentSisId: string;
  createdAt: string;
  pinRequired: boolean;
}

const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
const secret = () => env.BADGE_SECRET!;
const db = () => getDb(env.DB);

/** A district with a school and students S1 (badges on) and S2 (badges off). */
async function district(): Promise<TestDistrict> {
  const d = await createDistrict();
  const res = await api(d.token, "POST", "/roster", {
    schools: [{ sisId: "SCH1", name: "Lincoln Elementary" }],
    students: [
      { sisId: "S1", firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: true },
      { sisId: "S2", firstName: "Sam", lastName: "Lee", schoolSisId: "SCH1" },
    ],
  });
  expect(res.status).toBe(200);
  return d;
}

const studentId = (d: TestDistrict, sisId: string) => idOf("students", d.id, sisId);

describe("badge tokens", () => {
  it("are derived from the secret and the badge id: ≥128 bits, stable, different per badge and per secret", () => {
    const t = badgeToken("secret-a", "bdg_1");
    expect(t).toMatch(/^[a-z2-7]{32}$/); // 160 bits
    expect(badgeToken("secret-a", "bdg_1")).toBe(t);
    expect(badgeToken("secret-a", "bdg_2")).not.toBe(t);
    expect(badgeToken("secret-b", "bdg_1")).not.toBe(t);
    const pin = badgePin("secret-a", "bdg_1");
    expect(pin).toMatch(/^\d{6}$/);
    expect(verifyBadgePin("secret-a", "bdg_1", pin)).toBe(true);
    expect(verifyBadgePin("secret-a", "bdg_1", pin === "000000" ? "000001" : "000000")).toBe(false);
    expect(verifyBadgePin("secret-b", "bdg_1", pin)).toBe(badgePin("secret-b", "bdg_1") === pin);
  });
});

describe("POST/DELETE /students/{sisId}/badge", () => {
  it("regenerates: a new live badge, the old token dies at once, only hashes stored, audited", async () => {
    const d = await district();
    const res = await api(d.token, "POST", "/students/S1/badge");
    expect(res.status).toBe(201);
    const first = await json<Badge>(res);
    expect(first).toEqual({ id: expect.stringMatching(/^bdg_/), studentSisId: "S1", createdAt: expect.any(String), pinRequired: false });
    expect(JSON.stringify(first)).not.toContain(badgeToken(secret(), first.id));

    const token1 = badgeToken(secret(), first.id);
    expect(await countRows("badges", "id = ? AND token_hash = ? AND pin_hash IS NULL AND voided_at IS NULL", first.id, hashToken(token1))).toBe(1);
    expect(await countRows("badges", "token_hash = ? OR pin_hash = ?", token1, token1)).toBe(0);

    const live = await findLiveBadgeByToken(db(), token1);
    expect(live).toMatchObject({ badge: { id: first.id, districtId: d.id }, student: { sisId: "S1", firstName: "Maya" }, pinRequired: false });
    expect(await findLiveBadgeByToken(db(), token1.toUpperCase())).not.toBeNull();
    expect(await findLiveBadgeByToken(db(), "not a token")).toBeNull();

    const again = await json<Badge>(await api(d.token, "POST", "/students/S1/badge"));
    expect(again.id).not.toBe(first.id);
    expect(await findLiveBadgeByToken(db(), token1)).toBeNull();
    expect((await findLiveBadgeByToken(db(), badgeToken(secret(), again.id)))?.badge.id).toBe(again.id);
    expect(await countRows("badges", "student_id = ? AND voided_at IS NULL", await studentId(d, "S1"))).toBe(1);
    expect(await countRows("audit_log", "district_id = ? AND action = 'badge.regenerate'", d.id)).toBe(2);

    expect(await json(await api(d.token, "GET", "/students/S1/badge"))).toMatchObject({ id: again.id, studentSisId: "S1" });
  });

  it("voids: the badge is no longer found; a second void is 404", async () => {
    const d = await district();
    const badge = await json<Badge>(await api(d.token, "POST", "/students/S1/badge"));
    const del = await api(d.token, "DELETE", "/students/S1/badge");
    expect(del.status).toBe(204);
    expect(await findLiveBadgeByToken(db(), badgeToken(secret(), badge.id))).toBeNull();
    expect(await countRows("badges", "id = ? AND voided_at IS NOT NULL", badge.id)).toBe(1);
    expect(await countRows("audit_log", "district_id = ? AND action = 'badge.void' AND target_id = ?", d.id, badge.id)).toBe(1);

    const again = await api(d.token, "DELETE", "/students/S1/badge");
    expect(again.status).toBe(404);
    expect((await api(d.token, "GET", "/students/S1/badge")).status).toBe(404);
  });

  it("refuses with 409 when the student's badges are off, and a badge stops working while they are off", async () => {
    const d = await district();
    const refused = await api(d.token, "POST", "/students/S2/badge");
    expect(refused.status).toBe(409);
    expect((await json<ApiErrorBody>(refused)).error.code).toBe("conflict");
    expect(await countRows("badges", "district_id = ?", d.id)).toBe(0);

    const badge = await json<Badge>(await api(d.token, "POST", "/students/S1/badge"));
    const token = badgeToken(secret(), badge.id);
    const off = await api(d.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: false });
    expect(off.status).toBe(200);
    expect(await findLiveBadgeByToken(db(), token)).toBeNull();
    expect((await api(d.token, "POST", "/students/S1/badge")).status).toBe(409);
    // Turning badges back on revives the same badge (it was never voided): the family's saved image works again.
    await api(d.token, "PUT", "/students/S1", { firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", badgesEnabled: true });
    expect((await findLiveBadgeByToken(db(), token))?.badge.id).toBe(badge.id);
  });

  it("derives a PIN when the district asks for one, storing only a keyed hash", async () => {
    const d = await district();
    expect((await api(d.token, "PUT", "/settings", { badgePin: true })).status).toBe(200);
    const badge = await json<Badge>(await api(d.token, "POST", "/students/S1/badge"));
    expect(badge.pinRequired).toBe(true);
    const pin = badgePin(secret(), badge.id);
    expect(await countRows("badges", "id = ? AND pin_hash = ?", badge.id, badgePinHash(secret(), badge.id))).toBe(1);
    expect(await countRows("badges", "id = ? AND (pin_hash = ? OR pin_hash = ?)", badge.id, pin, hashToken(pin))).toBe(0);
    const live = await findLiveBadgeByToken(db(), badgeToken(secret(), badge.id));
    expect(live?.pinRequired).toBe(true);
    expect(verifyBadgePin(secret(), badge.id, pin)).toBe(true);
  });

  it("answers 503 for regenerate when BADGE_SECRET is unset, but still lets a badge be voided", async () => {
    const d = await district();
    expect((await api(d.token, "POST", "/students/S1/badge")).status).toBe(201);
    const noSecret = { ...env, BADGE_SECRET: undefined };
    const req = (method: string) => app.request(`${ORIGIN}/api/v1/students/S1/badge`, { method, headers: { authorization: `Bearer ${d.token}` } }, noSecret);
    const res = await req("POST");
    expect(res.status).toBe(503);
    expect((await json<ApiErrorBody>(res)).error.message).toMatch(/BADGE_SECRET/);
    expect(await countRows("badges", "district_id = ?", d.id)).toBe(1);
    expect((await req("DELETE")).status).toBe(204);
  });

  it("404 for another district's student, 404 for unknown students, 401 without a valid token", async () => {
    const a = await district();
    const b = await createDistrict();
    expect((await api(a.token, "POST", "/students/S1/badge")).status).toBe(201);
    for (const method of ["POST", "DELETE", "GET"]) {
      expect((await api(b.token, method, "/students/S1/badge")).status, method).toBe(404);
      expect((await api(a.token, method, "/students/NOPE/badge")).status, method).toBe(404);
      for (const token of [null, "fpd_wrong"]) expect((await api(token, method, "/students/S1/badge")).status).toBe(401);
    }
    expect(await countRows("badges", "district_id = ? AND voided_at IS NULL", a.id)).toBe(1);
    expect(await countRows("badges", "district_id = ?", b.id)).toBe(0);
  });
});

describe("GET/DELETE /students/{sisId}/guardians", () => {
  /** Guardianships are created by accepted invitations (later); here they are inserted directly. */
  async function connect(d: TestDistrict, sisId: string, email: string, relationship: string | null, at: number) {
    const parent = await insertParent({ email, name: `Parent ${email}`, at });
    return insertGuardianship(d.id, parent.id, await studentId(d, sisId), { relationship, at });
  }

  it("lists a student's connected guardians (audited) and disconnects one (audited)", async () => {
    const d = await district();
    const tag = crypto.randomUUID().slice(0, 8);
    const g1 = await connect(d, "S1", `mum-${tag}@home.test`, "mother", 1_700_000_000_000);
    const g2 = await connect(d, "S1", `dad-${tag}@home.test`, null, 1_700_000_100_000);
    await connect(d, "S2", `other-${tag}@home.test`, "aunt", 1_700_000_000_000);

    const res = await api(d.token, "GET", "/students/S1/guardians");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      data: [
        { id: g1, name: `Parent mum-${tag}@home.test`, email: `mum-${tag}@home.test`, relationship: "mother", connectedAt: "2023-11-14T22:13:20.000Z" },
        { id: g2, name: `Parent dad-${tag}@home.test`, email: `dad-${tag}@home.test`, relationship: null, connectedAt: "2023-11-14T22:15:00.000Z" },
      ],
      nextCursor: null,
    });
    const sid = await studentId(d, "S1");
    expect(await countRows("audit_log", "district_id = ? AND action = 'guardianships.read' AND student_id = ?", d.id, sid)).toBe(1);

    // The id must belong to this student: S2's path cannot remove S1's guardian.
    expect((await api(d.token, "DELETE", `/students/S2/guardians/${g1}`)).status).toBe(404);
    const del = await api(d.token, "DELETE", `/students/S1/guardians/${g1}`);
    expect(del.status).toBe(204);
    expect(await countRows("guardianships", "id = ?", g1)).toBe(0);
    expect(await countRows("audit_log", "district_id = ? AND action = 'guardianship.disconnect' AND target_id = ?", d.id, g1)).toBe(1);
    expect((await api(d.token, "DELETE", `/students/S1/guardians/${g1}`)).status).toBe(404);
    expect((await json<{ data: { id: string }[] }>(await api(d.token, "GET", "/students/S1/guardians"))).data.map((g) => g.id)).toEqual([g2]);
  });

  it("404 for another district's student or guardianship, and their data never shows; 401 without a valid token", async () => {
    const a = await district();
    const b = await district(); // same sisIds, different district
    const ga = await connect(a, "S1", `a-${crypto.randomUUID()}@home.test`, "mother", Date.now());

    const list = await json<{ data: unknown[] }>(await api(b.token, "GET", "/students/S1/guardians"));
    expect(list.data).toEqual([]);
    expect((await api(b.token, "GET", "/students/NOPE/guardians")).status).toBe(404);
    expect((await api(b.token, "DELETE", `/students/S1/guardians/${ga}`)).status).toBe(404);
    expect((await api(b.token, "DELETE", `/students/NOPE/guardians/${ga}`)).status).toBe(404);
    for (const token of [null, "fpd_wrong"]) {
      expect((await api(token, "GET", "/students/S1/guardians")).status).toBe(401);
      expect((await api(token, "DELETE", `/students/S1/guardians/${ga}`)).status).toBe(401);
    }
    expect(await countRows("guardianships", "id = ?", ga)).toBe(1);
    expect(await countRows("audit_log", "district_id = ? AND action = 'guardianship.disconnect'", b.id)).toBe(0);
  });
});
