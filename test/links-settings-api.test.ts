import { describe, expect, it } from "vitest";
import { api, countRows, createDistrict } from "./world";

interface ApiErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}
interface Link {
  key: string;
  title: string;
  url: string;
  audience: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
const lunch = { title: "Lunch menu", url: "https://district.test/lunch", audience: "families", description: "What's for lunch this week" };

describe("district links", () => {
  it("creates (201), replaces (200), lists and deletes a link, auditing each change", async () => {
    const d = await createDistrict();
    const created = await api(d.token, "PUT", "/links/lunch-menu", lunch);
    expect(created.status).toBe(201);
    const a = await json<Link>(created);
    expect(a).toMatchObject({ key: "lunch-menu", ...lunch });

    const replaced = await api(d.token, "PUT", "/links/lunch-menu", { title: "Menus", url: "http://district.test/menus?week=1", audience: "both" });
    expect(replaced.status).toBe(200);
    // A PUT is the whole link: the left-out description is cleared.
    expect(await json<Link>(replaced)).toMatchObject({ key: "lunch-menu", title: "Menus", audience: "both", description: null, createdAt: a.createdAt });

    expect((await api(d.token, "PUT", "/links/library", { title: "Library", url: "https://library.test/", audience: "students" })).status).toBe(201);
    const list = await json<{ data: Link[]; nextCursor: string | null }>(await api(d.token, "GET", "/links"));
    expect(list.data.map((l) => [l.key, l.audience])).toEqual([
      ["library", "students"],
      ["lunch-menu", "both"],
    ]);
    expect(list.nextCursor).toBeNull();

    const del = await api(d.token, "DELETE", "/links/lunch-menu");
    expect(del.status).toBe(204);
    expect((await api(d.token, "DELETE", "/links/lunch-menu")).status).toBe(404);
    expect(await countRows("district_links", "district_id = ?", d.id)).toBe(1);

    const actions = await countRows("audit_log", "district_id = ? AND action IN ('link.create','link.update','link.delete') AND actor_kind = 'district'", d.id);
    expect(actions).toBe(4);
  });

  it("accepts only absolute http(s) URLs and valid fields, writing nothing otherwise", async () => {
    const d = await createDistrict();
    const bad: [string, unknown][] = [
      ["/links/x", "{oops"],
      ["/links/x", { ...lunch, url: "javascript:alert(1)" }],
      ["/links/x", { ...lunch, url: "/relative/path" }],
      ["/links/x", { ...lunch, url: "ftp://district.test/file" }],
      ["/links/x", { ...lunch, url: "https://user:pass@district.test/" }],
      ["/links/x", { ...lunch, url: `https://district.test/${"a".repeat(2048)}` }],
      ["/links/x", { ...lunch, audience: "teachers" }],
      ["/links/x", { ...lunch, title: "" }],
      ["/links/x", { ...lunch, title: "t".repeat(201) }],
      ["/links/x", { ...lunch, description: "d".repeat(1001) }],
      ["/links/x", { ...lunch, title: 5 }],
      ["/links/x", { url: lunch.url, audience: "families" }],
      ["/links/x", { ...lunch, extra: 1 }],
      ["/links/bad%20key", lunch],
      [`/links/${"k".repeat(65)}`, lunch],
    ];
    for (const [path, body] of bad) {
      const res = await api(d.token, "PUT", path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await json<ApiErrorBody>(res)).error.code).toMatch(/^(invalid_json|validation_failed)$/);
    }
    expect(await countRows("district_links", "district_id = ?", d.id)).toBe(0);
    expect(await countRows("audit_log", "district_id = ? AND action LIKE 'link.%'", d.id)).toBe(0);
  });

  it("caps the number of links per district", async () => {
    const d = await createDistrict();
    for (let i = 0; i < 100; i++) {
      expect((await api(d.token, "PUT", `/links/l${i}`, lunch)).status).toBe(201);
    }
    const res = await api(d.token, "PUT", "/links/one-more", lunch);
    expect(res.status).toBe(409);
    expect((await json<ApiErrorBody>(res)).error.code).toBe("conflict");
    // Replacing an existing link is still fine.
    expect((await api(d.token, "PUT", "/links/l0", { ...lunch, title: "Still fine" })).status).toBe(200);
    expect(await countRows("district_links", "district_id = ?", d.id)).toBe(100);
  });

  it("keeps districts apart: 404 and no data for another district's links; 401 without a valid token", async () => {
    const a = await createDistrict();
    const b = await createDistrict();
    expect((await api(a.token, "PUT", "/links/lunch-menu", lunch)).status).toBe(201);
    expect((await api(b.token, "DELETE", "/links/lunch-menu")).status).toBe(404);
    expect((await json<{ data: Link[] }>(await api(b.token, "GET", "/links"))).data).toEqual([]);
    // B's own link with the same key is B's row; A's is untouched.
    expect((await api(b.token, "PUT", "/links/lunch-menu", { ...lunch, title: "B" })).status).toBe(201);
    expect((await json<{ data: Link[] }>(await api(a.token, "GET", "/links"))).data[0]?.title).toBe("Lunch menu");

    for (const token of [null, "fpd_wrong"]) {
      expect((await api(token, "GET", "/links")).status).toBe(401);
      expect((await api(token, "PUT", "/links/x", lunch)).status).toBe(401);
      expect((await api(token, "DELETE", "/links/lunch-menu")).status).toBe(401);
    }
    expect(await countRows("district_links", "district_id = ?", a.id)).toBe(1);
  });
});

