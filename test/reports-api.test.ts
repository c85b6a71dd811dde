import { beforeEach, describe, expect, it } from "vitest";
import { api, createDistrict, districtWithStudent, freshEmail, insertStudent, postInvitation, setInvitation, stubMailApis } from "./world";

interface Report {
  disputes: { invitationId: string; student: { sisId: string; firstName: string; lastName: string }; channel: string; address: string; disputedAt: string }[];
  renewals: { invitationId: string; renewedFromId: string; status: string; student: { sisId: string }; channel: string; address: string; createdAt: string }[];
  nextDisputesCursor: string | null;
  nextRenewalsCursor: string | null;
}

const email = () => freshEmail("report");

beforeEach(() => stubMailApis());

/** A district with three disputed invitations and two renewals (written as the parent pages will). */
async function seedReports() {
  const f = await districtWithStudent({ student: { firstName: "Nora", lastName: "Diaz" } });
  const sibling = await insertStudent(f.district.id, f.school.id, { firstName: "Eli", lastName: "Diaz" });
  const base = Date.now() - 10_000;
  const disputed: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { json } = await postInvitation(f.district.token, { studentSisId: i === 2 ? sibling.sisId : f.student.sisId, email: email() });
    await setInvitation(json.id, { status: "disputed", disputed_at: base + i * 1000 });
    disputed.push(json.id);
  }
  const renewals: { id: string; from: string }[] = [];
  for (let i = 0; i < 2; i++) {
    const address = email();
    const old = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: address });
    await setInvitation(old.json.id, { expires_at: base });
    const fresh = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: address });
    await setInvitation(fresh.json.id, { renewed_from_id: old.json.id, created_at: base + i * 1000 });
    renewals.push({ id: fresh.json.id, from: old.json.id });
  }
  // Noise that is neither: a plain pending and a revoked invitation.
  await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: email() });
  const revoked = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: email() });
  await setInvitation(revoked.json.id, { status: "revoked", revoked_at: base });
  return { f, sibling, disputed, renewals };
}

describe("GET /reports", () => {
  it("lists disputes and renewals newest first, with student and address", async () => {
    const { f, sibling, disputed, renewals } = await seedReports();
    const res = await api(f.district.token, "GET", "/reports");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Report;
    expect(body.disputes.map((d) => d.invitationId)).toEqual([...disputed].reverse());
    expect(body.disputes[0]).toMatchObject({ student: { sisId: sibling.sisId, firstName: "Eli", lastName: "Diaz" }, channel: "email" });
    expect(body.disputes[0]?.address).toMatch(/@example\.com$/);
    expect(Date.parse(body.disputes[0]?.disputedAt ?? "")).toBeGreaterThan(Date.parse(body.disputes[1]?.disputedAt ?? ""));
    expect(body.renewals.map((r) => [r.invitationId, r.renewedFromId])).toEqual([...renewals].reverse().map((r) => [r.id, r.from]));
    expect(body.renewals[0]).toMatchObject({ status: "pending", student: { sisId: f.student.sisId } });
    expect(body.nextDisputesCursor).toBeNull();
    expect(body.nextRenewalsCursor).toBeNull();
  });

  it("pages each list on its own cursor", async () => {
    const { f, disputed, renewals } = await seedReports();
    const first = (await (await api(f.district.token, "GET", "/reports?limit=2")).json()) as Report;
    expect(first.disputes.map((d) => d.invitationId)).toEqual([disputed[2], disputed[1]]);
    expect(first.renewals).toHaveLength(2);
    expect(first.nextDisputesCursor).not.toBeNull();
    expect(first.nextRenewalsCursor).toBeNull();
    const second = (await (await api(f.district.token, "GET", `/reports?limit=2&disputesCursor=${encodeURIComponent(first.nextDisputesCursor ?? "")}`)).json()) as Report;
    expect(second.disputes.map((d) => d.invitationId)).toEqual([disputed[0]]);
    expect(second.nextDisputesCursor).toBeNull();
    expect(second.renewals.map((r) => r.invitationId)).toEqual([...renewals].reverse().map((r) => r.id));
  });

  it("shows another district nothing, needs a token, and rejects bad queries", async () => {
    await seedReports();
    const stranger = await createDistrict();
    const res = await api(stranger.token, "GET", "/reports");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ disputes: [], renewals: [], nextDisputesCursor: null, nextRenewalsCursor: null, languages: [] });
    expect((await api(null, "GET", "/reports")).status).toBe(401);
    expect((await api("fpd_nope", "GET", "/reports")).status).toBe(401);
    for (const q of ["limit=0", "limit=500", "limit=x", "disputesCursor=zzz", "renewalsCursor=%7B", "other=1"]) {
      expect((await api(stranger.token, "GET", `/reports?${q}`)).status, q).toBe(422);
    }
  });
});
