// Finding 6 of the trust issue: a `next` address may only lead back into this site.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNext } from "../src/lib/url";
import { Browser, insertParent, ORIGIN, postSignInForm } from "./world";


/** Where a browser really goes with this Location header. */
const landing = (res: Response) => new URL(res.headers.get("location") ?? "", ORIGIN);

/** What attackers put in `next`: other hosts spelled every way a browser still follows. */
const HOSTILE = [
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r\n/evil.example/x",
  "/\\evil.example/x",
  "/\\/evil.example/x",
  "//evil.example/x",
  "///evil.example/x",
  "/./\t/evil.example",
  "/.//evil.example/x",
  "/..//evil.example/x",
  "https://evil.example/x",
  "http:evil.example",
  "javascript:alert(1)",
  "\u0000/evil",
  "/\u0085/evil.example",
  " /x",
];

describe("next after sign-in", () => {
  it("a signed-in parent opening /sign-in?next=/%09/evil.example/x stays on this site", async () => {
    const user = await insertParent();
    const b = new Browser();
    await postSignInForm(b, user.email, user.password);
    const res = await b.get("/sign-in?next=/%09/evil.example/x", { follow: false });
    expect(res.status).toBe(303);
    expect(landing(res).origin).toBe(ORIGIN);
    expect(res.headers.get("location")).toBe("/");
  });

  it("a next with CR LF is not a 500, and goes home", async () => {
    const user = await insertParent();
    const b = new Browser();
    await postSignInForm(b, user.email, user.password);
    const res = await b.get("/sign-in?next=/%0d%0aSet-Cookie:%20x=1", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect(res.headers.get("set-cookie") ?? "").not.toContain("x=1");
  });

  it("the sign-in form never carries a hostile next back, and signing in lands here", async () => {
    const user = await insertParent();
    for (const next of ["/\t/evil.example/x", "/.//evil.example/x", "/\\evil.example"]) {
      const page = await new Browser().get(`/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain("evil.example");
    }
    const b = new Browser();
    const res = await b.post("/sign-in", { email: user.email, password: user.password, next: "/\t/evil.example/x" }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });

  it("a local next keeps its path, query and fragment", async () => {
    const user = await insertParent();
    const b = new Browser();
    const res = await b.post("/sign-in", { email: user.email, password: user.password, next: "/messages/thr_abc?x=1#m2" }, { follow: false });
    expect(res.headers.get("location")).toBe("/messages/thr_abc?x=1#m2");
  });

  it("a page behind sign-in sends the way back through next, and it survives the round trip", async () => {
    const user = await insertParent();
    const b = new Browser();
    const guarded = await b.get("/account?tab=1", { follow: false });
    const signInUrl = landing(guarded);
    expect(signInUrl.pathname).toBe("/sign-in");
    const next = signInUrl.searchParams.get("next") ?? "";
    expect(safeNext(next)).toBe("/account?tab=1");
    const res = await b.post("/sign-in", { email: user.email, password: user.password, next }, { follow: false });
    expect(res.headers.get("location")).toBe("/account?tab=1");
  });
});

describe("safeNext", () => {
  it("refuses every hostile spelling", () => {
    for (const next of HOSTILE) expect(safeNext(next), JSON.stringify(next)).toBe("/");
  });

  it("keeps ordinary local paths", () => {
    expect(safeNext("/")).toBe("/");
    expect(safeNext("/account")).toBe("/account");
    expect(safeNext("/teacher/sections/sec_1?notice=x")).toBe("/teacher/sections/sec_1?notice=x");
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext("")).toBe("/");
    // Already decoded once, "%09" is only three characters of a path on this site.
    expect(safeNext("/%09/evil.example/x")).toBe("/%09/evil.example/x");
  });

  it("for any string, the answer is / or a single-slash path that stays on our origin", () => {
    const prefix = fc.constantFrom("", "/", "//", "/\\", "\\", "/./", "/../", "/.//", "/%2e/", "/%2F", "http:", "https://", "/\t", "/ ", "/@", "/?", "/#");
    const anyString = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.webUrl(), fc.webPath());
    const origins = fc.constantFrom(ORIGIN, "https://family.example.org", "http://localhost:8814");
    fc.assert(
      fc.property(prefix, anyString, origins, (p, s, origin) => {
        const result = safeNext(p + s);
        expect(result === "/" || (result.startsWith("/") && !result.startsWith("//") && !result.startsWith("/\\"))).toBe(true);
        expect(new URL(result, origin).origin).toBe(origin);
        // Nothing that could split a header or hide a host.
        expect(result).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
      }),
      { numRuns: 2000 },
    );
  });
});
