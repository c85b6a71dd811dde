// Finding 12 of the trust issue: a page form over 64 KB is refused with 413 before it is read,
// with or without a Content-Length; the API keeps its own (8 MiB, JSON) limit and answer.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../src/index";
import { ADMIN_TOKEN, api, Browser, call, countRows, freshEmail, insertParent, ORIGIN, pageText } from "./world";


const SAME_ORIGIN = { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" };

/** A urlencoded sign-in form of about `bytes` bytes (the padding is in the password). */
function bigForm(email: string, bytes: number): string {
  return new URLSearchParams({ email, password: "x".repeat(bytes) }).toString();
}

/** The same body as a stream of small chunks: no Content-Length, as with Transfer-Encoding: chunked. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 4096));
      at += 4096;
    },
  });
}

/**
 * Straight into the worker's fetch: a stream handed through the test's service binding is pumped
 * by workerd, which reports the refused rest of it as a lost connection.
 */
async function fetchWorker(path: string, init: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(ORIGIN + path, { redirect: "manual", ...init }) as Parameters<typeof worker.fetch>[0], env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("page bodies over 64 KB", () => {
  it("a 70 KB sign-in form is a 413 in words, and nothing is written", async () => {
    const user = await insertParent();
    const sessions = await countRows("sessions");
    const res = await call("/sign-in", { method: "POST", headers: SAME_ORIGIN, body: bigForm(user.email, 70 * 1024) });
    expect(res.status).toBe(413);
    const text = await pageText(res);
    expect(text).toContain("This form is too large");
    expect(text.length).toBeLessThan(1000);
    expect(await countRows("sessions")).toBe(sessions);
  });

  it("holds for a chunked body with no Content-Length", async () => {
    const user = await insertParent();
    const sessions = await countRows("sessions");
    const res = await fetchWorker("/sign-in", { method: "POST", headers: { ...SAME_ORIGIN, "transfer-encoding": "chunked" }, body: chunked(bigForm(user.email, 70 * 1024)) });
    expect(res.status).toBe(413);
    expect(await pageText(res)).toContain("This form is too large");
    expect(await countRows("sessions")).toBe(sessions);
  });

  it("holds before the CSRF check reads a form without Origin or Sec-Fetch-Site", async () => {
    const res = await fetchWorker("/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: "fp_csrf=abc" },
      body: chunked(`_csrf=abc&${bigForm(freshEmail(), 70 * 1024)}`),
    });
    expect(res.status).toBe(413);
  });

  it("a normal form still works, streamed or not", async () => {
    const user = await insertParent();
    const b = new Browser();
    const res = await b.post("/sign-in", { email: user.email, password: user.password }, { follow: false });
    expect(res.status).toBe(303);
    expect(b.session).toBeDefined();
    const streamed = await fetchWorker("/sign-in", {
      method: "POST",
      headers: SAME_ORIGIN,
      body: chunked(new URLSearchParams({ email: user.email, password: user.password, next: "/account" }).toString()),
    });
    expect(streamed.status).toBe(303);
    expect(streamed.headers.get("location")).toBe("/account");
  });

  it("the API keeps its own JSON limit and answer: a 70 KB body is fine there", async () => {
    const res = await api(ADMIN_TOKEN, "POST", "/admin/districts", JSON.stringify({ name: "Big Body District", padding: "x".repeat(70 * 1024) }));
    expect(res.status).not.toBe(413);
    expect(res.headers.get("content-type")).toContain("application/json");
    const big = await api(ADMIN_TOKEN, "POST", "/admin/districts", JSON.stringify({ name: "x".repeat(9 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });
});
