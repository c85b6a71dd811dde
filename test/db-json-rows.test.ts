// The JSON helpers of src/db/batch.ts: rows and lists carried by ONE bound parameter must store and
// find exactly what bound parameters would, whatever the text (quotes, Unicode, NUL, lone
// surrogates), and stay under D1's limits at 1,000 rows.
import { env } from "cloudflare:workers";
import { inArray, like, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inJson, JSON_PARAMETER_BYTES, jsonArrays, jsonLists, jsonRows, runBatch, utf8Bytes } from "../src/db/batch";
import { getDb } from "../src/db/client";
import { outbox } from "../src/db/schema";

const db = getDb(env.DB);

/** Text people and programs send: any code point (lone surrogates too), quotes, SQL, NUL, emoji, RTL. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("", "'", "''", '"', "\\", "\\u0000", "\u0000", "a\u0000b", "' OR 1=1 --", "');DROP TABLE outbox;--", "$[0]", "Zoë Ñúñez", "ﷺ", "\u202eabc", "👩‍👩‍👧", "\ud800", "x\udfff", "null", "[1,2]", "{\"a\":1}"),
);

/** A lone surrogate is the one deliberate difference (see the test below), so the comparison uses text without one. */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = text.map((s) => s.replace(LONE, "\uFFFD"));
const nullableText = fc.option(wellFormed, { nil: null });
const integer = fc.oneof(fc.integer(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1_764_600_000_000));

type Row = typeof outbox.$inferInsert;

let seq = 0;
function row(tag: string, r: { subject: string | null; body: string; html: string | null; attempts: number; next: number; lease: number | null }): Row {
  const id = `${tag}-${++seq}`;
  return {
    id,
    districtId: null,
    studentId: null,
    kind: "json-rows-test",
    channel: "email",
    toAddress: `${id}@example.com`,
    subject: r.subject,
    bodyText: r.body,
    bodyHtml: r.html,
    idempotencyKey: id,
    status: "held",
    attempts: r.attempts,
    nextAttemptAt: r.next,
    leaseUntil: r.lease,
    createdAt: 1,
  };
}

const rowShape = fc.record({ subject: nullableText, body: wellFormed, html: nullableText, attempts: integer, next: integer, lease: fc.option(integer, { nil: null }) });

/** The stored rows, without the id-derived columns, in insertion order of their ids' numbers. */
async function stored(prefix: string) {
  const rows = await db.select().from(outbox).where(like(outbox.id, `${prefix}-%`)).all();
  return rows
    .sort((a, b) => Number(a.id.slice(prefix.length + 1)) - Number(b.id.slice(prefix.length + 1)))
    .map(({ id: _id, toAddress: _to, idempotencyKey: _key, ...rest }) => rest);
}

