import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import {
  ADMIN_TOKEN,
  api,
  browserAs,
  buildZip,
  call,
  countRows,
  createDistrict,
  csv,
  ENROLLMENTS,
  exportFiles,
  idOf,
  importZip,
  manifest,
  pageText,
  smallDistrict,
  uploadZip,
  USERS_11,
  waitForImport,
} from "./world";

const json = async <T>(res: Response) => (await res.json()) as T;
const zero = { created: 0, updated: 0, unchanged: 0, removed: 0 };

/** What the outbox holds for one address of this district. */
async function outboxTo(districtId: string, address: string) {
  const { results } = await env.DB.prepare("SELECT body_text FROM outbox WHERE district_id = ? AND to_address = ? ORDER BY created_at, rowid").bind(districtId, address).all<{ body_text: string }>();
  return results.map((r) => r.body_text);
}

/** Every table a real import writes, counted. */
async function written() {
  const tables = ["schools", "teachers", "students", "sections", "section_teachers", "enrollments", "guardian_contacts", "invitations", "outbox", "audit_log"];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(t)] as const)));
}

describe("OneRoster files as SIS exports write them", () => {
  it("reads BOM + CRLF, quoted lists with stray spaces, Excel-style dates, reordered and metadata columns, files in one folder", async () => {
    const d = await createDistrict();
    const e = smallDistrict();
    e.users = e.users.map((u) => ({ ...u, dateLastModified: "3/14/2024 9:26", status: "active" }));
    // Rosa lists both children, in quotes with spaces; Mia names no agents.
    e.users = e.users.map((u) => (u.sourcedId === "p-1" ? { ...u, agentSourcedIds: " s-1 ,  s-2 " } : u.sourcedId === "s-1" ? { ...u, agentSourcedIds: "" } : u));
    const header = ["metadata.ext.nickname", ...[...USERS_11].reverse()];
    const files = exportFiles(e, "1.1", { eol: "\r\n" });
    files["users.csv"] = csv(header, e.users.map((u) => ({ ...u, "metadata.ext.nickname": 'the "boss", really' })), "\r\n");
    const withBom = Object.fromEntries(Object.entries(files).map(([name, text]) => [`Export 2024-03-14/${name}`, `\uFEFF${text}`]));
    const done = await importZip(d.token, await buildZip(withBom));
    expect(done).toMatchObject({ status: "done", errors: [] });
    expect(done.counts.students).toEqual({ ...zero, created: 3 });
    expect(done.counts.contacts).toEqual({ ...zero, created: 5 });
    expect(await json(await api(d.token, "GET", "/students/s-1"))).toMatchObject({ firstName: "Mia", grade: "02" });
    expect(await json(await api(d.token, "GET", "/schools/sch-a"))).toMatchObject({ name: "Maple Elementary" });
  });

  it("reports an orphan enrollment and a bad email with file and line, and imports the rest", async () => {
    const d = await createDistrict();
    const e = smallDistrict();
    e.users.push({ sourcedId: "p-9", role: "parent", orgSourcedIds: "sch-a", givenName: "Bad", familyName: "Email", email: "not-an-email", agentSourcedIds: "s-1" });
    e.users.push({ sourcedId: "s-9", role: "student", orgSourcedIds: "dist-1", givenName: "No", familyName: "School" });
    e.enrollments.push({ sourcedId: "e-9", classSourcedId: "c-1", userSourcedId: "ghost", role: "student" });
    const done = await importZip(d.token, await buildZip(exportFiles(e, "1.1")));
    expect(done.status).toBe("done");
    // users.csv: header on line 1, smallDistrict's 8 users on lines 2-9, p-9 on 10, s-9 on 11; enrollments: e-9 on line 7.
    expect(done.errors).toEqual(
      expect.arrayContaining([
        { file: "users.csv", line: 10, column: "email", code: "invalid_email", message: expect.stringContaining("not-an-email") },
        { file: "users.csv", line: 11, column: "orgSourcedIds", code: "no_school", message: expect.stringContaining("s-9") },
        { file: "enrollments.csv", line: 7, column: "userSourcedId", code: "unknown_user", message: expect.stringContaining("ghost") },
      ]),
    );
    expect(done.errorCount).toBe(3);
    expect(done.counts.students).toEqual({ ...zero, created: 3 });
    expect(done.counts.enrollments).toEqual({ ...zero, created: 5 });
    expect((await api(d.token, "GET", "/students/s-9")).status).toBe(404);
  });

  it("a file that is not a zip, or has no manifest.csv or users.csv, ends failed with one error saying so", async () => {
    const d = await createDistrict();
    const notZip = await importZip(d.token, new TextEncoder().encode("sourcedId,name\n1,hello\n"));
    expect(notZip).toMatchObject({ status: "failed", errorCount: 1, errors: [{ code: "not_a_zip" }] });
    const files = exportFiles(smallDistrict(), "1.1");
    const { ["manifest.csv"]: _m, ...noManifest } = files;
    expect(await importZip(d.token, await buildZip(noManifest))).toMatchObject({ status: "failed", errors: [{ file: "manifest.csv", code: "missing_file" }] });
    const { ["users.csv"]: _u, ...noUsers } = files;
    expect(await importZip(d.token, await buildZip(noUsers))).toMatchObject({ status: "failed", errors: [{ file: "users.csv", code: "missing_file" }] });
    expect(await countRows("students", "district_id = ?", d.id)).toBe(0);
    // A failed upload stays in R2 (for 7 days, see retention) so the district can look into it.
    expect((await env.ROSTER_UPLOADS.list({ prefix: `oneroster/${d.id}/` })).objects.length).toBe(3);
  });

  it("a damaged entry (bad deflate data) ends failed naming the file, not in an endless retry", async () => {
    const d = await createDistrict();
    const files = exportFiles(smallDistrict(), "1.1");
    const garbage = new Uint8Array(4000).map((_, i) => (i * 7919 + 13) % 256);
    const zip = await buildZip({ "manifest.csv": files["manifest.csv"]!, "users.csv": garbage }, { store: true });
    // Mark users.csv (the second entry) as deflated, in its local header and in the central directory.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const second = 30 + "manifest.csv".length + files["manifest.csv"]!.length;
    view.setUint16(second + 8, 8, true);
    const central = view.getUint32(zip.length - 22 + 16, true);
    const secondCentral = central + 46 + "manifest.csv".length;
    view.setUint16(secondCentral + 10, 8, true);
    const done = await importZip(d.token, zip);
    expect(done).toMatchObject({ status: "failed", errorCount: 1, errors: [{ file: "users.csv", code: "unreadable_file" }] });
  });

  it("takes a zip larger than the API's 8 MiB JSON limit (it streams to R2)", async () => {
    const d = await createDistrict();
    const files = { ...exportFiles(smallDistrict(), "1.1"), "courses.csv": `sourcedId,title\n${"c,Course with a long title\n".repeat(400_000)}` };
    const zip = await buildZip(files, { store: true });
    expect(zip.length).toBeGreaterThan(9 * 1024 * 1024);
    const done = await importZip(d.token, zip);
    expect(done).toMatchObject({ status: "done", errors: [] });
    expect(done.counts.students.created).toBe(3);
  });

  it("refuses what is not an upload with 4xx, never 5xx", async () => {
    const d = await createDistrict();
    const send = (headers: Record<string, string>, body?: BodyInit, query = "") =>
      call(`/api/v1/roster/oneroster${query}`, { method: "POST", headers: { authorization: `Bearer ${d.token}`, ...headers }, body });
    expect((await send({ "content-type": "application/json" }, "{}")).status).toBe(415);
    expect((await send({ "content-type": "application/zip", "content-length": "0" }, new Uint8Array())).status).toBe(422);
    expect((await send({ "content-type": "application/zip", "content-length": String(200 * 1024 * 1024) }, "x")).status).toBe(413);
    expect((await send({ "content-type": "application/zip", "content-length": "3" }, "abc", "?dryRun=maybe")).status).toBe(422);
    expect((await uploadZip("wrong-token", new Uint8Array([1, 2, 3]))).status).toBe(401);
    expect((await api(d.token, "GET", "/roster/imports/imp_nope")).status).toBe(404);
    expect((await api(d.token, "GET", "/students/nobody/contacts")).status).toBe(404);
  });
});

