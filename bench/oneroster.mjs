// OneRoster import throughput: a district zip (BENCH_OR_STUDENTS students, default 20,000, and 1.5
// parents each) uploaded to POST /roster/oneroster through scripts/oneroster-upload.mjs, timed to
// the end of the background import.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { crc32, deflateRawSync } from "node:zlib";

const run = promisify(execFile);

/** A zip of these text files (deflated), as an SIS export would be. */
export function zipOf(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const body = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc32(data), 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, body);
    central.push(cd, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

const line = (cols, row) => cols.map((c) => row[c] ?? "").join(",");
const csv = (cols, rows) => [cols.join(","), ...rows.map((r) => line(cols, r))].join("\n") + "\n";
const USERS = ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password"];

/** A OneRoster 1.1 export: 10 schools, a teacher and a class per 25 students, `parents` parents. */
export function districtExport(students, parents) {
  const classes = Math.ceil(students / 25);
  const users = [];
  const classRows = [];
  const enrollments = [];
  for (let c = 0; c < classes; c++) {
    users.push({ sourcedId: `t-${c}`, role: "teacher", orgSourcedIds: `sch-${c % 10}`, givenName: "Teacher", familyName: `T${c}`, email: `t${c}@school.test` });
    classRows.push({ sourcedId: `c-${c}`, title: `Class ${c}`, schoolSourcedId: `sch-${c % 10}` });
    enrollments.push({ sourcedId: `et-${c}`, classSourcedId: `c-${c}`, userSourcedId: `t-${c}`, role: "teacher" });
  }
  for (let s = 0; s < students; s++) {
    const c = Math.floor(s / 25);
    users.push({ sourcedId: `s-${s}`, role: "student", orgSourcedIds: `sch-${c % 10}`, givenName: "Student", familyName: `S${s}`, grades: String(1 + (s % 8)) });
    enrollments.push({ sourcedId: `es-${s}`, classSourcedId: `c-${c}`, userSourcedId: `s-${s}`, role: "student" });
  }
  for (let p = 0; p < parents; p++) {
    users.push({ sourcedId: `p-${p}`, role: "parent", orgSourcedIds: "sch-0", givenName: "Parent", familyName: `P${p}`, email: `p${p}@family.test`, agentSourcedIds: `s-${p % students}` });
  }
  return {
    files: {
      "manifest.csv": "propertyName,value\noneroster.version,1.1\nfile.orgs,bulk\nfile.users,bulk\nfile.classes,bulk\nfile.enrollments,bulk\n",
      "orgs.csv": csv(["sourcedId", "status", "dateLastModified", "name", "type"], Array.from({ length: 10 }, (_, i) => ({ sourcedId: `sch-${i}`, name: `School ${i}`, type: "school" }))),
      "users.csv": csv(USERS, users),
      "classes.csv": csv(["sourcedId", "status", "dateLastModified", "title", "schoolSourcedId"], classRows),
      "enrollments.csv": csv(["sourcedId", "status", "dateLastModified", "classSourcedId", "userSourcedId", "role"], enrollments),
    },
    users: users.length,
  };
}

export async function benchOneRoster(origin, token) {
  const students = Number(process.env.BENCH_OR_STUDENTS ?? 20_000);
  const parents = Math.round(students * 1.5);
  const { files, users } = districtExport(students, parents);
  const dir = await mkdtemp(join(tmpdir(), "oneroster-bench-"));
  try {
    const zip = join(dir, "district.zip");
    const bytes = zipOf(files);
    await writeFile(zip, bytes);
    const t0 = performance.now();
    const { stdout } = await run(process.execPath, ["scripts/oneroster-upload.mjs", zip, "--url", origin, "--token", token], { maxBuffer: 16 * 1024 * 1024 });
    const secs = (performance.now() - t0) / 1000;
    if (!/Import done/.test(stdout)) throw new Error(`oneroster import did not finish: ${stdout.slice(-2000)}`);
    return [
      {
        name: `oneroster: ${students.toLocaleString("en-US")} students + ${parents.toLocaleString("en-US")} parents zip (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`,
        value: users / secs,
        unit: "users/s",
        notes: `upload to done in ${secs.toFixed(1)} s, scripts/oneroster-upload.mjs (polls every 2 s)`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The worker isolate's heap while a district imports: its own workerd server without the dev proxy
 * (scripts/workerd-direct.mjs) with the inspector on `inspectorPort`, Runtime.getHeapUsage sampled
 * every 100 ms from upload to done. V8 answers between tasks, so this is the used heap (with garbage
 * not yet collected) at those moments; Cloudflare stops an isolate past 128 MB.
 */
export async function benchOneRosterHeap({ startServer, api, adminToken, inspectorPort = 9241 }) {
  const { default: WebSocket } = await import("ws");
  const before = process.env.WORKERD_DIRECT_INSPECTOR;
  process.env.WORKERD_DIRECT_INSPECTOR = String(inspectorPort);
  const server = await startServer({ direct: true });
  if (before === undefined) delete process.env.WORKERD_DIRECT_INSPECTOR;
  else process.env.WORKERD_DIRECT_INSPECTOR = before;
  let ws = null;
  try {
    const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
    const target = targets.find((t) => /family-portal/.test(t.title ?? "")) ?? targets[0];
    ws = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => (ws.once("open", resolve), ws.once("error", reject)));
    let id = 0;
    const pending = new Map();
    ws.on("message", (m) => {
      const msg = JSON.parse(m);
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    });
    const call = (method) => new Promise((resolve) => (pending.set(++id, resolve), ws.send(JSON.stringify({ id, method }))));
    const { body: district } = await api(server.origin, adminToken, "POST", "/admin/districts", { name: "Heap District" });
    let peak = 0;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      const h = await call("Runtime.getHeapUsage");
      if (h) peak = Math.max(peak, h.usedSize);
      busy = false;
    }, 100);
    let rows;
    try {
      rows = await benchOneRoster(server.origin, district.token);
    } finally {
      clearInterval(timer);
    }
    const students = Number(process.env.BENCH_OR_STUDENTS ?? 20_000);
    return [
      {
        name: `oneroster: peak heap of the worker's isolate while importing ${students.toLocaleString("en-US")} students`,
        value: peak / 2 ** 20,
        unit: "MB",
        notes: `workerd without the dev proxy, Runtime.getHeapUsage every 100 ms (used heap, garbage included); ${((peak / students) * 1000 / 2 ** 20).toFixed(1)} MB per 1,000 students; limit 128 MB`,
      },
    ];
  } finally {
    ws?.close();
    server.stop();
  }
}
