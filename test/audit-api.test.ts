import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createDistrict, stewardWorld } from "./world";


type Entry = { id: string; at: string; actor: { kind: string; id: string | null }; action: string; studentSisId: string | null; studentPseudonym: string | null; targetId: string | null; detail: Record<string, unknown> | null };
type Page = { data: Entry[]; nextCursor: string | null };

async function all(token: string, query: string): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(token, "GET", `/audit?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe("GET /api/v1/audit", () => {
  it("shows an Instant Login and a badge regeneration with the right actors, and no secrets", async () => {
    const w = await stewardWorld();
    const res = await api(w.district.token, "GET", `/audit?studentSisId=${w.student.sisId}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const entries = (JSON.parse(text) as Page).data;
    expect(entries.find((e) => e.action === "instant_login")).toMatchObject({ actor: { kind: "parent", id: w.parent.id }, studentSisId: w.student.sisId });
    expect(entries.find((e) => e.action === "badge.regenerate")).toMatchObject({ actor: { kind: "district", id: w.district.id }, studentSisId: w.student.sisId });
    expect(entries.find((e) => e.action === "guardianships.read")).toMatchObject({ actor: { kind: "district", id: w.district.id } });
    expect(entries.every((e) => e.studentSisId === w.student.sisId)).toBe(true);
    // Oldest first.
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());

    // No token, hash or address anywhere in the answer.
    const secrets = [
      ...(await env.DB.prepare("SELECT token_hash AS s FROM badges WHERE student_id = ? UNION ALL SELECT pin_hash FROM badges WHERE student_id = ? AND pin_hash IS NOT NULL UNION ALL SELECT token_hash FROM invitations WHERE student_id = ? UNION ALL SELECT secret_hash FROM sessions WHERE subject_id IN (?, ?)").bind(w.student.id, w.student.id, w.student.id, w.student.id, w.parent.id).all<{ s: string }>()).results.map((r) => r.s),
      w.parent.email,
      w.pendingAddress,
    ];
    expect(secrets.length).toBeGreaterThan(3);
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).not.toMatch(/token|secret|hash|@/i);
  });

  it("pages with a cursor, filters by since, and keeps to the district", async () => {
    const w = await stewardWorld();
    const everything = await all(w.district.token, "");
    expect(everything.length).toBeGreaterThan(5);
    expect(new Set(everything.map((e) => e.id)).size).toBe(everything.length);
    const mid = everything[Math.floor(everything.length / 2)]!.at;
    const later = await all(w.district.token, `since=${encodeURIComponent(mid)}`);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((e) => e.at >= mid)).toBe(true);

    const stranger = await createDistrict();
    const theirs = (await (await api(stranger.token, "GET", "/audit")).json()) as Page;
    expect(theirs.data.some((e) => everything.some((x) => x.id === e.id))).toBe(false);
    expect((await api(stranger.token, "GET", `/audit?studentSisId=${w.student.sisId}`)).status).toBe(404);
  });

  it("after a deletion, shows the events under the pseudonym and the deletion itself", async () => {
    const w = await stewardWorld();
    expect((await api(w.district.token, "DELETE", `/students/${w.student.sisId}`)).status).toBe(200);
    const entries = await all(w.district.token, "");
    const deletion = entries.find((e) => e.action === "student.delete");
    expect(deletion).toMatchObject({ actor: { kind: "district", id: w.district.id }, studentSisId: null });
    expect(deletion?.studentPseudonym).toMatch(/^del_[0-9a-f]{32}$/);
    expect(deletion?.detail?.counts).toMatchObject({ students: 1 });
    expect(deletion?.detail).not.toHaveProperty("erase");
    expect(entries.find((e) => e.action === "instant_login")?.studentPseudonym).toBe(deletion?.studentPseudonym);
    expect(JSON.stringify(entries)).not.toContain(w.student.id);
  });

  it("rejects bad input and missing tokens", async () => {
    const w = await stewardWorld();
    expect((await api(null, "GET", "/audit")).status).toBe(401);
    expect((await api(w.district.token, "GET", "/audit?since=yesterday")).status).toBe(422);
    expect((await api(w.district.token, "GET", "/audit?cursor=nope")).status).toBe(422);
    expect((await api(w.district.token, "GET", "/audit?limit=0")).status).toBe(422);
    expect((await api(w.district.token, "GET", "/audit?other=1")).status).toBe(422);
    expect((await api(w.district.token, "GET", "/audit?studentSisId=unknown-student")).status).toBe(404);
  });
});
