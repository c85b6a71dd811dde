// The demo district, loaded through the public API exactly as a district's script would load it.
// Used by `npm start` on an empty local database; prints nothing by itself.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { joinAsGuardian, signInTeacher } from "./page-client.mjs";

export const DEMO = {
  district: "Riverside Unified (demo)",
  settings: {
    invitationMessage: "Riverside Unified uses Family Portal so you can help your child log in and message their teachers.",
    reminderBeforeExpiry: true,
  },
  schools: [
    { sisId: "sch-maple", name: "Maple Grove Elementary" },
    { sisId: "sch-river", name: "Riverside Middle School" },
  ],
  teachers: [
    { sisId: "t-rivera", name: "Ana Rivera", email: "ana.rivera@riverside.example.org" },
    { sisId: "t-chen", name: "David Chen", email: "david.chen@riverside.example.org" },
  ],
  students: [
    { sisId: "s-1001", firstName: "Maya", lastName: "Johnson", schoolSisId: "sch-maple", grade: "3", badgesEnabled: true, email: "maya.johnson@students.riverside.example.org" },
    { sisId: "s-1002", firstName: "Leo", lastName: "Johnson", schoolSisId: "sch-maple", grade: "1", badgesEnabled: true },
    { sisId: "s-1003", firstName: "Sofia", lastName: "Martinez", schoolSisId: "sch-maple", grade: "3", badgesEnabled: false },
    { sisId: "s-1004", firstName: "Noah", lastName: "Kim", schoolSisId: "sch-maple", grade: "3", badgesEnabled: true },
    { sisId: "s-1005", firstName: "Ava", lastName: "Patel", schoolSisId: "sch-maple", grade: "1", badgesEnabled: true },
    { sisId: "s-2001", firstName: "Ethan", lastName: "Johnson", schoolSisId: "sch-river", grade: "7", badgesEnabled: false },
  ],
  sections: [
    { sisId: "sec-3-12", name: "Grade 3 · Room 12", schoolSisId: "sch-maple", teacherSisIds: ["t-rivera"], studentSisIds: ["s-1001", "s-1003", "s-1004"] },
    { sisId: "sec-1-04", name: "Grade 1 · Room 4", schoolSisId: "sch-maple", teacherSisIds: ["t-chen"], studentSisIds: ["s-1002", "s-1005"] },
    { sisId: "sec-3-art", name: "Grade 3 · Art", schoolSisId: "sch-maple", teacherSisIds: ["t-chen"], studentSisIds: ["s-1001", "s-1004"] },
  ],
  invitations: [
    // Siblings: one address, three children (two schools).
    { studentSisId: "s-1001", email: "jordan.johnson@example.com", name: "Jordan Johnson", relationship: "parent" },
    { studentSisId: "s-1002", email: "jordan.johnson@example.com", name: "Jordan Johnson", relationship: "parent" },
    { studentSisId: "s-2001", email: "jordan.johnson@example.com", name: "Jordan Johnson", relationship: "parent" },
    // A second guardian for one of the children.
    { studentSisId: "s-1001", email: "sam.johnson@example.com", name: "Sam Johnson", relationship: "parent" },
    // A Spanish-speaking family: their email and text invitations go out in Spanish.
    { studentSisId: "s-1003", email: "carmen.martinez@example.com", name: "Carmen Martinez", relationship: "mother", language: "es" },
    { studentSisId: "s-1003", phone: "+1 555 555 0100", name: "Luis Martinez", relationship: "father", language: "es-MX" },
    { studentSisId: "s-1004", email: "grace.kim@example.com", name: "Grace Kim", relationship: "grandmother" },
  ],
  links: [
    { key: "lunch", title: "Lunch menu", url: "https://www.example.org/riverside/lunch", audience: "families", description: "This month's breakfast and lunch menus." },
    { key: "calendar", title: "District calendar", url: "https://www.example.org/riverside/calendar", audience: "families", description: "Holidays, early release days and school events." },
    { key: "library", title: "Library e-books", url: "https://www.example.org/riverside/library", audience: "both", description: "Borrow e-books and audiobooks with your school account." },
    { key: "math", title: "Math practice", url: "https://www.example.org/riverside/math", audience: "students" },
  ],
  badges: ["s-1001", "s-1002", "s-1004", "s-1005"],
  // One existing message thread, made through the pages as people would: Grace accepts her
  // invitation and creates an account; Ms. Rivera signs in with her emailed link and writes.
  thread: {
    guardian: { email: "grace.kim@example.com", name: "Grace Kim", password: "maple grove demo family" },
    student: "Noah Kim",
    teacherEmail: "ana.rivera@riverside.example.org",
    teacherDisplayName: "Ms. Rivera",
    body: "Hello Grace! Noah had a great first week in Room 12. This week we're reading about the water cycle: https://www.example.org/riverside/water-cycle\nYou can reply here any time; I usually answer between classes.",
  },
};