describe("dry run, delta, invitations", () => {
  it("a dry run reports exactly what the real run then does, and writes nothing but its own record", async () => {
    const d = await createDistrict();
    const zip = await buildZip(exportFiles(smallDistrict(), "1.1"));
    const before = await written();
    const dry = await importZip(d.token, zip, "dryRun=true&invite=true");
    expect(dry).toMatchObject({ status: "done", dryRun: true });
    expect(await written()).toEqual(before);
    expect(await countRows("roster_imports", "district_id = ?", d.id)).toBe(1);
    const real = await importZip(d.token, zip, "invite=true");
    expect(real.counts).toEqual(dry.counts);
    expect(real.counts.invitations).toEqual({ ...zero, created: 5 });
  });

  it("invite=true sends one invitation per new contact, and none when the same zip comes again", async () => {
    const d = await createDistrict();
    const zip = await buildZip(exportFiles(smallDistrict(), "1.1"));
    const first = await importZip(d.token, zip, "invite=true");
    expect(first.counts.invitations).toEqual({ ...zero, created: 5 });
    expect(await countRows("invitations", "district_id = ?", d.id)).toBe(5);
    expect((await outboxTo(d.id, "rosa@family.test")).length).toBe(2); // Mia and Leo
    expect((await outboxTo(d.id, "+15552010202")).length).toBe(1);
    const contacts = await json<{ data: { invitation: { status: string } | null }[] }>(await api(d.token, "GET", "/students/s-3/contacts"));
    expect(contacts.data.map((c) => c.invitation?.status)).toEqual(["pending"]);
    const again = await importZip(d.token, zip, "invite=true");
    expect(again.counts.invitations).toEqual({ ...zero, unchanged: 5 });
    expect(again.counts.contacts).toEqual({ ...zero, unchanged: 5 });
    expect(await countRows("invitations", "district_id = ?", d.id)).toBe(5);
    expect((await outboxTo(d.id, "rosa@family.test")).length).toBe(2);
  });

  it("invitations go out in the family's language from an ext_*language* column", async () => {
    const d = await createDistrict();
    const e = smallDistrict();
    e.users = e.users.map((u) => (u.sourcedId === "p-2" ? { ...u, "metadata.ext_home_language": "es" } : u.sourcedId === "s-1" ? { ...u, "metadata.ext_home_language": "vi" } : u));
    await importZip(d.token, await buildZip(exportFiles(e, "1.1", { extraUserColumns: ["metadata.ext_home_language"] })), "invite=true");
    const [spanish] = await outboxTo(d.id, "+15552010202");
    expect(spanish).toContain("únase a Family Portal para Zoe");
    const [english] = await outboxTo(d.id, "+15552010101");
    expect(english).not.toContain("únase");
    const contacts = await json<{ data: { language: string | null }[] }>(await api(d.token, "GET", "/students/s-3/contacts"));
    expect(contacts.data[0]?.language).toBe("es");
    // Rosa's row gives none: Mia's row gives her home language; Leo's gives none.
    const mia = await json<{ data: { language: string | null }[] }>(await api(d.token, "GET", "/students/s-1/contacts"));
    expect(mia.data.map((c) => c.language)).toEqual(["vi", "vi"]);
    const leo = await json<{ data: { language: string | null }[] }>(await api(d.token, "GET", "/students/s-2/contacts"));
    expect(leo.data.map((c) => c.language)).toEqual([null, null]);
  });

  it("a delta file with status=tobedeleted removes a contact (and its pending invitation), and only that", async () => {
    const d = await createDistrict();
    await importZip(d.token, await buildZip(exportFiles(smallDistrict(), "1.1")), "invite=true");
    const delta = {
      "manifest.csv": manifest("1.1", { users: "delta", orgs: "absent", classes: "absent", enrollments: "delta" }),
      "users.csv": csv(USERS_11, [{ sourcedId: "p-2", status: "tobedeleted", dateLastModified: "2024-05-01T10:00:00Z", role: "guardian" }]),
      "enrollments.csv": csv(ENROLLMENTS, [{ sourcedId: "e-3", status: "tobedeleted", classSourcedId: "c-1", userSourcedId: "s-2", role: "student" }]),
    };
    const done = await importZip(d.token, await buildZip(delta));
    expect(done).toMatchObject({ status: "done", errors: [] });
    expect(done.counts.contacts).toEqual({ ...zero, removed: 1 });
    expect(done.counts.invitations).toEqual({ ...zero, removed: 1 });
    expect(done.counts.enrollments).toEqual({ ...zero, removed: 1 });
    expect((await json<{ data: unknown[] }>(await api(d.token, "GET", "/students/s-3/contacts"))).data).toEqual([]);
    expect((await json<{ data: unknown[] }>(await api(d.token, "GET", "/students/s-1/contacts"))).data.length).toBe(2);
    expect(await json(await api(d.token, "GET", "/sections/c-1"))).toMatchObject({ studentSisIds: ["s-1"] });
    expect(await countRows("students", "district_id = ?", d.id)).toBe(3);
  });

  it("a bulk import leaves what it does not mention, unless removeMissing=true", async () => {
    const d = await createDistrict();
    await importZip(d.token, await buildZip(exportFiles(smallDistrict(), "1.1")));
    const e = smallDistrict();
    e.users = e.users.filter((u) => u.sourcedId !== "s-3" && u.sourcedId !== "p-2");
    e.enrollments = e.enrollments.filter((x) => x.userSourcedId !== "s-3");
    const zip = await buildZip(exportFiles(e, "1.1"));
    const kept = await importZip(d.token, zip);
    expect(kept.counts.students).toEqual({ ...zero, unchanged: 2 });
    expect(await countRows("students", "district_id = ?", d.id)).toBe(3);
    const removed = await importZip(d.token, zip, "removeMissing=true");
    expect(removed.counts.students).toEqual({ ...zero, unchanged: 2, removed: 1 });
    expect(removed.counts.contacts).toEqual({ ...zero, unchanged: 4, removed: 1 });
    expect(removed.counts.enrollments).toEqual({ ...zero, unchanged: 4, removed: 1 });
    expect((await api(d.token, "GET", "/students/s-3")).status).toBe(404);
  });

  it("the teacher's class page shows imported contacts as it shows invited ones", async () => {
    const d = await createDistrict();
    await importZip(d.token, await buildZip(exportFiles(smallDistrict(), "1.1")));
    const teacher = await browserAs("teacher", await idOf("teachers", d.id, "t-1"));
    const page = await pageText(await teacher.get(`/teacher/sections/${await idOf("sections", d.id, "c-1")}`));
    expect(page).toContain("Rosa Garcia");
    expect(page).toContain("rosa@family.test");
  });
});

