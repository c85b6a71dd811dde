/// <reference types="vite/client" />
// Finding 7 of the trust issue: /dev/* (every reset and invitation link in the outbox) exists only
// when ENVIRONMENT is exactly "development", and a plain `wrangler deploy` is not development.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import wranglerToml from "../wrangler.toml?raw";
import { config } from "../src/config";
import type { Bindings } from "../src/env";
import worker from "../src/index";
import { ADMIN_TOKEN, ORIGIN } from "./world";

/** The worker's own fetch (not only the Hono app) with ENVIRONMENT changed or removed. */
async function fetchWith(environment: string | undefined, path: string, init: RequestInit = {}): Promise<Response> {
  const { ENVIRONMENT: _, ...rest } = env as Bindings;
  const bindings = (environment === undefined ? rest : { ...rest, ENVIRONMENT: environment }) as Bindings;
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(ORIGIN + path, init) as Parameters<typeof worker.fetch>[0], bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** The `[vars]` table at the top of wrangler.toml (what a plain `wrangler deploy` publishes). */
function topLevelVars(toml: string): Record<string, string> {
  const vars: Record<string, string> = {};
  let inTopVars = false;
  for (const line of toml.split("\n")) {
    const header = line.match(/^\s*\[+([^\]]+)\]+\s*$/);
    if (header) {
      inTopVars = header[1]!.trim() === "vars";
      continue;
    }
    const kv = inTopVars ? line.match(/^\s*([A-Z_]+)\s*=\s*"([^"]*)"/) : null;
    if (kv) vars[kv[1]!] = kv[2]!;
  }
  return vars;
}

describe("/dev/* outside development", () => {
  for (const environment of ["staging", "", "Production", "production", "development ", "DEVELOPMENT", undefined]) {
    it(`is a 404 with ENVIRONMENT ${JSON.stringify(environment) ?? "unset"}`, async () => {
      for (const path of ["/dev/mailbox", "/dev/mailbox.json", "/dev/mailbox/msg_x", "/dev/fail"]) {
        const res = await fetchWith(environment, path);
        expect(res.status, path).toBe(404);
      }
    });
  }

  it("is there with ENVIRONMENT exactly development", async () => {
    expect((await fetchWith("development", "/dev/mailbox")).status).toBe(200);
    expect((await fetchWith("development", "/dev/mailbox.json")).status).toBe(200);
  });

  it("/dev/fail shows the 500 page in development (so it can be seen and tested in a browser)", async () => {
    const res = await fetchWith("development", "/dev/fail");
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toMatch(/<a[^>]*href="\/"/);
  });

  it("API answers count D1 statements only in development", async () => {
    const init = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    expect((await fetchWith("development", "/api/v1/admin/districts", init)).headers.get("x-d1-statements")).not.toBeNull();
    for (const environment of ["staging", "production", undefined]) {
      const res = await fetchWith(environment, "/api/v1/admin/districts", init);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-d1-statements")).toBeNull();
    }
  });
});

describe("wrangler.toml", () => {
  it("a plain `wrangler deploy` (top-level vars) is production, not development, and names no PUBLIC_URL", () => {
    const vars = topLevelVars(wranglerToml);
    expect(vars.ENVIRONMENT).toBe("production");
    // A local address there would be mailed in every invitation of a plain deploy.
    expect(vars.PUBLIC_URL).toBeUndefined();
    expect(wranglerToml).toMatch(/\[env\.production\.vars\]\s*\nPUBLIC_URL = "https:\/\//);
  });

  it("outside development, a worker without PUBLIC_URL refuses to run and says how to deploy", async () => {
    const { PUBLIC_URL: _, ...rest } = env as Bindings;
    for (const environment of ["production", undefined]) {
      const bindings = (environment === undefined ? (({ ENVIRONMENT: _e, ...r }) => r)(rest) : { ...rest, ENVIRONMENT: environment }) as Bindings;
      const ctx = createExecutionContext();
      await expect(async () => worker.fetch(new Request(`${ORIGIN}/`) as Parameters<typeof worker.fetch>[0], bindings, ctx)).rejects.toThrow(/PUBLIC_URL is not set.*npm run deploy/);
    }
    expect(() => config({ ...rest, ENVIRONMENT: "production", PUBLIC_URL: "family.example.org" })).toThrow(/PUBLIC_URL "family.example.org" is not an http\(s\) URL/);
  });

  it("in development PUBLIC_URL defaults to wrangler dev's address, and a set one wins (without its trailing slash)", () => {
    const { PUBLIC_URL: _, ...rest } = env as Bindings;
    expect(config({ ...rest, ENVIRONMENT: "development" }).publicUrl).toBe("http://127.0.0.1:8787");
    expect(config({ ...rest, ENVIRONMENT: "development", PUBLIC_URL: "http://127.0.0.1:8799/" }).publicUrl).toBe("http://127.0.0.1:8799");
    expect(config({ ...rest, ENVIRONMENT: "production", PUBLIC_URL: "https://family.example.org" }).publicUrl).toBe("https://family.example.org");
  });

  it("the tests themselves run as development (from the vitest bindings)", () => {
    expect((env as Bindings).ENVIRONMENT).toBe("development");
  });
});