async function call(origin, token, method, path, body) {
  const res = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const demoFile = (root) => join(root, ".wrangler", "demo.json");

/** Seed the demo district if the database has no district yet. Returns true when it seeded. */
export async function seedDemo({ origin, adminToken, root }) {
  const existing = await call(origin, adminToken, "GET", "/admin/districts");
  if (existing.data.length > 0) return false;
  const district = await call(origin, adminToken, "POST", "/admin/districts", { name: DEMO.district });
  mkdirSync(join(root, ".wrangler"), { recursive: true });
  writeFileSync(demoFile(root), JSON.stringify({ districtId: district.id, districtToken: district.token }, null, 2));
  const t = district.token;
  await call(origin, t, "PUT", "/settings", DEMO.settings);
  await call(origin, t, "POST", "/roster", { schools: DEMO.schools, teachers: DEMO.teachers, students: DEMO.students, sections: DEMO.sections });
  for (const link of DEMO.links) {
    const { key, ...rest } = link;
    await call(origin, t, "PUT", `/links/${key}`, rest);
  }
  for (const sisId of DEMO.badges) await call(origin, t, "POST", `/students/${sisId}/badge`);
  await call(origin, t, "POST", "/invitations/batch", { invitations: DEMO.invitations });
  try {
    await seedDemoThread(origin);
    writeFileSync(demoFile(root), JSON.stringify({ districtId: district.id, districtToken: district.token, demoParent: DEMO.thread.guardian }, null, 2));
  } catch (err) {
    console.error(`Could not create the demo message thread: ${err.message}`);
  }
  return true;
}

/** Through the real pages only: a guardian joins, the teacher signs in, names herself and writes to that family. */
async function seedDemoThread(origin) {
  const { guardian, student, teacherEmail, teacherDisplayName, body } = DEMO.thread;
  await joinAsGuardian(origin, guardian);
  const teacher = await signInTeacher(origin, teacherEmail);
  await teacher.post("/teacher/settings/name", { displayName: teacherDisplayName });
  const classes = await teacher.get("/teacher");
  const link = classes.text.match(new RegExp(`href="(/teacher/messages/new\\?[^"]+)" aria-label="Message family: ${guardian.name} about ${student}"`))?.[1];
  if (!link) throw new Error(`no "Message family" link for ${guardian.name} on the teacher's classes page`);
  const family = new URL(link.replaceAll("&amp;", "&"), origin).searchParams;
  await teacher.post("/teacher/messages/new", { student: family.get("student"), guardian: family.get("guardian"), body });
  await teacher.post("/sign-out", {});
}

/** What to print after start: where to begin. */
export async function demoSummary({ origin, root }) {
  const lines = ["", `Family Portal is running at ${origin}/`, ""];
  lines.push(`  Dev mailbox (every email and text):  ${origin}/dev/mailbox`);
  lines.push(`  API description (OpenAPI):           ${origin}/api/v1/openapi.json`);
  lines.push(`  Badge sign-in for students:          ${origin}/badges`);
  const demo = existsSync(demoFile(root)) ? JSON.parse(readFileSync(demoFile(root), "utf8")) : null;
  if (demo) lines.push(`  Demo district API token:             ${demo.districtToken}`);
  lines.push(`  Admin token:                         see ADMIN_TOKEN in .dev.vars`);
  try {
    const res = await fetch(`${origin}/dev/mailbox.json?kind=invitation`);
    const { messages } = await res.json();
    // The newest invitation link per demo address (links already used still open a clear page).
    const demoAddresses = new Set(DEMO.invitations.map((i) => i.email ?? `+1${i.phone.replace(/\D/g, "").slice(-10)}`));
    const byTo = new Map();
    for (const m of messages) {
      const link = m.links?.find((l) => l.includes("/i/"));
      if (link && demoAddresses.has(m.to) && m.to !== demo?.demoParent?.email && !byTo.has(m.to)) byTo.set(m.to, link);
    }
    if (byTo.size) {
      lines.push("", "  Demo invitations (open one to join as that parent):");
      // On this server: a mail sent while an earlier `npm start` ran on another PORT names that port.
      for (const [to, link] of byTo) lines.push(`    ${to.padEnd(30)} ${new URL(new URL(link).pathname, origin)}`);
    }
  } catch {}
  lines.push("", `  Demo teacher sign-in: ${origin}/teacher/sign-in with ${DEMO.teachers[0].email}`, "  (the sign-in link arrives in the dev mailbox)");
  if (demo?.demoParent) {
    lines.push("", `  Demo parent with a message from a teacher: ${origin}/sign-in`, `    ${demo.demoParent.email} / ${demo.demoParent.password}`);
  }
  lines.push("", "  Stop with Ctrl+C.", "");
  return lines.join("\n");
}
