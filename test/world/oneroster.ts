// OneRoster CSV zips built in the tests: a small zip writer (stored or deflated entries), CSV text
// from rows, a 1.1 / 1.2 district export, and uploading one and waiting for its import to end.
import { call } from "./requests";
import { crc32 } from "../../src/lib/crc32";

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
}

/** A zip of these files (text is UTF-8); deflated unless `store`. */
export async function buildZip(files: Record<string, string | Uint8Array>, opts: { store?: boolean } = {}): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? enc.encode(content) : content;
    const body = opts.store ? data : await deflate(data);
    const nameBytes = enc.encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, opts.store ? 0 : 8, true);
    local.setUint32(14, crc32(data), true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(10, opts.store ? 0 : 8, true);
    cd.setUint32(16, crc32(data), true);
    cd.setUint32(20, body.length, true);
    cd.setUint32(24, data.length, true);
    cd.setUint16(28, nameBytes.length, true);
    cd.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, body);
    central.push(new Uint8Array(cd.buffer), nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const cdSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Object.keys(files).length, true);
  end.setUint16(10, Object.keys(files).length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const a of all) {
    out.set(a, p);
    p += a.length;
  }
  return out;
}

/** CSV text: a header and rows given as objects (missing columns empty), quoted where needed. */
export function csv(header: readonly string[], rows: readonly Record<string, string>[], eol = "\n"): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.join(","), ...rows.map((r) => header.map((h) => cell(r[h] ?? "")).join(","))].join(eol) + eol;
}

export const USERS_11 = ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password"] as const;
export const USERS_12 = ["sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"] as const;
export const ROLES_12 = ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"] as const;
export const ORGS = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"] as const;
export const CLASSES = ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"] as const;
export const ENROLLMENTS = ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"] as const;

export type Row = Record<string, string>;

export function manifest(version: "1.1" | "1.2", modes: Record<string, "bulk" | "delta" | "absent"> = {}): string {
  const files = ["academicSessions", "categories", "classes", "classResources", "courses", "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users", ...(version === "1.2" ? ["roles", "userProfiles"] : [])];
  const present = new Set(["classes", "enrollments", "orgs", "users", ...(version === "1.2" ? ["roles"] : [])]);
  return csv(
    ["propertyName", "value"],
    [
      { propertyName: "manifest.version", value: "1.0" },
      { propertyName: "oneroster.version", value: version },
      ...files.map((f) => ({ propertyName: `file.${f}`, value: modes[f] ?? (present.has(f) ? "bulk" : "absent") })),
      { propertyName: "source.systemName", value: "Test SIS" },
    ],
  );
}

/** A OneRoster district: users with a `role` and `orgs` (1.1 columns; a 1.2 export moves them to roles.csv). */
export interface Export {
  orgs: Row[];
  users: (Row & { role: string; orgSourcedIds: string })[];
  classes: Row[];
  enrollments: Row[];
}

