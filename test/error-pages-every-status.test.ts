// Issue 14, item 2: every error a parent or teacher can meet on a phone — 404, 405, 410, 413, 429
// and 500 — is a real page: the site's layout, the mobile viewport, a plain sentence in the reader's
// language and a link home. Under /api/ the answer is JSON, whatever the method (a POST to an
// unknown API path is a JSON 404, not the pages' cross-site refusal).
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { LIMITS } from "../src/auth/rate-limiter";
import type { Bindings } from "../src/env";
import { englishLeftIn } from "./i18n-helpers";
import { api, Browser, browserAs, call, createDistrict, districtWithStudent, freshEmail, insertParent, inviteTo, ORIGIN, pageText, setInvitation } from "./world";

// The 429 case sends eleven real (Argon2id) password checks.
vi.setConfig({ testTimeout: 30_000 });

type Lang = "en" | "es";
const ACCEPT: Record<Lang, string> = { en: "en-US,en;q=0.9", es: "es-MX,es;q=0.9" };
const HOME: Record<Lang, string> = { en: "Go to the home page", es: "Ir a la página de inicio" };
const SAME_ORIGIN_FORM = { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" };

/** A whole page for a phone: layout header, viewport, a heading and a sentence, a link home inside main. */
async function expectErrorPage(res: Response, status: number, lang: Lang): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  expect(res.headers.get("content-language")).toBe(lang);
  const html = await res.text();
  expect(html).toMatch(new RegExp(`^<!doctype html><html lang="${lang}"`));
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
  expect(html).toMatch(/<header class="top"><a class="brand" href="\/">/);
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  expect(main).toMatch(/<h1>[^<]+<\/h1>/);
  expect(main).toMatch(/<p>[^<]{20,}/);
  expect(main).toContain(`<a href="/">${HOME[lang]}</a>`);
  const text = await pageText(new Response(html));
  if (lang === "es") expect(englishLeftIn(text)).toEqual([]);
  return text;
}

const brokenDb = new Proxy({}, { get: () => () => { throw new Error("D1 is unreachable (test)"); } }) as D1Database;

/** Each status, the request that meets it, and the words its page must say. */
const CASES: { status: number; what: string; meet: (lang: Lang) => Promise<Response>; says: Record<Lang, string> }[] = [
  {
    status: 404,
    what: "an address nothing answers",
    meet: (lang) => call("/no-such-page", { headers: { "accept-language": ACCEPT[lang] } }),
    says: { en: "Page not found", es: "Página no encontrada" },
  },
  {
    status: 405,
    what: "a form sent to a page that only shows (POST /help)",
    meet: (lang) => call("/help", { method: "POST", headers: { ...SAME_ORIGIN_FORM, "accept-language": ACCEPT[lang] }, body: "a=1" }),
    says: { en: "This page cannot do that", es: "Esta página no puede hacer eso" },
  },
  {
    status: 410,
    what: "an invitation the school took back",
    meet: async (lang) => {
      const { district, student } = await districtWithStudent();
      const sent = await inviteTo(district, student.sisId, freshEmail());
      await setInvitation(sent.id, { status: "revoked" });
      return call(`/i/${sent.token}`, { headers: { "accept-language": ACCEPT[lang] } });
    },
    says: { en: "", es: "" },
  },
  {
    status: 413,
    what: "a form over 64 KB",
    meet: (lang) =>
      call("/sign-in", {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "accept-language": ACCEPT[lang] },
        body: new URLSearchParams({ email: "a@example.com", password: "x".repeat(70 * 1024) }).toString(),
      }),
    says: { en: "Form too large", es: "Formulario demasiado grande" },
  },
  {
    status: 429,
    what: "too many sign-in tries for one address",
    meet: async (lang) => {
      const b = new Browser();
      const email = freshEmail();
      let res: Response | undefined;
      for (let i = 0; i <= LIMITS.signInPerAddress.limit; i++) {
        res = await b.post("/sign-in", { email, password: "not the password" }, { headers: { "accept-language": ACCEPT[lang], "cf-connecting-ip": `203.0.113.${lang === "en" ? 1 : 2}` } });
      }
      return res!;
    },
    says: { en: "", es: "" },
  },
  {
    status: 500,
    what: "a failure on our side",
    meet: async (lang) => {
      const parent = await insertParent();
      const b = await browserAs("parent", parent.id);
      const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      return call("/", { headers: { "accept-language": ACCEPT[lang], cookie } }, { ...env, DB: brokenDb } as Bindings);
    },
    says: { en: "Something went wrong on our side.", es: "Algo salió mal de nuestra parte." },
  },
];

describe("every error status is a page for a phone, in the reader's language, with a link home", () => {
  for (const c of CASES) {
    for (const lang of ["en", "es"] as const) {
      it(`${c.status} (${c.what}) in ${lang}`, async () => {
        const text = await expectErrorPage(await c.meet(lang), c.status, lang);
        expect(text).toContain(c.says[lang]);
      });
    }
  }

  it("405 says which methods the address takes (Allow), and a GET of it still works", async () => {
    const res = await call("/help", { method: "POST", headers: SAME_ORIGIN_FORM, body: "a=1" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toMatch(/GET/);
    expect((await call("/help")).status).toBe(200);
    // An address that takes POST only answers GET with a 405 page too (not a 404).
    const get = await call("/sign-out");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toMatch(/POST/);
  });

  it("/dev/* outside development is a 404 whatever the method (never a 405 that hints it exists)", async () => {
    const production = { ...env, ENVIRONMENT: "production" } as Bindings;
    const res = await call("/dev/mailbox", { method: "POST", headers: SAME_ORIGIN_FORM, body: "a=1" }, production);
    expect(res.status).toBe(404);
    expect(res.headers.get("allow")).toBeNull();
  });

  it("a 405 from htmx is still a whole page (htmx swaps the body of 4xx answers)", async () => {
    const res = await call("/help", { method: "POST", headers: { ...SAME_ORIGIN_FORM, "hx-request": "true", "hx-boosted": "true" }, body: "a=1" });
    expect(res.status).toBe(405);
    expect(await res.text()).toContain('<body hx-boost="true"');
  });
});

describe("under /api/ every error is JSON", () => {
  it("a POST to an unknown /api/v1 path is a JSON 404 (not the pages' cross-site 403)", async () => {
    const d = await createDistrict();
    for (const [method, path] of [["POST", "/no-such-route"], ["PUT", "/nothing/here"], ["DELETE", "/no-such-route"], ["PATCH", "/x"]] as const) {
      const res = await api(d.token, method, path, { a: 1 });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "No such route." } });
    }
  });

  it("outside /api/v1 too (/api/v2, /api/x): JSON 404, even cross-site and without a token", async () => {
    for (const path of ["/api/v2/students", "/api/x"]) {
      const res = await call(path, { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "cross-site", origin: "https://evil.example" }, body: "{}" });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "No such route." } });
    }
  });

  it("the API's own routes are untouched: a known route without a token is still 401 JSON", async () => {
    const res = await api(null, "GET", "/students");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