describe("district settings", () => {
  it("reads the defaults and applies partial updates", async () => {
    const d = await createDistrict();
    expect(await json(await api(d.token, "GET", "/settings"))).toEqual({
      invitationMessage: null,
      reminderBeforeExpiry: false,
      invitationTtlDays: null,
      badgePin: false,
      timeZone: "America/New_York",
      smsPreview: false,
    });

    const res = await api(d.token, "PUT", "/settings", { invitationMessage: "  Welcome to Springfield!  ", invitationTtlDays: 30 });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ invitationMessage: "Welcome to Springfield!", reminderBeforeExpiry: false, invitationTtlDays: 30, badgePin: false, timeZone: "America/New_York", smsPreview: false });

    const more = await api(d.token, "PUT", "/settings", { reminderBeforeExpiry: true, badgePin: true });
    expect(await json(more)).toEqual({ invitationMessage: "Welcome to Springfield!", reminderBeforeExpiry: true, invitationTtlDays: 30, badgePin: true, timeZone: "America/New_York", smsPreview: false });

    const preview = await api(d.token, "PUT", "/settings", { smsPreview: true });
    expect(await json(preview)).toMatchObject({ smsPreview: true });

    const reset = await api(d.token, "PUT", "/settings", { invitationMessage: "", invitationTtlDays: null });
    expect(await json(reset)).toMatchObject({ invitationMessage: null, invitationTtlDays: null, reminderBeforeExpiry: true });
    expect(await json(await api(d.token, "GET", "/settings"))).toMatchObject({ badgePin: true, invitationTtlDays: null });
    expect(await countRows("audit_log", "district_id = ? AND action = 'settings.update'", d.id)).toBe(4);
  });

  it("rejects empty, unknown, out-of-range and wrongly typed settings without changing anything", async () => {
    const d = await createDistrict();
    expect((await api(d.token, "PUT", "/settings", { invitationTtlDays: 20 })).status).toBe(200);
    const bad: unknown[] = [
      "nope",
      {},
      { invitationTtlDays: 0 },
      { invitationTtlDays: 91 },
      { invitationTtlDays: 1.5 },
      { invitationTtlDays: "30" },
      { badgePin: "true" },
      { reminderBeforeExpiry: 1 },
      { invitationMessage: "m".repeat(1001) },
      { invitationMessage: 7 },
      { badgePin: true, colour: "red" },
    ];
    for (const body of bad) {
      const res = await api(d.token, "PUT", "/settings", body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await json(await api(d.token, "GET", "/settings"))).toEqual({ invitationMessage: null, reminderBeforeExpiry: false, invitationTtlDays: 20, badgePin: false, timeZone: "America/New_York", smsPreview: false });
    expect(await countRows("audit_log", "district_id = ? AND action = 'settings.update'", d.id)).toBe(1);
  });

  it("is per district and needs a valid token", async () => {
    const a = await createDistrict();
    const b = await createDistrict();
    expect((await api(a.token, "PUT", "/settings", { badgePin: true })).status).toBe(200);
    expect(await json(await api(b.token, "GET", "/settings"))).toMatchObject({ badgePin: false });
    for (const token of [null, "fpd_wrong"]) {
      expect((await api(token, "GET", "/settings")).status).toBe(401);
      expect((await api(token, "PUT", "/settings", { badgePin: false })).status).toBe(401);
    }
    expect(await json(await api(a.token, "GET", "/settings"))).toMatchObject({ badgePin: true });
  });
});
