import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, countRows, createDistrict } from "./world";

describe("admin API: districts", () => {
  it("creates a district and shows its token once, stored only as a hash", async () => {
    const res = await api(ADMIN_TOKEN, "POST", "/admin/districts", { name: "Springfield Public Schools" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; name: string; token: string };
    expect(body.name).toBe("Springfield Public Schools");
    expect(body.token).toMatch(/^fpd_[a-z2-7]{32}$/);
    // District insert + audit row, in one batch (development builds report the count).
    expect(res.headers.get("x-d1-statements")).toBe("2");
    expect(await countRows("districts", "id = ? AND token_hash != ?", body.id, body.token)).toBe(1);
    expect(await countRows("districts", "token_hash = ?", body.token)).toBe(0);
  });

  it("refuses without the admin token, or with a wrong one, or with a district token", async () => {
    const d = await createDistrict();
    const before = await countRows("districts");
    for (const token of [null, "wrong", d.token]) {
      const res = await api(token, "POST", "/admin/districts", { name: "X" });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    expect(await countRows("districts")).toBe(before);
  });

  it("rejects bad input with a 4xx and writes nothing", async () => {
    const before = await countRows("districts");
    const bad: unknown[] = ["{not json", {}, { name: 42 }, { name: "" }, { name: "x".repeat(201) }, { name: "ok", extra: 1 }];
    for (const body of bad) {
      const res = await api(ADMIN_TOKEN, "POST", "/admin/districts", body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const err = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(err.code).toMatch(/invalid_json|validation_failed/);
    }
    expect(await countRows("districts")).toBe(before);
  });

  it("rotates a district token: the old one stops working at once", async () => {
    const d = await createDistrict();
    const res = await api(ADMIN_TOKEN, "POST", `/admin/districts/${d.id}/token`);
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(token).not.toBe(d.token);
    expect((await api(ADMIN_TOKEN, "POST", "/admin/districts/dst_nope/token")).status).toBe(404);
  });
});
