// Teachers, families and threads for the message tests, through the real pages where it matters.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import type { Browser } from "./browser";
import { teacherWorld, type TeacherWorld } from "./classes";
import { uniq } from "./names";
import { parentOf } from "./people";

export interface MessageWorld {
  w: TeacherWorld;
  /** Guardians: Rosa (Maya, S1), Tom (Maya, S1), Kim (Leo, S2), Ola (Ava, S3 — T2's class). */
  users: Record<"rosa" | "tom" | "kim" | "ola", { id: string; email: string }>;
}

/** T1 teaches Maya and Leo (SEC1); T2 teaches Ava (SEC2). Each child has connected guardians. */
export async function messageWorld(): Promise<MessageWorld> {
  const w = await teacherWorld();
  const guardian = async (name: string, studentId: string) => {
    const { id, email } = await parentOf(w.district.id, [studentId], { name, email: `${uniq(name.split(" ")[0]!.toLowerCase() + ".")}@example.com` });
    return { id, email };
  };
  const users = {
    rosa: await guardian("Rosa Johnson", w.ids.S1),
    tom: await guardian("Tom Johnson", w.ids.S1),
    kim: await guardian("Kim Brown", w.ids.S2),
    ola: await guardian("Ola Patel", w.ids.S3),
  };
  return { w, users };
}

/** The teacher writes the first message to one family through the page; returns the thread id. */
export async function startThread(teacher: Browser, studentId: string, guardianId: string, body = "Hello from school!"): Promise<string> {
  const res = await teacher.post("/teacher/messages/new", { student: studentId, guardian: guardianId, body }, { follow: false });
  expect(res.status).toBe(303);
  const m = (res.headers.get("location") ?? "").match(/^\/teacher\/messages\/(thr_[a-z2-7]{16})#reply$/);
  if (!m?.[1]) throw new Error(`unexpected redirect ${res.headers.get("location")}`);
  return m[1];
}

/**
 * The thread's D1 index row once it shows the object's newest state. The object writes the index
 * from its alarm (src/messaging/thread-object.ts: at once for a quiet thread, once per window for a
 * busy one); this runs a pending alarm now and waits out one the runtime is already running.
 */
export async function indexSettled(id: string): Promise<void> {
  const s = env.MESSAGE_THREAD.getByName(id);
  const owed = () =>
    runInDurableObject(s, (_o, state) => state.storage.sql.exec<{ owed: number }>("SELECT version > synced_version AS owed FROM thread").toArray()[0]?.owed === 1);
  for (let tries = 0; tries < 200; tries++) {
    if (!(await owed())) return;
    // Null while the runtime runs it: then the next look waits for that run.
    if (!(await runDurableObjectAlarm(s))) await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`thread ${id}: the index was not written`);
}

/** The thread's index row, after the object has written its newest state there (indexSettled). */
export async function threadRow(id: string) {
  await indexSettled(id);
  return env.DB.prepare("SELECT * FROM threads WHERE id = ?").bind(id).first<{
    id: string;
    teacher_id: string;
    guardian_user_id: string;
    student_id: string;
    last_message_at: number;
    last_sender_kind: string | null;
    teacher_unread: number;
    guardian_unread: number;
  }>();
}

/** The messages stored in a thread's object, read straight from its storage. */
export async function storedMessages(threadId: string): Promise<{ seq: number; sender_kind: string; body: string }[]> {
  return runInDurableObject(env.MESSAGE_THREAD.getByName(threadId), (_o, state) =>
    state.storage.sql.exec<{ seq: number; sender_kind: string; body: string }>("SELECT seq, sender_kind, body FROM messages ORDER BY seq").toArray(),
  );
}

/** The header htmx sends with its requests. */
export const htmx = { "hx-request": "true" };
