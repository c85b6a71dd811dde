// Badges: a district whose students use them, the badge as a parent downloads it, a device at /badges.
import { env } from "cloudflare:workers";
import jsQR from "jsqr";
import { expect } from "vitest";
import { Browser } from "./browser";
import { badgeClasses, type ClassIds } from "./classes";
import type { TestDistrict } from "./districts";
import { parentOf } from "./people";
import { api } from "./requests";

export const BADGE_SECRET = "test-badge-secret-0123456789abcdef";

export interface BadgeWorld {
  district: TestDistrict;
  /** Maya (S1) and Ava (S3) use badges; Leo (S2) does not. */
  ids: ClassIds;
  /** Maya's and Leo's parent (no password: deleting the account asks for the email address). */
  parentId: string;
}

/** The classes of badgeClasses (optionally with the district's badge PIN on), and Rosa Lopez, parent of Maya and Leo. */
export async function badgeWorld(opts: { pin?: boolean } = {}): Promise<BadgeWorld> {
  const { district, ids } = await badgeClasses();
  if (opts.pin) expect((await api(district.token, "PUT", "/settings", { badgePin: true })).status).toBe(200);
  const parent = await parentOf(district.id, [ids.S1, ids.S2], { name: "Rosa Lopez", password: null });
  return { district, ids, parentId: parent.id };
}

/** The live badge row of a student, if any. */
export async function liveBadgeRow(studentId: string) {
  return env.DB.prepare("SELECT id, token_hash, pin_hash, created_at FROM badges WHERE student_id = ? AND voided_at IS NULL").bind(studentId).first<{ id: string; token_hash: string; pin_hash: string | null; created_at: number }>();
}

/** Decodes our own grayscale, unfiltered PNG (8-bit, one filter byte per row) back to RGBA pixels. */
export async function decodeGrayPng(png: Uint8Array): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
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
  return { width, height, rgba };
}

/** The text of the QR code in one of our badge PNGs, or null. */
export async function readBadgePng(png: Uint8Array): Promise<string | null> {
  const { width, height, rgba } = await decodeGrayPng(png);
  return jsQR(rgba, width, height)?.data ?? null;
}

/** A child's badge picture (PNG bytes) as the parent downloads it. */
export async function downloadBadgePicture(parent: Browser, studentId: string): Promise<Uint8Array> {
  const res = await parent.get(`/children/${studentId}/badge.png`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** The QR text of a child's badge as the parent downloads it. */
export async function downloadBadge(parent: Browser, studentId: string): Promise<string> {
  const text = await readBadgePng(await downloadBadgePicture(parent, studentId));
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
