// Every audit row goes through src/audit.ts, which sets its columns by name: each path below is
// checked column by column, and the INSERT … SELECT helper against a table declared in another order.
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { auditInsert, auditInsertSelect, auditInserts, auditInsertWhere } from "../src/audit";
import { issueFirstBadge } from "../src/badges/child-badge";
import { insertSelect, runBatch } from "../src/db/batch";
import { getDb } from "../src/db/client";
import { connectInvitations } from "../src/invitations/accept";
import { deleteParentAccount } from "../src/stewardship/parent-account";
import { deleteSchoolBySis } from "../src/stewardship/deletion";
import { deleteStudents } from "../src/stewardship/students";
import { districtWithStudent, insertParent, postInvitation, stubMailApis } from "./world";

interface AuditColumns {
  id: string;
  district_id: string | null;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  student_id: string | null;
  target_id: string | null;
  detail: string | null;
}

async function auditWhere(where: string, ...params: unknown[]): Promise<AuditColumns[]> {
  const rows = await env.DB.prepare(`SELECT id, district_id, at, actor_kind, actor_id, action, student_id, target_id, detail FROM audit_log WHERE ${where} ORDER BY id`)
    .bind(...params)
    .all<AuditColumns>();
  return rows.results;
}

async function onlyAudit(action: string, targetId: string): Promise<AuditColumns> {
  const rows = await auditWhere("action = ? AND target_id = ?", action, targetId);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const json = (detail: string | null): unknown => (detail === null ? null : JSON.parse(detail));

describe("audit rows, column by column", () => {
  it("auditInsert, auditInserts and auditInsertWhere put each value in its own column, at the caller's time", async () => {
    const f = await districtWithStudent();
    const db = getDb(env.DB);
    const at = 1_700_000_000_123;
    const event = { districtId: f.district.id, actorKind: "district" as const, actorId: f.district.id, studentId: f.student.id, detail: { n: 1, words: "a, b" } };
    await runBatch(db, [
      auditInsert(db, { ...event, action: "test.one", targetId: "tgt_one" }, at),
      ...auditInserts(db, [{ ...event, action: "test.many", targetId: "tgt_many1" }, { ...event, action: "test.many", targetId: "tgt_many2", studentId: null }], at + 1),
      auditInsertWhere(db, { ...event, action: "test.where", targetId: "tgt_yes" }, at + 2, sql`1 = 1`),
      auditInsertWhere(db, { ...event, action: "test.where", targetId: "tgt_no" }, at + 2, sql`1 = 0`),
      auditInsertWhere(db, { districtId: null, actorKind: "system", actorId: null, action: "test.bare", targetId: "tgt_bare" }, at + 3, sql`1 = 1`),
    ]);

    const one = await onlyAudit("test.one", "tgt_one");
    expect(one).toMatchObject({ district_id: f.district.id, at, actor_kind: "district", actor_id: f.district.id, student_id: f.student.id, target_id: "tgt_one" });
    expect(one.id).toMatch(/^aud_/);
    expect(json(one.detail)).toEqual({ n: 1, words: "a, b" });

    const many = await auditWhere("action = 'test.many' AND district_id = ?", f.district.id);
    expect(many.map((r) => [r.target_id, r.student_id, r.at, r.actor_kind])).toEqual(
      expect.arrayContaining([
        ["tgt_many1", f.student.id, at + 1, "district"],
        ["tgt_many2", null, at + 1, "district"],
      ]),
    );
    expect(many).toHaveLength(2);

    expect(await onlyAudit("test.where", "tgt_yes")).toMatchObject({ at: at + 2, student_id: f.student.id, actor_id: f.district.id, detail: JSON.stringify(event.detail) });
    expect(await auditWhere("target_id = 'tgt_no'")).toEqual([]);
    expect(await onlyAudit("test.bare", "tgt_bare")).toMatchObject({ district_id: null, at: at + 3, actor_kind: "system", actor_id: null, student_id: null, detail: null });
  });

  it("auditInsertSelect names every column of audit_log, and takes values from its FROM", async () => {
    const f = await districtWithStudent();
    const db = getDb(env.DB);
    const statement = auditInsertSelect(
      db,
      { districtId: sql`s.district_id`, actorKind: "system", actorId: null, action: "test.select", studentId: sql`s.id`, targetId: sql`s.sis_id`, detail: sql`json_object('name', s.first_name)` },
      42,
      sql`FROM students s WHERE s.id = ${f.student.id}`,
    );
    expect(statement.toSQL().sql).toMatch(/^insert into "audit_log" \("id", "district_id", "at", "actor_kind", "actor_id", "action", "student_id", "target_id", "detail"\) SELECT /);
    await runBatch(db, [statement]);
    const row = await onlyAudit("test.select", f.student.sisId);
    expect(row).toMatchObject({ district_id: f.district.id, at: 42, actor_kind: "system", actor_id: null, student_id: f.student.id });
    expect(json(row.detail)).toEqual({ name: f.student.firstName });
  });

  it("insertSelect matches values to columns by name, whatever order the table declares them in", async () => {
    const db = getDb(env.DB);
    // audit_log as drizzle would see it with its columns declared backwards (as if one were added or moved).
    const backwards = sqliteTable("audit_log", {
      detail: text("detail"),
      targetId: text("target_id"),
      studentId: text("student_id"),
      action: text("action").notNull(),
      actorId: text("actor_id"),
      actorKind: text("actor_kind").notNull(),
      at: integer("at").notNull(),
      districtId: text("district_id"),
      id: text("id").primaryKey(),
    });
    const id = `aud_backwards${Date.now().toString(36)}`;
    await runBatch(db, [
      insertSelect(db, backwards, { id, districtId: null, at: 7, actorKind: "system", actorId: "actor_x", action: "test.backwards", studentId: "stu_x", targetId: sql`'tgt_' || 'x'`, detail: '{"k":1}' }),
    ]);
    expect((await auditWhere("id = ?", id))[0]).toEqual({ id, district_id: null, at: 7, actor_kind: "system", actor_id: "actor_x", action: "test.backwards", student_id: "stu_x", target_id: "tgt_x", detail: '{"k":1}' });
  });

  it("the INSERT … SELECT paths (accept, first badge, account deletion, student and school deletion) fill each column, with their change's timestamp", async () => {
    stubMailApis();
    const f = await districtWithStudent();
    const db = getDb(env.DB);
    const sent = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: `audit-rows.${Date.now()}@example.com` });
    expect(sent.status).toBe(201);
    const user = await insertParent();

    // invitation.accept: in the batch that consumes the invitation and creates the guardianship.
    const acceptedAt = Date.now();
    expect(await connectInvitations(db, user.id, [sent.json.id], acceptedAt)).toMatchObject([{ connected: true }]);
    const guardianship = await env.DB.prepare("SELECT id, created_at FROM guardianships WHERE user_id = ? AND student_id = ?").bind(user.id, f.student.id).first<{ id: string; created_at: number }>();
    expect(guardianship?.created_at).toBe(acceptedAt);
    const accepted = await onlyAudit("invitation.accept", sent.json.id);
    expect(accepted).toMatchObject({ district_id: f.district.id, at: acceptedAt, actor_kind: "parent", actor_id: user.id, student_id: f.student.id });
    expect(json(accepted.detail)).toEqual({ guardianshipId: guardianship?.id });

    // badge.issue: only if the badge insert won, at the badge's own time.
    const issuedAt = acceptedAt + 1;
    const child = { studentId: f.student.id, districtId: f.district.id, firstName: "Maya", lastName: "Johnson", schoolName: f.school.name, badgesEnabled: true, pinRequired: false, badge: null, hadBadge: false };
    await runBatch(db, issueFirstBadge(db, { secret: "test-badge-secret-0123456789abcdef", child, userId: user.id, at: issuedAt }));
    const badge = await env.DB.prepare("SELECT id, created_at FROM badges WHERE student_id = ? AND voided_at IS NULL").bind(f.student.id).first<{ id: string; created_at: number }>();
    expect(badge?.created_at).toBe(issuedAt);
    const issued = await onlyAudit("badge.issue", badge!.id);
    expect(issued).toMatchObject({ district_id: f.district.id, at: issuedAt, actor_kind: "parent", actor_id: user.id, student_id: f.student.id });
    expect(json(issued.detail)).toEqual({ pin: false, firstView: true });

    // account.delete: one row per district the parent was in, each with its own id.
    const deletedAt = acceptedAt + 2;
    await deleteParentAccount(env, db, user, deletedAt);
    const gone = await onlyAudit("account.delete", user.id);
    expect(gone).toMatchObject({ district_id: f.district.id, at: deletedAt, actor_kind: "parent", actor_id: user.id, student_id: null });
    expect(gone.id.endsWith(`_${f.district.id}`)).toBe(true);
    expect(json(gone.detail)).toEqual({ guardianships: 1, forget: [] });

    // student.delete: counts taken inside the batch, the record's own fields in their columns.
    const actor = { actorKind: "district" as const, actorId: f.district.id };
    const removedAt = acceptedAt + 3;
    await deleteStudents(db, f.district.id, [f.student.id], { action: "student.delete", actor, studentId: "pseudonym_x", targetId: "target_x", detail: { part: "test" } }, removedAt);
    const removed = await onlyAudit("student.delete", "target_x");
    expect(removed).toMatchObject({ district_id: f.district.id, at: removedAt, actor_kind: "district", actor_id: f.district.id, student_id: "pseudonym_x" });
    expect(json(removed.detail)).toMatchObject({ part: "test", counts: { students: 1, badges: 1, invitations: 1 }, erase: [] });

    // school.delete: the school, now empty, goes with its own audit row.
    expect(await deleteSchoolBySis(env, db, f.district.id, f.school.sisId, actor)).toMatchObject({ complete: true });
    const school = await onlyAudit("school.delete", f.school.id);
    expect(school).toMatchObject({ district_id: f.district.id, actor_kind: "district", actor_id: f.district.id, student_id: null });
    expect(json(school.detail)).toEqual({ counts: { enrollments: 0, sectionTeachers: 0, sections: 0, schools: 1 } });
  });
});
