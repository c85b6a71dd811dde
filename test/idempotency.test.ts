import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { canonicalJson, requestHash } from "../src/api/idempotency";
import { DAY, HOUR } from "../src/lib/time";
import { api, countRows, countWritten, districtWithStudent, freshEmail, insertStudent, stubMailApis } from "./world";

const email = () => freshEmail("idem");

beforeEach(() => stubMailApis());

describe("Idempotency-Key on POST /invitations", () => {
  it("replays the first response verbatim and sends nothing new", async () => {
    const f = await districtWithStudent();
    const body = { studentSisId: f.student.sisId, email: email(), name: "Kim" };
    const first = await api(f.district.token, "POST", "/invitations", body, { "idempotency-key": "key-1" });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstText = await first.text();
    expect(await countRows("idempotency_keys", "district_id = ? AND key = 'key-1' AND status_code = 201", f.district.id)).toBe(1);

    const before = await countWritten();
    // Same request with keys reordered: the same request.
    const again = await api(f.district.token, "POST", "/invitations", { name: "Kim", email: body.email, studentSisId: body.studentSisId }, { "idempotency-key": "key-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await again.text()).toBe(firstText);
    expect(await countWritten()).toEqual(before);
    expect(await countRows("invitations", "address = ?", body.email)).toBe(1);
    expect(await countRows("outbox", "to_address = ?", body.email)).toBe(1);
  });

  it("answers 422 idempotency_key_reused for the same key with another body", async () => {
    const f = await districtWithStudent();
    const first = await api(f.district.token, "POST", "/invitations", { studentSisId: f.student.sisId, email: email() }, { "idempotency-key": "key-2" });
    expect(first.status).toBe(201);
    const before = await countWritten();
    const other = await api(f.district.token, "POST", "/invitations", { studentSisId: f.student.sisId, email: email() }, { "idempotency-key": "key-2" });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("idempotency_key_reused");
    expect(await countWritten()).toEqual(before);
  });

  it("creates exactly one invitation when two first requests with the same key race", async () => {
    const f = await districtWithStudent();
    const body = { studentSisId: f.student.sisId, email: email() };
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => api(f.district.token, "POST", "/invitations", body, { "idempotency-key": "race-key" })));
    const texts = await Promise.all([a, b, c].map((r) => r?.text()));
    expect([a, b, c].map((r) => r?.status)).toEqual([201, 201, 201]);
    expect(new Set(texts).size).toBe(1);
    expect([a, b, c].filter((r) => r?.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    expect(await countRows("invitations", "address = ?", body.email)).toBe(1);
    expect(await countRows("outbox", "to_address = ?", body.email)).toBe(1);
  });

  it("scopes keys to the district", async () => {
    const a = await districtWithStudent();
    const b = await districtWithStudent();
    const ra = await api(a.district.token, "POST", "/invitations", { studentSisId: a.student.sisId, email: email() }, { "idempotency-key": "shared" });
    const rb = await api(b.district.token, "POST", "/invitations", { studentSisId: b.student.sisId, email: email() }, { "idempotency-key": "shared" });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(rb.headers.get("idempotent-replayed")).toBeNull();
  });

  it("does not store validation errors or conflicts: a corrected retry with the same key runs", async () => {
    const f = await districtWithStudent();
    const before = await countWritten();
    const bad = await api(f.district.token, "POST", "/invitations", { studentSisId: "not-yet-on-roster", email: email() }, { "idempotency-key": "fix-me" });
    expect(bad.status).toBe(404);
    expect(await countWritten()).toEqual(before);
    await insertStudent(f.district.id, f.school.id, { sisId: "not-yet-on-roster" });
    const retry = await api(f.district.token, "POST", "/invitations", { studentSisId: "not-yet-on-roster", email: email() }, { "idempotency-key": "fix-me" });
    expect(retry.status).toBe(201);
  });

  it("forgets keys after 24 hours", async () => {
    const f = await districtWithStudent();
    const other = await insertStudent(f.district.id, f.school.id);
    const first = await api(f.district.token, "POST", "/invitations", { studentSisId: f.student.sisId, email: email() }, { "idempotency-key": "old-key" });
    expect(first.status).toBe(201);
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = ? WHERE district_id = ? AND key = 'old-key'").bind(Date.now() - DAY - HOUR, f.district.id).run();
    const fresh = await api(f.district.token, "POST", "/invitations", { studentSisId: other.sisId, email: email() }, { "idempotency-key": "old-key" });
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    expect(await countRows("idempotency_keys", "district_id = ? AND key = 'old-key'", f.district.id)).toBe(1);
    expect(await countRows("invitations", "district_id = ?", f.district.id)).toBe(2);
  });

  it("rejects an empty or over-long key with 422 and writes nothing", async () => {
    const f = await districtWithStudent();
    const before = await countWritten();
    for (const key of ["x".repeat(256), "   "]) {
      const res = await api(f.district.token, "POST", "/invitations", { studentSisId: f.student.sisId, email: email() }, { "idempotency-key": key });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    }
    expect(await countWritten()).toEqual(before);
    const ok = await api(f.district.token, "POST", "/invitations", { studentSisId: f.student.sisId, email: email() }, { "idempotency-key": "k".repeat(255) });
    expect(ok.status).toBe(201);
  });
});

describe("request hashing", () => {
  it("ignores key order and whitespace but not values, method or path", () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: "x" }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const h = requestHash("POST", "/api/v1/invitations", { a: 1, b: 2 });
    expect(requestHash("post", "/api/v1/invitations", { b: 2, a: 1 })).toBe(h);
    expect(requestHash("POST", "/api/v1/invitations", { a: 1, b: 3 })).not.toBe(h);
    expect(requestHash("POST", "/api/v1/invitations/batch", { a: 1, b: 2 })).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});
