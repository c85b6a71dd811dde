import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createSession } from "../src/auth/sessions";
import { getDb } from "../src/db/client";
import { call } from "./helpers";

describe("sign-out", () => {
  it("ends the session and asks the browser to forget cached pages and storage", async () => {
    const t = Date.now();
    await env.DB.prepare("INSERT INTO users (id, email, email_verified_at, name, created_at, updated_at) VALUES ('usr_out', 'out@example.com', ?, 'Olu', ?, ?)").bind(t, t, t).run();
    const { token } = await createSession(getDb(env.DB), "parent", "usr_out");
    const res = await call("/sign-out", { method: "POST", headers: { cookie: `fp_session=${token}`, "sec-fetch-site": "same-origin" }, redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect((await call("/account", { headers: { cookie: `fp_session=${token}` }, redirect: "manual" })).status).toBe(303);
  });
});