/** The small district of the acceptance tests: 2 schools, 2 teachers, 3 students, 3 parents linked both ways, 2 classes. */
export function smallDistrict(): Export {
  return {
    orgs: [
      { sourcedId: "dist-1", name: "Test District", type: "district" },
      { sourcedId: "sch-a", name: "Maple Elementary", type: "school", parentSourcedId: "dist-1" },
      { sourcedId: "sch-b", name: "Oak Middle", type: "school", parentSourcedId: "dist-1" },
    ],
    users: [
      { sourcedId: "t-1", role: "teacher", orgSourcedIds: "sch-a", givenName: "Ada", familyName: "Lovelace", email: "ada@school.test", password: "hunter2-secret" },
      { sourcedId: "t-2", role: "teacher", orgSourcedIds: "sch-b", givenName: "Alan", familyName: "Turing", email: "ALAN@school.test" },
      { sourcedId: "s-1", role: "student", orgSourcedIds: "sch-a", givenName: "Mia", familyName: "Garcia", grades: "02", agentSourcedIds: "p-1", password: "kid-password-1" },
      { sourcedId: "s-2", role: "student", orgSourcedIds: "sch-a", givenName: "Leo", familyName: "Garcia", grades: "04" },
      { sourcedId: "s-3", role: "student", orgSourcedIds: "sch-b", givenName: "Zoe", familyName: "Nguyen", grades: "07" },
      // p-1 is linked from the student's side (s-1) and names s-2 itself; p-2 only from its own side.
      { sourcedId: "p-1", role: "parent", orgSourcedIds: "sch-a", givenName: "Rosa", familyName: "Garcia", email: "rosa@family.test", sms: "(555) 201-0101", agentSourcedIds: "s-2" },
      { sourcedId: "p-2", role: "guardian", orgSourcedIds: "sch-b", givenName: "Binh", familyName: "Nguyen", phone: "+1 555 201 0202", agentSourcedIds: "s-3" },
      { sourcedId: "a-1", role: "administrator", orgSourcedIds: "dist-1", givenName: "Pat", familyName: "Admin", email: "pat@school.test" },
    ],
    classes: [
      { sourcedId: "c-1", title: "Room 12", schoolSourcedId: "sch-a", classType: "homeroom" },
      { sourcedId: "c-2", title: "Science 7", schoolSourcedId: "sch-b", classType: "scheduled" },
    ],
    enrollments: [
      { sourcedId: "e-1", classSourcedId: "c-1", schoolSourcedId: "sch-a", userSourcedId: "t-1", role: "teacher", primary: "true" },
      { sourcedId: "e-2", classSourcedId: "c-1", schoolSourcedId: "sch-a", userSourcedId: "s-1", role: "student" },
      { sourcedId: "e-3", classSourcedId: "c-1", schoolSourcedId: "sch-a", userSourcedId: "s-2", role: "student" },
      { sourcedId: "e-4", classSourcedId: "c-2", schoolSourcedId: "sch-b", userSourcedId: "t-2", role: "teacher", primary: "true" },
      { sourcedId: "e-5", classSourcedId: "c-2", schoolSourcedId: "sch-b", userSourcedId: "s-3", role: "student" },
    ],
  };
}

/** The export's files in the given binding: 1.1 (role and orgs in users.csv) or 1.2 (roles.csv). */
export function exportFiles(e: Export, version: "1.1" | "1.2", opts: { eol?: string; modes?: Record<string, "bulk" | "delta" | "absent">; extraUserColumns?: string[] } = {}): Record<string, string> {
  const eol = opts.eol ?? "\n";
  const base: Record<string, string> = {
    "manifest.csv": manifest(version, opts.modes),
    "orgs.csv": csv(ORGS, e.orgs, eol),
    "classes.csv": csv(CLASSES, e.classes, eol),
    "enrollments.csv": csv(ENROLLMENTS, e.enrollments, eol),
  };
  const extra = opts.extraUserColumns ?? [];
  if (version === "1.1") return { ...base, "users.csv": csv([...USERS_11, ...extra], e.users, eol) };
  const roles = e.users.flatMap((u) =>
    u.orgSourcedIds
      .split(",")
      .map((o) => o.trim())
      .map((org, i) => ({ sourcedId: `r-${u.sourcedId}-${i}`, status: u.status ?? "", userSourcedId: u.sourcedId ?? "", roleType: i === 0 ? "primary" : "secondary", role: u.role, orgSourcedId: org })),
  );
  return { ...base, "users.csv": csv([...USERS_12, ...extra], e.users.map((u) => ({ ...u, primaryOrgSourcedId: u.orgSourcedIds.split(",")[0]!.trim() })), eol), "roles.csv": csv(ROLES_12, roles, eol) };
}

export interface ImportStatus {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  dryRun: boolean;
  version: string | null;
  progress: { rows: number; total: number };
  counts: Record<"schools" | "teachers" | "students" | "sections" | "enrollments" | "contacts" | "invitations", { created: number; updated: number; unchanged: number; removed: number }>;
  errors: { file: string; line: number | null; column: string | null; code: string; message: string }[];
  errorCount: number;
}

export function uploadZip(token: string, zip: Uint8Array, query = ""): Promise<Response> {
  return call(`/api/v1/roster/oneroster${query ? `?${query}` : ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/zip", "content-length": String(zip.length) },
    body: zip,
  });
}

/** Polls the import until it is done or failed. */
export async function waitForImport(token: string, id: string, timeoutMs = 20_000): Promise<ImportStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await call(`/api/v1/roster/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as ImportStatus;
    if (body.status === "done" || body.status === "failed") return body;
    if (Date.now() > until) throw new Error(`import ${id} still ${body.status} after ${timeoutMs} ms: ${JSON.stringify(body.progress)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Upload and wait: the finished import. */
export async function importZip(token: string, zip: Uint8Array, query = "", timeoutMs?: number): Promise<ImportStatus> {
  const res = await uploadZip(token, zip, query);
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  return waitForImport(token, id, timeoutMs);
}
