import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { GRADE_BANDS, IDEA_TOPICS } from "../src/ideas/catalog";
import { ADMIN_TOKEN, api, countRows, createDistrict } from "./world";

type Idea = { slug: string; title: string; source: string; sourceUrl: string; summary: string; topic: string; gradeBand: string; language: string; createdAt: string; updatedAt: string };
type Suggestion = { id: string; text: string; topic: string | null; userId: string | null; createdAt: string; handledAt: string | null };
type Page<T> = { data: T[]; nextCursor: string | null };
type ApiErr = { error: { code: string; message: string; details?: { path: string }[] } };

let n = 0;
const slug = () => `test-idea-${++n}-${Date.now().toString(36)}`;

const idea = (over: Record<string, unknown> = {}) => ({
  title: "Count the stairs",
  source: "Example Museum",
  sourceUrl: "https://museum.example.org/families",
  summary: "Count the stairs together on the way up, and again in twos on the way down.",
  topic: "math",
  gradeBand: "K-2",
  ...over,
});

describe("the starter set", () => {
  it("is in the database after the migrations: at least 20 ideas with https sources and known topics and bands", async () => {
    const { results } = await env.DB.prepare("SELECT * FROM ideas WHERE id LIKE 'idea_%'").all<Record<string, string>>();
    expect(results.length).toBeGreaterThanOrEqual(20);
    for (const r of results) {
      expect(r.source_url, r.slug).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/);
      expect(IDEA_TOPICS, r.slug).toContain(r.topic);
      expect(GRADE_BANDS, r.slug).toContain(r.grade_band);
      expect(["en", "es"], r.slug).toContain(r.language);
      expect(r.summary!.length, r.slug).toBeGreaterThan(80);
      expect(r.source!.length, r.slug).toBeGreaterThan(2);
    }
    expect(new Set(results.map((r) => r.topic)).size).toBe(IDEA_TOPICS.length);
    expect(new Set(results.map((r) => r.grade_band)).size).toBe(GRADE_BANDS.length);
    expect(results.filter((r) => r.language === "es").length).toBeGreaterThanOrEqual(3);
  });

  it("is listed by the admin API, filtered by topic and grade band", async () => {
    const res = await api(ADMIN_TOKEN, "GET", "/admin/ideas?topic=science&grade=3-5");
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<Idea>;
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((i) => i.topic === "science" && i.gradeBand === "3-5")).toBe(true);
  });
});

describe("admin API: ideas", () => {
  it("creates (201), replaces (200), lists and deletes (204, then 404) an idea", async () => {
    const s = slug();
    const created = await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${s}`, idea());
    expect(created.status).toBe(201);
    const body = (await created.json()) as Idea;
    expect(body).toMatchObject({ slug: s, title: "Count the stairs", topic: "math", gradeBand: "K-2", language: "en" });
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const replaced = await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${s}`, idea({ title: "  Count the steps  ", language: "es", gradeBand: "all" }));
    expect(replaced.status).toBe(200);
    const after = (await replaced.json()) as Idea;
    expect(after).toMatchObject({ slug: s, title: "Count the steps", language: "es", gradeBand: "all", createdAt: body.createdAt });
    expect(await countRows("ideas", "slug = ?", s)).toBe(1);

    const listed = (await (await api(ADMIN_TOKEN, "GET", "/admin/ideas?topic=math&grade=all")).json()) as Page<Idea>;
    expect(listed.data.map((i) => i.slug)).toContain(s);

    expect((await api(ADMIN_TOKEN, "DELETE", `/admin/ideas/${s}`)).status).toBe(204);
    expect(await countRows("ideas", "slug = ?", s)).toBe(0);
    const again = await api(ADMIN_TOKEN, "DELETE", `/admin/ideas/${s}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as ApiErr).error.code).toBe("not_found");
  });

  it("pages through the list with an opaque cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = (await (await api(ADMIN_TOKEN, "GET", `/admin/ideas?limit=7${q}`)).json()) as Page<Idea>;
      expect(page.data.length).toBeLessThanOrEqual(7);
      seen.push(...page.data.map((i) => i.slug));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(await countRows("ideas"));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect((await api(ADMIN_TOKEN, "GET", "/admin/ideas?cursor=nonsense")).status).toBe(422);
  });

  it("refuses without the admin token, with a wrong one, or with a district token (401, nothing written)", async () => {
    const d = await createDistrict();
    const s = slug();
    const before = await countRows("ideas");
    for (const token of [null, "wrong", d.token]) {
      for (const [method, path, body] of [
        ["PUT", `/admin/ideas/${s}`, idea()],
        ["DELETE", "/admin/ideas/read-aloud-ten-minutes", undefined],
        ["GET", "/admin/ideas", undefined],
        ["GET", "/admin/idea-suggestions", undefined],
        ["POST", "/admin/idea-suggestions/sug_x/handled", undefined],
      ] as const) {
        const res = await api(token, method, path, body);
        expect(res.status, `${method} ${path} ${token}`).toBe(401);
        expect(((await res.json()) as ApiErr).error.code).toBe("unauthorized");
      }
    }
    expect(await countRows("ideas")).toBe(before);
  });

  it("rejects bad input with 4xx and writes nothing", async () => {
    const s = slug();
    const before = await countRows("ideas");
    const bad: unknown[] = [
      "{not json",
      {},
      idea({ title: "" }),
      idea({ title: 42 }),
      idea({ title: "x".repeat(201) }),
      idea({ summary: "x".repeat(1001) }),
      idea({ sourceUrl: "javascript:alert(1)" }),
      idea({ sourceUrl: "ftp://example.org/x" }),
      idea({ sourceUrl: "/relative" }),
      idea({ sourceUrl: `https://example.org/${"a".repeat(2050)}` }),
      idea({ topic: "history" }),
      idea({ gradeBand: "4" }),
      idea({ language: "xx" }),
      idea({ extra: true }),
    ];
    for (const body of bad) {
      const res = await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${s}`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(((await res.json()) as ApiErr).error.code).toMatch(/invalid_json|validation_failed/);
    }
    for (const badSlug of ["Has-Capitals", "two--hyphens", "-lead", "x".repeat(65), "sp%20ace"]) {
      const res = await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${badSlug}`, idea());
      expect(res.status, badSlug).toBe(422);
    }
    expect(await countRows("ideas")).toBe(before);
    for (const q of ["topic=history", "grade=4", "limit=0", "limit=201", "other=1"]) {
      expect((await api(ADMIN_TOKEN, "GET", `/admin/ideas?${q}`)).status, q).toBe(422);
    }
  });
});

