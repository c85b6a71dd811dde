// Signing in. `signInAs`/`browserAs` open a session straight in D1 (the sign-in flows have their
// own tests); `postSignInForm` is the real email-and-password form.
import { env } from "cloudflare:workers";
import { createSession, type NewSession, type SessionKind } from "../../src/auth/sessions";
import { getDb } from "../../src/db/client";
import { Browser } from "./browser";
import { insertGuardianship, insertParent } from "./people";

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
  const guardian = await insertParent({ name: "Handing Guardian", password: null });
  return insertGuardianship(student.district_id, guardian.id, studentId, { relationship: null });
}

/** A new session of this person, as the portal makes them: a student's through one of their live grants. */
export async function openSession(kind: SessionKind, subjectId: string, userAgent?: string | null): Promise<NewSession> {
  const db = getDb(env.DB);
  return kind === "student" ? createSession(db, kind, subjectId, userAgent, await liveGrantOf(subjectId)) : createSession(db, kind, subjectId, userAgent);
}

/** Gives the browser a new session of this person. */
export async function signInAs(b: Browser, kind: SessionKind, subjectId: string): Promise<void> {
  b.cookies.set("fp_session", (await openSession(kind, subjectId, b.userAgent)).token);
}

/** A new browser with a session of this person (`b.session`, `b.sessionId`); it has opened no page yet. */
export async function browserAs(kind: SessionKind, subjectId: string, userAgent?: string): Promise<Browser> {
  const b = new Browser(userAgent);
  await signInAs(b, kind, subjectId);
  return b;
}

/** The sign-in form, as a parent fills it in (a real password check); returns the page that follows. */
export function postSignInForm(b: Browser, email: string, password: string): Promise<Response> {
  return b.post("/sign-in", { email, password });
}
