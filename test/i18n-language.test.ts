// Who gets which language (saved → switcher → invitation → Accept-Language → English), and the
// switcher on every page, without JavaScript.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { acceptedLanguages, closestLanguage, resolveLanguage } from "../src/i18n/negotiate";
import { Browser, browserAs, call, insertParent, teacherWorld } from "./world";

const htmlLang = async (res: Response) => (await res.text()).match(/<html lang="([^"]+)" dir="(ltr|rtl)"/)?.slice(1);

describe("negotiation", () => {
  it("maps any BCP 47 tag to the closest catalog, or none", () => {
    expect(closestLanguage("es-MX")).toBe("es");
    expect(closestLanguage("ES")).toBe("es");
    expect(closestLanguage("en-GB")).toBe("en");
    expect(closestLanguage("vi")).toBeNull();
    expect(closestLanguage("not a tag")).toBeNull();
    expect(closestLanguage(null)).toBeNull();
  });

  it("reads Accept-Language by preference", () => {
    expect(acceptedLanguages("vi;q=0.9, es-MX, en;q=0.5")).toEqual(["es-MX", "vi", "en"]);
    expect(acceptedLanguages("*, fr;q=0")).toEqual([]);
  });

  it("first match wins: saved, chosen, invitation, browser, English", () => {
    expect(resolveLanguage({ saved: "en", chosen: "es", invitation: "es", acceptLanguage: "es" })).toBe("en");
    expect(resolveLanguage({ saved: null, chosen: "es", invitation: "en", acceptLanguage: "en" })).toBe("es");
    expect(resolveLanguage({ invitation: "es-419", acceptLanguage: "en" })).toBe("es");
    expect(resolveLanguage({ invitation: "vi", acceptLanguage: "vi, es;q=0.8" })).toBe("es");
    expect(resolveLanguage({ acceptLanguage: "vi, fr" })).toBe("en");
    expect(resolveLanguage({})).toBe("en");
  });
});

describe("pages", () => {
  it("a browser asking for es-MX gets <html lang=es>, in Spanish, and says so in Content-Language", async () => {
    const res = await call("/sign-in", { headers: { "accept-language": "es-MX,es;q=0.9,en;q=0.5" } });
    expect(res.headers.get("content-language")).toBe("es");
    expect(res.headers.get("vary")).toMatch(/Accept-Language/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="es" dir="ltr">/);
    expect(html).toContain("Ir al contenido");
  });

  it("the switcher (a plain form) shows the same page in the other language and back, and remembers it", async () => {
    const b = new Browser();
    const first = await b.request("/help", { headers: { "accept-language": "es-MX" } });
    const page = await first.text();
    expect(page).toMatch(/<html lang="es"/);
    expect(page).toMatch(/<button[^>]*name="lang"[^>]*value="en"[^>]*lang="en"[^>]*>English<\/button>/);
    expect(page).toContain('name="back" value="/help"');

    const toEnglish = await b.post("/language", { lang: "en", back: "/help" }, { follow: false });
    expect(toEnglish.status).toBe(303);
    expect(toEnglish.headers.get("location")).toBe("/help");
    expect(await htmlLang(await b.request("/help", { headers: { "accept-language": "es-MX" } }))).toEqual(["en", "ltr"]);

    await b.post("/language", { lang: "es", back: "/help" });
    expect(await htmlLang(await b.get("/help"))).toEqual(["es", "ltr"]);
  });

  it("refuses an unknown language and a foreign return address", async () => {
    const b = new Browser();
    await b.get("/help");
    const odd = await b.post("/language", { lang: "xx", back: "//evil.example/" }, { follow: false });
    expect(odd.status).toBe(303);
    expect(odd.headers.get("location")).toBe("/");
    expect(b.cookies.has("fp_lang")).toBe(false);
  });

  it("a signed-in parent's choice is saved to the account and follows them to any browser", async () => {
    const { id } = await insertParent({ name: "Lucia Ramos" });
    const phone = await browserAs("parent", id);
    await phone.post("/language", { lang: "es", back: "/" });
    expect((await env.DB.prepare("SELECT language FROM users WHERE id = ?").bind(id).first<{ language: string }>())?.language).toBe("es");
    // Another browser that asks for English still gets Spanish once she is signed in.
    const laptop = await browserAs("parent", id);
    expect(await htmlLang(await laptop.request("/account", { headers: { "accept-language": "en-US" } }))).toEqual(["es", "ltr"]);
  });

  it("a teacher's choice is saved too, and a teacher in English is not moved by a Spanish browser", async () => {
    const w = await teacherWorld();
    const t = await browserAs("teacher", w.ids.T1);
    await t.post("/language", { lang: "en", back: "/teacher" });
    expect((await env.DB.prepare("SELECT language FROM teachers WHERE id = ?").bind(w.ids.T1).first<{ language: string }>())?.language).toBe("en");
    expect(await htmlLang(await t.request("/teacher", { headers: { "accept-language": "es" } }))).toEqual(["en", "ltr"]);
  });
});
