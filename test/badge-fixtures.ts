// A district for the badge tests, made through the roster API, and a PNG decoder for the badge image.
import { env } from "cloudflare:workers";
import jsQR from "jsqr";
import { expect } from "vitest";
import { Browser } from "./browser";
import { api, createDistrict, type TestDistrict } from "./helpers";
import { idOf, insertGuardianship, insertUser, signIn, uniq } from "./teacher-fixtures";

export const BADGE_SECRET = "test-badge-secret-0123456789abcdef";

export interface BadgeWorld {
  district: TestDistrict;
  /** Maya and Ava use badges; Leo does not. */
  ids: Record<"T1" | "T2" | "SEC1" | "SEC2" | "S1" | "S2" | "S3", string>;
  /** Maya's and Leo's parent. */
  parentId: string;
}

/**
 * Oak Hill Elementary: T1 teaches SEC1 (S1 Maya Lopez, badges on; S2 Leo Lopez, badges off), T2
 * teaches SEC2 (S3 Ava Chen, badges on). One parent is guardian of Maya and Leo.
 */
export async function badgeWorld(opts: { pin?: boolean } = {}): Promise<BadgeWorld> {
  const district = await createDistrict();
  const res = await api(district.token, "POST", "/roster", {
    schools: [{ sisId: "SCH1", name: "Oak Hill Elementary" }],
    teachers: [
      { sisId: "T1", name: "Ana Rivera", email: `${uniq("ana.")}@school.test` },
      { sisId: "T2", name: "Dev Shah", email: `${uniq("dev.")}@school.test` },
    ],
    students: [
      { sisId: "S1", firstName: "Maya", lastName: "Lopez", schoolSisId: "SCH1", grade: "3", badgesEnabled: true },
      { sisId: "S2", firstName: "Leo", lastName: "Lopez", schoolSisId: "SCH1", grade: "1", badgesEnabled: false },
      { sisId: "S3", firstName: "Ava", lastName: "Chen", schoolSisId: "SCH1", grade: "3", badgesEnabled: true },
    ],
    sections: [
      { sisId: "SEC1", name: "Grade 3 · Room 12", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1", "S2"] },
      { sisId: "SEC2", name: "Grade 3 · Room 14", schoolSisId: "SCH1", teacherSisIds: ["T2"], studentSisIds: ["S3"] },
    ],
  });
  expect(res.status).toBe(200);
  if (opts.pin) expect((await api(district.token, "PUT", "/settings", { badgePin: true })).status).toBe(200);
  const ids = {} as BadgeWorld["ids"];
  for (const [table, keys] of [
    ["teachers", ["T1", "T2"]],
    ["sections", ["SEC1", "SEC2"]],
    ["students", ["S1", "S2", "S3"]],
  ] as const) {
    for (const key of keys) ids[key] = await idOf(table, district.id, key);
  }
  const parentId = await insertUser("Rosa Lopez");
  await insertGuardianship(district.id, parentId, ids.S1);
  await insertGuardianship(district.id, parentId, ids.S2);
  return { district, ids, parentId };
}

/** A browser signed in as this kind of person. */
export async function browserAs(kind: "parent" | "teacher" | "student", subjectId: string): Promise<Browser> {
  const b = new Browser();
  await signIn(b, kind, subjectId);
  return b;
}

/** The live badge row of a student, if any. */
export async function liveBadgeRow(studentId: string) {
  return env.DB.prepare("SELECT id, token_hash, pin_hash, created_at FROM badges WHERE student_id = ? AND voided_at IS NULL").bind(studentId).first<{ id: string; token_hash: string; pin_hash: string | null; created_at: number }>();
}

export async function auditRows(studentId: string, action: string) {
  const { results } = await env.DB.prepare("SELECT actor_kind, actor_id, action, target_id, detail FROM audit_log WHERE student_id = ? AND action = ? ORDER BY at, rowid")
    .bind(studentId, action)
    .all<{ actor_kind: string; actor_id: string | null; action: string; target_id: string | null; detail: string | null }>();
  return results;
}

/** Decodes our own grayscale, unfiltered PNG (as in badge-image.test.ts) and reads its QR code with jsQR. */
export async function readBadgePng(png: Uint8Array): Promise<string | null> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
    }
    if (type === "IDAT") idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = new Uint8Array(await new Response(new Blob(idat).stream().pipeThrough(new DecompressionStream("deflate"))).arrayBuffer());
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const g = raw[y * (width + 1) + 1 + x]!;
      rgba.set([g, g, g, 255], (y * width + x) * 4);
    }
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

/** The QR text of a child's badge as the parent downloads it. */
export async function downloadBadge(parent: Browser, studentId: string): Promise<string> {
  const res = await parent.get(`/children/${studentId}/badge.png`);
  expect(res.status).toBe(200);
  const text = await readBadgePng(new Uint8Array(await res.arrayBuffer()));
  expect(text).toMatch(/^FPBADGE:[a-z2-7]{32}$/);
  return text!;
}

/** A fresh device at /badges (its own device cookie and CSRF token). */
export async function studentDevice(): Promise<Browser> {
  const b = new Browser("school-chromebook");
  const res = await b.get("/badges");
  expect(res.status).toBe(200);
  await res.text();
  return b;
}
