import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api, buildZip, countRows, createDistrict, exportFiles, importZip, mailTo, smallDistrict, uploadZip, waitForImport, type ImportStatus } from "./world";

const json = async <T>(res: Response) => (await res.json()) as T;
const zero = { created: 0, updated: 0, unchanged: 0, removed: 0 };

/** What the small district's first import creates, in either binding. */
const FIRST_COUNTS = {
  schools: { ...zero, created: 2 },
  teachers: { ...zero, created: 2 },
  students: { ...zero, created: 3 },
  sections: { ...zero, created: 2 },
  enrollments: { ...zero, created: 5 },
  // Rosa: email + text for Mia (linked from Mia's side) and Leo (from hers); Binh: a text for Zoe.
  contacts: { ...zero, created: 5 },
  invitations: zero,
};

async function contactsOf(token: string, sisId: string) {
  return (await json<{ data: { channel: string; address: string; name: string; relationship: string; sourceId: string; invitation: { status: string } | null }[] }>(await api(token, "GET", `/students/${sisId}/contacts`))).data;
}

async function expectSmallDistrictStored(token: string) {
  expect(await json(await api(token, "GET", "/schools/sch-a"))).toMatchObject({ name: "Maple Elementary" });
  expect((await api(token, "GET", "/schools/dist-1")).status).toBe(404);
  expect(await json(await api(token, "GET", "/teachers/t-2"))).toMatchObject({ name: "Alan Turing", email: "alan@school.test" });
  expect(await json(await api(token, "GET", "/students/s-1"))).toMatchObject({ firstName: "Mia", lastName: "Garcia", grade: "02", schoolSisId: "sch-a" });
  expect((await api(token, "GET", "/teachers/a-1")).status).toBe(404);
  expect(await json(await api(token, "GET", "/sections/c-1"))).toMatchObject({ name: "Room 12", teacherSisIds: ["t-1"], studentSisIds: ["s-1", "s-2"] });
  const mia = await contactsOf(token, "s-1");
  expect(mia.map((c) => [c.channel, c.address, c.name, c.relationship, c.sourceId]).sort()).toEqual([
    ["email", "rosa@family.test", "Rosa Garcia", "parent", "p-1"],
    ["sms", "+15552010101", "Rosa Garcia", "parent", "p-1"],
  ]);
  expect((await contactsOf(token, "s-2")).map((c) => c.address).sort()).toEqual(["+15552010101", "rosa@family.test"]);
  expect((await contactsOf(token, "s-3")).map((c) => [c.channel, c.address, c.relationship])).toEqual([["sms", "+15552010202", "guardian"]]);
}

describe("OneRoster import: a 1.1 district", () => {
  it("answers 202 at once, then the background import creates schools, teachers, students, sections, memberships and contacts", async () => {
    const d = await createDistrict();
    const zip = await buildZip(exportFiles(smallDistrict(), "1.1"));
    const res = await uploadZip(d.token, zip);
    expect(res.status).toBe(202);
    const queued = await json<{ id: string; status: string }>(res);
    expect(queued.status).toBe("queued");
    const done = await waitForImport(d.token, queued.id);
    expect(done).toMatchObject({ status: "done", dryRun: false, version: "1.1", errors: [], errorCount: 0 });
    expect(done.counts).toEqual(FIRST_COUNTS);
    expect(done.progress.rows).toBe(done.progress.total);
    await expectSmallDistrictStored(d.token);
    // Passwords are never stored anywhere.
    const leaked = await env.DB.prepare("SELECT count(*) AS n FROM (SELECT detail AS v FROM audit_log UNION ALL SELECT counts FROM roster_imports UNION ALL SELECT errors FROM roster_imports) WHERE v LIKE '%hunter2%' OR v LIKE '%kid-password%'").first<{ n: number }>();
    expect(leaked?.n).toBe(0);
    // The upload is deleted from R2 once processed, and the import is in the audit trail.
    expect((await env.ROSTER_UPLOADS.list({ prefix: `oneroster/${d.id}/` })).objects).toEqual([]);
    const audit = await json<{ data: { action: string; targetId: string | null }[] }>(await api(d.token, "GET", "/audit"));
    expect(audit.data.filter((a) => a.action === "roster.import").map((a) => a.targetId)).toEqual([queued.id]);
    // And it is listed.
    const list = await json<{ data: { id: string; status: string }[] }>(await api(d.token, "GET", "/roster/imports"));
    expect(list.data.map((i) => [i.id, i.status])).toEqual([[queued.id, "done"]]);
  });

  it("importing the same zip again reports everything unchanged and writes nothing new", async () => {
    const d = await createDistrict();
    const zip = await buildZip(exportFiles(smallDistrict(), "1.1"));
    await importZip(d.token, zip);
    const before = await countRows("guardian_contacts");
    const again = await importZip(d.token, zip);
    expect(again.status).toBe("done");
    expect(again.counts).toEqual({
      schools: { ...zero, unchanged: 2 },
      teachers: { ...zero, unchanged: 2 },
      students: { ...zero, unchanged: 3 },
      sections: { ...zero, unchanged: 2 },
      enrollments: { ...zero, unchanged: 5 },
      contacts: { ...zero, unchanged: 5 },
      invitations: zero,
    });
    expect(await countRows("guardian_contacts")).toBe(before);
  });

  it("another district's token cannot read the import", async () => {
    const d = await createDistrict();
    const other = await createDistrict();
    const res = await uploadZip(d.token, await buildZip(exportFiles(smallDistrict(), "1.1")));
    const { id } = await json<{ id: string }>(res);
    expect((await api(other.token, "GET", `/roster/imports/${id}`)).status).toBe(404);
    expect((await api(null, "GET", `/roster/imports/${id}`)).status).toBe(401);
    await waitForImport(d.token, id);
  });
});

describe("OneRoster import: a 1.2 district", () => {
  it("takes role and school from roles.csv (primary role) and imports the same district", async () => {
    const d = await createDistrict();
    const done = await importZip(d.token, await buildZip(exportFiles(smallDistrict(), "1.2")));
    expect(done).toMatchObject({ status: "done", version: "1.2", errors: [] });
    expect(done.counts).toEqual(FIRST_COUNTS);
    await expectSmallDistrictStored(d.token);
  });

  it("reports a user with no row in roles.csv, and imports the others", async () => {
    const d = await createDistrict();
    const files = exportFiles(smallDistrict(), "1.2");
    files["roles.csv"] = files["roles.csv"]!.split("\n").filter((l) => !l.includes(",s-3,")).join("\n");
    const done = await importZip(d.token, await buildZip(files));
    // And what depended on Zoe: her guardian's contact and her enrollment.
    expect(done.errors).toEqual([
      { file: "users.csv", line: 6, column: null, code: "no_role", message: expect.stringContaining("s-3") },
      { file: "users.csv", line: 8, column: "agentSourcedIds", code: "no_student", message: expect.stringContaining("p-2") },
      { file: "enrollments.csv", line: 6, column: "userSourcedId", code: "unknown_user", message: expect.stringContaining("s-3") },
    ]);
    expect(done.counts.students).toEqual({ ...zero, created: 2 });
  });
});

export type { ImportStatus };
