import { describe, expect, it } from "vitest";
import { call, insertParent, openSession } from "./world";

describe("sign-out", () => {
  it("ends the session and asks the browser to forget cached pages and storage", async () => {
    const parent = await insertParent({ name: "Olu" });
    const { token } = await openSession("parent", parent.id);
    const res = await call("/sign-out", { method: "POST", headers: { cookie: `fp_session=${token}`, "sec-fetch-site": "same-origin" }, redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect((await call("/account", { headers: { cookie: `fp_session=${token}` }, redirect: "manual" })).status).toBe(303);
  });
});
