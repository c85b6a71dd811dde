import { describe, expect, it } from "vitest";
import { call, insertParent, openSession } from "./world";

describe("CSRF form token", () => {
  it("gives every form of a first-visit page the same token, matching the one cookie set", async () => {
    // Account settings has many forms (and the navigation's sign-out); no CSRF cookie yet.
    const parent = await insertParent({ name: "Casey" });
    const { token: session } = await openSession("parent", parent.id);
    const res = await call("/account", { headers: { cookie: `fp_session=${session}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const all = [...html.matchAll(/name="_csrf" value="([a-z2-7]+)"/g)].map((m) => m[1]);
    expect(all.length).toBeGreaterThan(2);
    const tokens = new Set(all);
    expect(tokens.size).toBe(1);
    const cookies = res.headers.getAll("set-cookie").filter((c) => c.startsWith("fp_csrf="));
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toContain(`fp_csrf=${[...tokens][0]}`);
  });

  it("accepts an old browser's form POST (no Origin, no Sec-Fetch-Site) only with the matching token", async () => {
    const first = await call("/sign-in");
    const token = (await first.text()).match(/name="_csrf" value="([a-z2-7]+)"/)![1]!;
    const post = (body: string) =>
      call("/sign-out", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", cookie: `fp_csrf=${token}` }, redirect: "manual" });
    expect((await post(`_csrf=${token}`)).status).toBe(303);
    expect((await post("_csrf=wrong")).status).toBe(403);
    expect((await post("")).status).toBe(403);
  });
});