describe("admin API: idea suggestions", () => {
  async function insertSuggestion(text: string, createdAt: number, handledAt: number | null = null) {
    const id = `sug_test_${++n}`;
    await env.DB.prepare("INSERT INTO idea_suggestions (id, user_id, text, topic, created_at, handled_at) VALUES (?, NULL, ?, 'math', ?, ?)")
      .bind(id, text, createdAt, handledAt)
      .run();
    return id;
  }

  it("lists newest first with a cursor, filters by status, and marks one handled", async () => {
    const base = Date.now() + 10_000_000; // newer than anything else in this file
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await insertSuggestion(`Suggestion number ${i}`, base + i));
    const first = (await (await api(ADMIN_TOKEN, "GET", "/admin/idea-suggestions?limit=3")).json()) as Page<Suggestion>;
    expect(first.data.map((s) => s.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(first.data[0]).toMatchObject({ text: "Suggestion number 4", topic: "math", userId: null, handledAt: null });
    expect(first.nextCursor).toBeTruthy();
    const second = (await (await api(ADMIN_TOKEN, "GET", `/admin/idea-suggestions?limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`)).json()) as Page<Suggestion>;
    expect(second.data.slice(0, 2).map((s) => s.id)).toEqual([ids[1], ids[0]]);

    const handled = await api(ADMIN_TOKEN, "POST", `/admin/idea-suggestions/${ids[3]}/handled`);
    expect(handled.status).toBe(200);
    const h = (await handled.json()) as Suggestion;
    expect(h.handledAt).toMatch(/^\d{4}-/);
    // A repeat keeps the first time.
    const repeat = (await (await api(ADMIN_TOKEN, "POST", `/admin/idea-suggestions/${ids[3]}/handled`)).json()) as Suggestion;
    expect(repeat.handledAt).toBe(h.handledAt);

    const open = (await (await api(ADMIN_TOKEN, "GET", "/admin/idea-suggestions?status=open&limit=200")).json()) as Page<Suggestion>;
    expect(open.data.map((s) => s.id)).not.toContain(ids[3]);
    expect(open.data.map((s) => s.id)).toContain(ids[4]);
    const done = (await (await api(ADMIN_TOKEN, "GET", "/admin/idea-suggestions?status=handled")).json()) as Page<Suggestion>;
    expect(done.data.map((s) => s.id)).toContain(ids[3]);
  });

  it("answers 404 for an unknown suggestion and 422 for a bad cursor or status", async () => {
    const res = await api(ADMIN_TOKEN, "POST", "/admin/idea-suggestions/sug_nope/handled");
    expect(res.status).toBe(404);
    expect(((await res.json()) as ApiErr).error.code).toBe("not_found");
    expect((await api(ADMIN_TOKEN, "GET", "/admin/idea-suggestions?cursor=zzz")).status).toBe(422);
    expect((await api(ADMIN_TOKEN, "GET", "/admin/idea-suggestions?status=new")).status).toBe(422);
  });
});
