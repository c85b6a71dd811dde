import { and, asc, count, eq, inArray } from "drizzle-orm";
import * as z from "zod/mini";
import { auditInsert, type AuditActor } from "../audit";
import type { Db } from "../db/client";
import { districtLinks, LINK_AUDIENCES } from "../db/schema";
import { newId } from "../lib/random";
import { cleanLine, cleanText } from "../lib/text";
import { isoDate, now } from "../lib/time";

/** Links per district: enough for every site a district points families to, and one page lists them all. */
export const MAX_LINKS_PER_DISTRICT = 100;

export const linkKey = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9._-]+$/, "may contain only letters, digits and . _ -"));

/** Invisible characters a URL parser would drop or keep raw; shown as text they could disguise it. */
const HIDDEN_IN_URL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Absolute http(s) only: a link opens the district's site, never `javascript:` or a local file.
 * Control and bidirectional characters are stored percent-encoded (as a browser would send them),
 * so `https://school.example.org/\u202Egpj.exe` shows as what it is; in a host name they fail to parse.
 */
export const httpUrl = z.string().check(
  z.trim(),
  z.overwrite((s) => s.replace(HIDDEN_IN_URL, encodeURIComponent)),
  z.minLength(1),
  z.maxLength(2048),
  z.refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "" && u.username === "" && u.password === "";
    } catch {
      return false;
    }
  }, "must be an absolute http:// or https:// URL without credentials"),
);

export const linkBody = z.strictObject({
  title: z.string().check(z.overwrite(cleanLine), z.trim(), z.minLength(1), z.maxLength(200)),
  url: httpUrl,
  audience: z.enum(LINK_AUDIENCES),
  description: z.optional(z.nullable(z.string().check(z.overwrite(cleanText), z.trim(), z.maxLength(1000)))),
});

export type LinkInput = z.infer<typeof linkBody>;
type LinkRow = typeof districtLinks.$inferSelect;

export const linkJson = (row: LinkRow) => ({
  key: row.key,
  title: row.title,
  url: row.url,
  audience: row.audience,
  description: row.description,
  createdAt: isoDate(row.createdAt),
  updatedAt: isoDate(row.updatedAt),
});

/** The district's links in key order; `forAudience` keeps those shown to families or to students. */
export async function listLinks(db: Db, districtId: string, forAudience?: "families" | "students") {
  const inDistrict = eq(districtLinks.districtId, districtId);
  return db
    .select()
    .from(districtLinks)
    .where(forAudience ? and(inDistrict, inArray(districtLinks.audience, [forAudience, "both"])) : inDistrict)
    .orderBy(asc(districtLinks.key))
    .all();
}

export type UpsertLinkResult = { ok: true; created: boolean; link: ReturnType<typeof linkJson> } | { ok: false; reason: "too_many" };

/** Creates or replaces the link `key` (a PUT is the whole link: a left-out description is cleared), audited. */
export async function upsertLink(db: Db, districtId: string, key: string, input: LinkInput, actor: AuditActor): Promise<UpsertLinkResult> {
  const [existing, total] = await db.batch([
    db
      .select({ id: districtLinks.id, createdAt: districtLinks.createdAt })
      .from(districtLinks)
      .where(and(eq(districtLinks.districtId, districtId), eq(districtLinks.key, key))),
    db.select({ n: count() }).from(districtLinks).where(eq(districtLinks.districtId, districtId)),
  ]);
  const found = existing[0];
  if (!found && (total[0]?.n ?? 0) >= MAX_LINKS_PER_DISTRICT) return { ok: false, reason: "too_many" };

  const at = now();
  const row: LinkRow = {
    id: found?.id ?? newId("lnk"),
    districtId,
    key,
    title: input.title,
    url: input.url,
    audience: input.audience,
    description: input.description || null,
    createdAt: found?.createdAt ?? at,
    updatedAt: at,
  };
  // An upsert rather than insert-or-update, so two PUTs racing on a new key cannot fail.
  const [written] = await db.batch([
    db
      .insert(districtLinks)
      .values(row)
      .onConflictDoUpdate({
        target: [districtLinks.districtId, districtLinks.key],
        set: { title: row.title, url: row.url, audience: row.audience, description: row.description, updatedAt: at },
      })
      .returning(),
    auditInsert(db, {
      districtId,
      ...actor,
      action: found ? "link.update" : "link.create",
      targetId: row.id,
      detail: { key, url: row.url, audience: row.audience },
    }, at),
  ]);
  return { ok: true, created: !found, link: linkJson(written[0] ?? row) };
}

/** Deletes the link `key`, audited; false when there is no such link in this district. */
export async function deleteLink(db: Db, districtId: string, key: string, actor: AuditActor): Promise<boolean> {
  const found = await db
    .select({ id: districtLinks.id, url: districtLinks.url })
    .from(districtLinks)
    .where(and(eq(districtLinks.districtId, districtId), eq(districtLinks.key, key)))
    .get();
  if (!found) return false;
  const at = now();
  await db.batch([
    db.delete(districtLinks).where(and(eq(districtLinks.id, found.id), eq(districtLinks.districtId, districtId))),
    auditInsert(db, { districtId, ...actor, action: "link.delete", targetId: found.id, detail: { key, url: found.url } }, at),
  ]);
  return true;
}
