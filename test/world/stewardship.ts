// A district whose student has everything deletion must reach: guardians, invitations, a badge, a thread, sessions, audit entries.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { createDistrict, type TestDistrict } from "./districts";
import { startThread } from "./messages";
import { uniq } from "./names";
import { insertGuardianship, insertParent } from "./people";
import { api } from "./requests";
import { idOf } from "./rows";
import { browserAs, openSession } from "./sessions";

export interface StewardWorld {
  district: TestDistrict;
  student: { id: string; sisId: string; firstName: string; lastName: string; email: string };
  /** Another student of the same section, who must be left alone. */
  other: { id: string; sisId: string };
  teacherId: string;
  parent: { id: string; email: string };
  /** A guardian contact who never made an account: their address is tied only to the student. */
  pendingAddress: string;
  threadId: string;
}

export async function stewardWorld(): Promise<StewardWorld> {
  const district = await createDistrict();
  const sis = { school: uniq("SCH"), teacher: uniq("T"), s: uniq("S"), o: uniq("S"), sec: uniq("SEC") };
  const student = { sisId: sis.s, firstName: uniq("Zelda"), lastName: uniq("Quist"), email: `${uniq("zelda.")}@students.test` };
  const res = await api(district.token, "POST", "/roster", {
    schools: [{ sisId: sis.school, name: "Harbor View Elementary" }],
    teachers: [{ sisId: sis.teacher, name: "Ana Rivera", email: `${uniq("ana.")}@school.test` }],
    students: [
      { sisId: sis.s, firstName: student.firstName, lastName: student.lastName, schoolSisId: sis.school, grade: "3", badgesEnabled: true, email: student.email },
      { sisId: sis.o, firstName: "Leo", lastName: "Brown", schoolSisId: sis.school, grade: "3" },
    ],
    sections: [{ sisId: sis.sec, name: "Grade 3", schoolSisId: sis.school, teacherSisIds: [sis.teacher], studentSisIds: [sis.s, sis.o] }],
  });
  expect(res.status).toBe(200);
  const studentId = await idOf("students", district.id, sis.s);
  const otherId = await idOf("students", district.id, sis.o);
  const teacherId = await idOf("teachers", district.id, sis.teacher);

  const parentEmail = `${uniq("rosa.")}@example.com`;
  const pendingAddress = `${uniq("grandpa.")}@example.com`;
  const inv = await api(district.token, "POST", "/invitations", { studentSisId: sis.s, email: parentEmail, name: "Rosa Quist" });
  expect(inv.status).toBe(201);
  const invId = ((await inv.json()) as { id: string }).id;
  // A batch call too (with an idempotency key): its audit row lists the student, its stored answer names them.
  const batch = await api(district.token, "POST", "/invitations/batch", { invitations: [{ studentSisId: sis.s, email: pendingAddress, name: "Grandpa Quist" }, { studentSisId: sis.o, email: `${uniq("leo.")}@example.com` }] }, { "idempotency-key": uniq("key-") });
  expect(batch.status).toBe(200);
  const parentId = (await insertParent({ name: "Rosa Quist", email: parentEmail })).id;
  await insertGuardianship(district.id, parentId, studentId, { invitationId: invId });
  await insertGuardianship(district.id, parentId, otherId);

  expect((await api(district.token, "POST", `/students/${sis.s}/badge`)).status).toBe(201);
  expect((await api(district.token, "GET", `/students/${sis.s}/guardians`)).status).toBe(200);

  const teacher = await browserAs("teacher", teacherId);
  const threadId = await startThread(teacher, studentId, parentId, `A note about ${student.firstName}`);
  const parent = await browserAs("parent", parentId);
  expect((await parent.post(`/messages/${threadId}`, { body: "Thanks, we will practise at home." }, { follow: false })).status).toBeLessThan(400);
  // The parent uses Instant Login: a student session and an audit entry with the student as subject.
  expect((await parent.post(`/children/${studentId}/instant-login`, {}, { follow: false })).status).toBe(303);
  await openSession("student", studentId);

  return { district, student: { id: studentId, ...student }, other: { id: otherId, sisId: sis.o }, teacherId, parent: { id: parentId, email: parentEmail }, pendingAddress, threadId };
}

/** What a thread's object still stores: rows per table, and whether an alarm is set. */
export async function objectContents(threadId: string): Promise<{ rows: number; alarm: number | null; keys: number }> {
  return runInDurableObject(env.MESSAGE_THREAD.getByName(threadId), async (_o, state) => {
    const tables = state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").toArray();
    let rows = 0;
    for (const t of tables) rows += state.storage.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM "${t.name}"`).one().n;
    return { rows, alarm: await state.storage.getAlarm(), keys: (await state.storage.list()).size };
  });
}