void waitForImport;

describe("stewardship of uploads", () => {
  it("a failed upload is deleted from R2 after 7 days by the daily maintenance; a processed one at once", async () => {
    const { runMaintenance } = await import("../src/stewardship/maintenance");
    const d = await createDistrict();
    const failed = await importZip(d.token, new TextEncoder().encode("not a zip at all"));
    expect(failed.status).toBe("failed");
    const key = `oneroster/${d.id}/${failed.id}.zip`;
    expect(await env.ROSTER_UPLOADS.head(key)).not.toBeNull();
    expect((await runMaintenance(env, Date.now() + 6 * 86_400_000)).rosterUploadsDeleted).toBe(0);
    expect(await env.ROSTER_UPLOADS.head(key)).not.toBeNull();
    // (This file's earlier failed uploads are as old, so they go too.)
    expect((await runMaintenance(env, Date.now() + 7 * 86_400_000 + 60_000)).rosterUploadsDeleted).toBeGreaterThanOrEqual(1);
    expect(await env.ROSTER_UPLOADS.head(key)).toBeNull();
    expect(await json(await api(d.token, "GET", `/roster/imports/${failed.id}`))).toMatchObject({ status: "failed", errors: [{ code: "not_a_zip" }] });
  });

  it("deleting a district deletes its uploads and import records", async () => {
    const d = await createDistrict();
    const failed = await importZip(d.token, new TextEncoder().encode("still not a zip"));
    expect(await env.ROSTER_UPLOADS.head(`oneroster/${d.id}/${failed.id}.zip`)).not.toBeNull();
    const res = await api(ADMIN_TOKEN, "DELETE", `/admin/districts/${d.id}`);
    expect(res.status).toBe(200);
    expect((await env.ROSTER_UPLOADS.list({ prefix: `oneroster/${d.id}/` })).objects).toEqual([]);
    expect(await countRows("roster_imports", "district_id = ?", d.id)).toBe(0);
  });
});