describe("jsonRows", () => {
  it("stores exactly what a bound-parameter insert stores, for any text, nulls and integers", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowShape, { minLength: 1, maxLength: 8 }), async (shapes) => {
        run++;
        const viaJson = shapes.map((s) => row(`j${run}`, s));
        const viaParams = shapes.map((s) => row(`p${run}`, s));
        await runBatch(db, [...jsonRows(db, outbox, viaJson), ...viaParams.map((r) => db.insert(outbox).values(r))]);
        const [a, b] = await Promise.all([stored(`j${run}`), stored(`p${run}`)]);
        expect(a).toHaveLength(shapes.length);
        expect(a).toEqual(b);
      }),
      { numRuns: 25 },
    );
  });

  it("keeps quotes, Unicode and NULs intact (a spot check against the values themselves)", async () => {
    const body = "O'Brien \"Bo\" \\ Zoë 👩‍👩‍👧 ﷺ \u202e a\u0000b $[1]";
    await runBatch(db, jsonRows(db, outbox, [row("spot", { subject: null, body, html: "<p>'x'</p>", attempts: 3, next: 1_764_600_000_000, lease: null })]));
    const [got] = await stored("spot");
    expect(got).toMatchObject({ subject: null, bodyText: body, bodyHtml: "<p>'x'</p>", attempts: 3, nextAttemptAt: 1_764_600_000_000, leaseUntil: null, status: "held" });
    expect(typeof got?.attempts).toBe("number");
  });

  it("writes a lone surrogate as U+FFFD (a bound string would store it as bytes that are not UTF-8)", async () => {
    await runBatch(db, jsonRows(db, outbox, [row("lone", { subject: "a\ud800b", body: "\udc00", html: null, attempts: 0, next: 0, lease: null })]));
    const [got] = await stored("lone");
    expect(got).toMatchObject({ subject: "a\ufffdb", bodyText: "\ufffd" });
  });

  it("puts 1,000 rows in one statement with one bound parameter besides the defaults", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row("k", { subject: `Subject ${i} 'q'`, body: `Body ${i} ✓`, html: null, attempts: i, next: i, lease: null }));
    const statements = jsonRows(db, outbox, rows);
    expect(statements).toHaveLength(1);
    expect(statements[0]?.toSQL().params.length).toBeLessThanOrEqual(3);
    await runBatch(db, statements);
    const got = await stored("k");
    expect(got).toHaveLength(1000);
    expect(got[999]).toMatchObject({ subject: "Subject 999 'q'", bodyText: "Body 999 ✓", attempts: 999 });
  });

  it("splits rows so no JSON parameter passes the byte limit, keeping their order", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row("split", { subject: null, body: `${i}:${"é".repeat(100)}`, html: null, attempts: i, next: 0, lease: null }));
    const statements = jsonRows(db, outbox, rows, () => ({}), 2_000);
    expect(statements.length).toBeGreaterThan(5);
    for (const s of statements) {
      const json = s.toSQL().params.find((p): p is string => typeof p === "string" && p.startsWith("["));
      expect(json).toBeDefined();
      expect(utf8Bytes(json ?? "")).toBeLessThanOrEqual(2_000);
    }
    await runBatch(db, statements);
    expect((await stored("split")).map((r) => r.attempts)).toEqual(rows.map((r) => r.attempts));
  });

  it("computes columns from the row's fields, and refuses what JSON cannot carry", async () => {
    const rows = [{ id: "calc-1", toAddress: "calc-1@example.com", bodyText: "b", n: 41 }];
    await runBatch(
      db,
      jsonRows(db, outbox, rows, (f) => ({ kind: "json-rows-test", channel: "sms" as const, idempotencyKey: sql`${f.id} || '-key'`, attempts: sql`${f.n} + 1`, nextAttemptAt: 5, createdAt: 6 })),
    );
    const got = await db.select().from(outbox).where(inArray(outbox.id, ["calc-1"])).get();
    expect(got).toMatchObject({ idempotencyKey: "calc-1-key", attempts: 42, channel: "sms", status: "pending", nextAttemptAt: 5, subject: null });
    expect(() => jsonRows(db, outbox, [row("nan", { subject: null, body: "", html: null, attempts: Number.NaN, next: 0, lease: null })])).toThrow();
    expect(() => jsonRows(db, outbox, [row("big", { subject: null, body: "x".repeat(3_000), html: null, attempts: 0, next: 0, lease: null })], () => ({}), 2_000)).toThrow(/over/);
    expect(jsonRows(db, outbox, [])).toEqual([]);
  });
});

describe("jsonLists and inJson", () => {
  it("find exactly the rows whose value is in the list, for any text", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(text, { minLength: 1, maxLength: 10 }), fc.uniqueArray(text, { maxLength: 5 }), async (stored, extra) => {
        run++;
        const subjects = stored.map((s) => s.replace(LONE, "\uFFFD"));
        await runBatch(db, jsonRows(db, outbox, subjects.map((s) => row(`in${run}`, { subject: s, body: "", html: null, attempts: 0, next: 0, lease: null }))));
        const wanted = [...subjects.slice(0, Math.ceil(subjects.length / 2)), ...extra.filter((e) => !subjects.includes(e.replace(LONE, "\uFFFD")))];
        const [list] = jsonLists(wanted);
        const found = await db.select({ subject: outbox.subject }).from(outbox).where(sql`${like(outbox.id, `in${run}-%`)} AND ${inJson(outbox.subject, list ?? "[]")}`).all();
        expect(found.map((f) => f.subject).sort()).toEqual(subjects.slice(0, Math.ceil(subjects.length / 2)).sort());
      }),
      { numRuns: 20 },
    );
  });

  it("carries 1,000 keys in one parameter, and splits only past the byte limit", () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `st-${i}-'ñ'`);
    expect(jsonLists(keys)).toHaveLength(1);
    expect(JSON.parse(jsonLists(keys)[0] ?? "[]")).toEqual(keys);
    const parts = jsonLists(keys, 1_000);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.flatMap((p) => JSON.parse(p) as string[])).toEqual(keys);
    expect(Math.max(...parts.map(utf8Bytes))).toBeLessThanOrEqual(1_000);
    expect(jsonLists([])).toEqual([]);
    expect(JSON_PARAMETER_BYTES).toBeLessThan(2_000_000);
  });

  it("jsonArrays and utf8Bytes agree with TextEncoder", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), fc.integer({ min: 64, max: 400 }), (items, max) => {
        const encoded = items.map((s) => JSON.stringify(s));
        for (const s of [...items, ...encoded]) expect(utf8Bytes(s)).toBe(new TextEncoder().encode(s).length);
        const fits = encoded.filter((e) => utf8Bytes(e) + 3 <= max);
        const parts = jsonArrays(fits, max);
        expect(parts.flatMap((p) => JSON.parse(p) as string[])).toEqual(fits.map((e) => JSON.parse(e) as string));
        for (const p of parts) expect(utf8Bytes(p)).toBeLessThanOrEqual(max);
      }),
      { numRuns: 200 },
    );
  });
});
