import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api as apiApp } from "../src/api";
import { openApiDocument } from "../src/api/openapi";
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

  it("answers, byte for byte, the document built from the validating schemas, with this deployment's server", async () => {
    // The worker serves the copy scripts/build-static.mjs wrote as a static asset; it must be today's.
    const res = await api(null, "GET", "/openapi.json");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.text()).toBe(JSON.stringify(openApiDocument(env.PUBLIC_URL!)));
    expect(((await (await api(null, "GET", "/openapi.json")).json()) as { servers: unknown }).servers).toEqual([{ url: `${env.PUBLIC_URL}/api/v1` }]);
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
