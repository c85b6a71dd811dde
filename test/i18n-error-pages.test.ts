// Every error page in the reader's language (issue 12): the 404 for an unknown address, the
// cross-site form refusal (403), the 64 KB form limit (413), an unreadable form (400) and a failure
// on our side (500). Some are answered before chooseLanguage runs (body limit, CSRF, loading the
// signed-in person): they read the switcher's cookie and Accept-Language. The API's JSON errors
// stay English.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../src/env";
import { englishLeftIn } from "./i18n-helpers";
import { api, Browser, browserAs, call, createDistrict, insertParent, ORIGIN, pageText } from "./world";

const ES = { "accept-language": "es-MX,es;q=0.9" };
const SAME_ORIGIN_FORM = { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" };

/** The page is whole, in Spanish, says so, and shows no English catalog phrase. */
async function expectSpanishPage(res: Response, status: number, title: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  expect(res.headers.get("content-language")).toBe("es");
  const html = await res.text();
  expect(html).toMatch(/^<!doctype html><html lang="es" dir="ltr">/);
  const text = await pageText(new Response(html));
  expect(text).toContain(title);
  expect(text).toContain("Ir a la página de inicio");
  expect(englishLeftIn(text)).toEqual([]);
}

describe("404: an address nothing answers", () => {
  it("is a page in the browser's language, in the layout with the language switcher", async () => {
    const res = await call("/no-such-page", { headers: ES });
    expect(res.headers.get("vary")).toMatch(/Accept-Language/);
    await expectSpanishPage(res.clone(), 404, "Página no encontrada");
    expect(await res.text()).toMatch(/<button[^>]*name="lang"[^>]*value="en"/);
    const english = await call("/no-such-page");
    expect(english.status).toBe(404);
    expect(english.headers.get("content-language")).toBe("en");
    expect(await pageText(english)).toContain("Page not found");
  });

  it("follows the switcher's cookie and a signed-in parent's saved language", async () => {
    const b = new Browser();
    await b.post("/language", { lang: "es", back: "/" });
    await expectSpanishPage(await b.request("/teacher/nothing-here", { headers: { "accept-language": "en" } }), 404, "Página no encontrada");
    const parent = await insertParent();
    await env.DB.prepare("UPDATE users SET language = 'es' WHERE id = ?").bind(parent.id).run();
    const signedIn = await browserAs("parent", parent.id);
    await expectSpanishPage(await signedIn.request("/children/nope/nothing", { headers: { "accept-language": "en-US" } }), 404, "Página no encontrada");
  });

  it("outside the pages too (/dev/* when not in development), without the layout", async () => {
    const production = { ...env, ENVIRONMENT: "production" } as Bindings;
    await expectSpanishPage(await call("/dev/mailbox", { headers: ES }, production), 404, "Página no encontrada");
  });

  it("stays JSON, in English, under /api/", async () => {
    const d = await createDistrict();
    const res = await api(d.token, "GET", "/no-such-route", undefined, ES);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "No such route." } });
  });
});

describe("403: a form sent from another site", () => {
  it("is refused in the browser's language or the switcher's, before anything reads the session", async () => {
    const res = await call("/forgot-password", { method: "POST", headers: { ...ES, "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" }, body: "email=a%40example.com" });
    await expectSpanishPage(res, 403, "Formulario rechazado");
    const byCookie = await call("/forgot-password", {
      method: "POST",
      headers: { cookie: "fp_lang=es", "accept-language": "en", "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: "email=a%40example.com",
    });
    await expectSpanishPage(byCookie, 403, "Este formulario se envió desde otro sitio");
    const english = await call("/forgot-password", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" }, body: "email=a%40example.com" });
    expect(english.status).toBe(403);
    expect(english.headers.get("content-language")).toBe("en");
    expect(await pageText(english)).toContain("This form was sent from another site, so it was refused.");
  });
});

describe("413: a form over 64 KB", () => {
  it("is refused in Spanish, the limit written with Intl", async () => {
    const body = new URLSearchParams({ email: "a@example.com", password: "x".repeat(70 * 1024) }).toString();
    const res = await call("/sign-in", { method: "POST", headers: { ...SAME_ORIGIN_FORM, ...ES }, body });
    await expectSpanishPage(res.clone(), 413, "Formulario demasiado grande");
    expect(await pageText(res)).toContain("(más de 64 KB)");
  });
});

describe("400: a form that cannot be read", () => {
  it("is a page in Spanish", async () => {
    const res = await call("/sign-in", { method: "POST", headers: { ...ES, origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "multipart/form-data" }, body: "not multipart at all" });
    await expectSpanishPage(res, 400, "No se pudo leer el formulario");
  });
});

describe("500: something failed on our side", () => {
  /** D1 unreachable: every statement fails. */
  const brokenDb = new Proxy({}, { get: () => () => { throw new Error("D1 is unreachable (test)"); } }) as D1Database;

  it("is a small page of its own in the request's language (the layout may be what failed)", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await call("/", { headers: { ...ES, cookie } }, { ...env, DB: brokenDb } as Bindings);
    await expectSpanishPage(res.clone(), 500, "Algo salió mal");
    expect(await res.text()).not.toContain("D1 is unreachable");
    const english = await call("/", { headers: { cookie } }, { ...env, DB: brokenDb } as Bindings);
    expect(english.status).toBe(500);
    expect(await pageText(english)).toContain("Something went wrong on our side.");
  });
});
