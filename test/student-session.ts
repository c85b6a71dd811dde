// Student sessions as the portal makes them: opened by a grant (a parent's guardianship for
// Instant Login, or a live badge) that the session row names and that must still hold.
import { env } from "cloudflare:workers";
import { createSession, type NewSession } from "../src/auth/sessions";
import { getDb } from "../src/db/client";
import { newId } from "../src/lib/random";

/**
 * A live grant of this student: a guardianship, else a live badge while their badges are on.
 * A student with neither gets a guardian (as if a parent had used Instant Login), so a test that
 * only needs "a signed-in student" need not build the whole way in.
 */
export async function liveGrantOf(studentId: string): Promise<string> {
  const row = await env.DB.prepare(
    `SELECT id FROM guardianships WHERE student_id = ?1
     UNION ALL SELECT b.id FROM badges b JOIN students s ON s.id = b.student_id WHERE b.student_id = ?1 AND b.voided_at IS NULL AND s.badges_enabled = 1
     LIMIT 1`,
  )
    .bind(studentId)
    .first<{ id: string }>();
  if (row) return row.id;
  const student = await env.DB.prepare("SELECT district_id FROM students WHERE id = ?").bind(studentId).first<{ district_id: string }>();
  if (!student) throw new Error(`no student ${studentId}`);
  const userId = newId("usr");
  const id = newId("gdn");
  const t = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO users (id, email, email_verified_at, name, created_at, updated_at) VALUES (?, ?, ?, 'Handing Guardian', ?, ?)").bind(userId, `${userId}@guardian.test`, t, t, t),
    env.DB.prepare("INSERT INTO guardianships (id, district_id, user_id, student_id, created_at) VALUES (?, ?, ?, ?, ?)").bind(id, student.district_id, userId, studentId, t),
  ]);
  return id;
}

/** A student session opened through one of the student's live grants. */
export async function createStudentSession(studentId: string, userAgent?: string | null): Promise<NewSession> {
  return createSession(getDb(env.DB), "student", studentId, userAgent, await liveGrantOf(studentId));
}
