import { describe, expect, it } from "vitest";
import { api as apiApp } from "../src/api";
import { api } from "./world";

type Doc = { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> };

describe("GET /api/v1/openapi.json", () => {
  it("is public and describes every API route the app serves", async () => {
    const res = await api(null, "GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const served = new Set(
      apiApp.routes
        .filter((r) => r.method !== "ALL" && r.path !== "/openapi.json")
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect(served.size).toBeGreaterThan(25);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it("takes request bodies from the validating schemas", async () => {
    const doc = (await (await api(null, "GET", "/openapi.json")).json()) as Doc;
    const inv = doc.paths["/invitations"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(inv?.properties ?? {})).toEqual(expect.arrayContaining(["studentSisId", "email", "phone"]));
  });

  it("describes the OneRoster upload as a zip body, not JSON", async () => {
    const doc = (await (await api(null, "GET", "/openapi.json")).json()) as Doc;
    const upload = doc.paths["/roster/oneroster"]?.post?.requestBody?.content;
    expect(Object.keys(upload ?? {})).toEqual(["application/zip"]);
  });
});
