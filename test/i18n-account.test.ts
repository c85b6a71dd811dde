// Sign-in, forgot/reset password and Account settings in Spanish (the 401/422/429 answers too),
// Account settings → Language, a saved language after signing in through the real form, and the
// account emails in the account's own language.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { englishLeftIn } from "./i18n-helpers";
import { BrowserIn, htmlLang, spanishPage } from "./i18n-pages";
import { Browser, browserAs, DEFAULT_PASSWORD, freshEmail, insertParent, lastMailTo, openSession, pageText, postSignInForm, requestResetLink, userRow } from "./world";

const PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

async function setLanguage(userId: string, language: string | null): Promise<void> {
  await env.DB.prepare("UPDATE users SET language = ? WHERE id = ?").bind(language, userId).run();
}

/** A parent signed in in a browser that asks for Spanish (no saved language). */
async function spanishParent(opts: { password?: string | null } = {}) {
  const parent = opts.password === null ? await insertParent({ password: null, googleSub: `sub-${freshEmail()}` }) : await insertParent();
  const b = new BrowserIn("es", PHONE_UA);
  b.cookies.set("fp_session", (await openSession("parent", parent.id, PHONE_UA)).token);
  return { parent, b };
}

describe("sign-in in Spanish", () => {
  it("the page, its 422, 401 and 403 answers", async () => {
    const b = new BrowserIn("es-MX");
    expect(await spanishPage(await b.get("/sign-in"))).toContain("¿Olvidó su contraseña?");
    expect(await spanishPage(await b.post("/sign-in", { email: "", password: "" }), 422)).toContain("Escriba su correo electrónico y su contraseña.");
    const parent = await insertParent();
    expect(await spanishPage(await postSignInForm(b, parent.email, "not the password"), 401)).toContain("El correo electrónico o la contraseña no son correctos.");
    const unverified = await insertParent({ verified: false });
    expect(await spanishPage(await postSignInForm(b, unverified.email, DEFAULT_PASSWORD), 403)).toContain("Primero confirme su dirección de correo electrónico.");
  });

  it("too many tries: the 429 page says how long, in Spanish", async () => {
    const email = freshEmail();
    const b = new BrowserIn("es");
    let res: Response | null = null;
    for (let i = 0; i < 11; i++) res = await b.post("/sign-in", { email, password: "wrong password" });
    const text = await spanishPage(res!, 429);
    expect(text).toContain("Demasiados intentos");
    expect(text).toMatch(/Espere unos (\d+ segundos|un minuto|\d+ minutos) e intente de nuevo/);
  });

  it("a parent who saved Español gets Spanish pages after signing in through the form, whatever the browser asks", async () => {
    const parent = await insertParent();
    await setLanguage(parent.id, "es");
    const b = new BrowserIn("en-US,en;q=0.9");
    expect(await htmlLang(await b.get("/sign-in"))).toBe("en");
    const home = await postSignInForm(b, parent.email, DEFAULT_PASSWORD);
    expect(home.status).toBe(200);
    expect(await htmlLang(home)).toBe("es");
    await spanishPage(await b.get("/account"));
  });
});

describe("forgot and reset password in Spanish", () => {
  it("the forgot page, its 422 and the neutral answer", async () => {
    const b = new BrowserIn("es");
    await spanishPage(await b.get("/forgot-password"));
    expect(await spanishPage(await b.post("/forgot-password", { email: "nope" }), 422)).toContain("Escriba una dirección de correo electrónico como nombre@ejemplo.com.");
    expect(await spanishPage(await b.post("/forgot-password", { email: freshEmail() }))).toContain("Si alguna cuenta usa esa dirección, le enviamos un enlace.");
  });

  it("the reset page, its 422, and the link's problem pages", async () => {
    const parent = await insertParent();
    const token = await requestResetLink(parent.email);
    const b = new BrowserIn("es");
    expect(await spanishPage(await b.get(`/reset-password/${token}`))).toContain("Elija una contraseña nueva");
    expect(await spanishPage(await b.post(`/reset-password/${token}`, { password: "short" }), 422)).toContain("Use al menos 8 caracteres.");
    expect(await spanishPage(await b.post(`/reset-password/${token}`, {}), 422)).toContain("Elija una contraseña nueva.");
    await spanishPage(await b.get(`/reset-password/${"a".repeat(32)}`), 404);
    const done = await b.post(`/reset-password/${token}`, { password: "maple syrup on thursdays" });
    expect(await spanishPage(done)).toContain("Se guardó su contraseña nueva y tiene la sesión iniciada en este dispositivo.");
    expect(await spanishPage(await new BrowserIn("es").get(`/reset-password/${token}`), 410)).toContain("Este enlace ya se usó");
  });

  it("the reset email goes in the account's language, whoever asks", async () => {
    const spanish = await insertParent();
    await setLanguage(spanish.id, "es");
    await requestResetLink(spanish.email);
    const es = await lastMailTo(spanish.email);
    expect(es?.kind).toBe("password_reset");
    expect(es?.subject).toBe("Restablezca su contraseña de Family Portal");
    expect(es?.body_text).toContain("El enlace funciona una sola vez y durante una hora.");
    expect(es?.body_html).toMatch(/<html lang="es" dir="ltr">/);
    expect(englishLeftIn(`${es?.subject} ${es?.body_text}`)).toEqual([]);

    const google = await insertParent({ password: null, googleSub: "sub-google-es" });
    await setLanguage(google.id, "es-419");
    await requestResetLink(google.email).catch(() => undefined);
    const g = await lastMailTo(google.email);
    expect(g?.kind).toBe("password_reset_google");
    expect(g?.subject).toBe("Cómo iniciar sesión en Family Portal");
    expect(englishLeftIn(`${g?.subject} ${g?.body_text}`)).toEqual([]);

    const english = await insertParent();
    await requestResetLink(english.email);
    expect((await lastMailTo(english.email))?.subject).toBe("Reset your Family Portal password");
  });
});

describe("Account settings in Spanish", () => {
  it("the page with its sessions, each 422 re-render, the not-found device and the delete pages", async () => {
    const { parent, b } = await spanishParent();
    await openSession("parent", parent.id, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
    const page = await spanishPage(await b.get("/account"));
    for (const words of ["Configuración de la cuenta", "Chrome en Android", "este dispositivo", "Safari en iPhone", "Cerrar la sesión en Safari en iPhone", "3 horas", "Sesión iniciada:"]) {
      expect(page).toContain(words);
    }
    // Dates in Spanish, naming the zone.
    expect(page).toMatch(/\d{1,2} [a-z]{3,4}\.? \d{4}/);

    expect(await spanishPage(await b.post("/account/name", { name: "" }), 422)).toContain("Escriba su nombre.");
    expect(await spanishPage(await b.post("/account/name", { name: "Ana", extra: "x" }), 422)).toContain("Este formulario tenía campos que no conocemos.");
    expect(await spanishPage(await b.post("/account/notifications", { notifyUnread: "yes" }), 422)).toContain("Elija una de las opciones.");
    expect(await spanishPage(await b.post("/account/password", { currentPassword: "wrong one", newPassword: "maple syrup on thursdays" }), 422)).toContain(
      "Esa no es su contraseña actual.",
    );
    expect(await spanishPage(await b.post("/account/password", { currentPassword: DEFAULT_PASSWORD, newPassword: "password1" }), 422)).toContain(
      "Esa contraseña es una de las más comunes",
    );
    expect(await spanishPage(await b.post("/account/language", { language: "xx" }), 422)).toContain("Elija uno de los idiomas.");
    await spanishPage(await b.post("/account/sessions/ses_unknown/end"), 404);

    expect(await spanishPage(await b.post("/account/name", { name: "Ana Ruiz" }))).toContain("Se guardó su nombre.");
    expect(await spanishPage(await b.post("/account/notifications", {}))).toContain("No recibirá correos sobre mensajes sin leer.");
    expect(await spanishPage(await b.post("/account/sessions/end-others"))).toContain("Se cerró la sesión en todos los demás dispositivos.");

    expect(await spanishPage(await b.get("/account/delete"))).toContain("Eliminar su cuenta");
    const wrong = await spanishPage(await b.post("/account/delete", { password: "not it" }), 422);
    expect(wrong).toContain("Esa no es su contraseña.");
    expect(wrong).toContain("Revise el formulario de abajo.");
  });

  it("a Google-only account: its password card, and typing the email to delete", async () => {
    const { parent, b } = await spanishParent({ password: null });
    expect(await spanishPage(await b.get("/account"))).toContain("Usted inicia sesión con Google");
    expect(await spanishPage(await b.post("/account/password", { currentPassword: "x", newPassword: "maple syrup on thursdays" }), 422)).toContain(
      "no tiene una contraseña que cambiar",
    );
    expect(await spanishPage(await b.get("/account/delete"))).toContain(`Escriba ${parent.email} para confirmar.`);
    expect(await spanishPage(await b.post("/account/delete", { email: "someone@example.com" }), 422)).toContain("tal como aparece");
  });

  it("the password-changed email goes in the account's language", async () => {
    const { parent, b } = await spanishParent();
    await setLanguage(parent.id, "es");
    expect(await spanishPage(await b.post("/account/password", { currentPassword: DEFAULT_PASSWORD, newPassword: "maple syrup on thursdays" }))).toContain(
      "Se guardó su contraseña nueva.",
    );
    const mail = await lastMailTo(parent.email);
    expect(mail?.kind).toBe("password_changed");
    expect(mail?.subject).toBe("Se cambió su contraseña de Family Portal");
    expect(mail?.body_html).toMatch(/<html lang="es"/);
    expect(englishLeftIn(`${mail?.subject} ${mail?.body_text}`)).toEqual([]);

    const english = await insertParent();
    const en = await browserAs("parent", english.id);
    await en.get("/account");
    await en.post("/account/password", { currentPassword: DEFAULT_PASSWORD, newPassword: "maple syrup on thursdays" });
    expect((await lastMailTo(english.email))?.subject).toBe("Your Family Portal password was changed");
  });
});

describe("page budgets in Spanish (SPEC 4: ≤ 14 KB compressed)", () => {
  it("Account settings with five devices, the delete page and sign-in", async () => {
    const { parent, b } = await spanishParent();
    for (let i = 0; i < 4; i++) await openSession("parent", parent.id, PHONE_UA);
    const gzipSize = async (res: Response) =>
      (await new Response((await res.blob()).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer()).byteLength;
    expect(await gzipSize(await b.get("/account"))).toBeLessThan(14 * 1024);
    expect(await gzipSize(await b.get("/account/delete"))).toBeLessThan(14 * 1024);
    expect(await gzipSize(await new BrowserIn("es").get("/sign-in"))).toBeLessThan(14 * 1024);
  });
});

describe("Account settings → Language", () => {
  it("lists each language by its own name, the page's checked, and saves the choice without JavaScript", async () => {
    const parent = await insertParent();
    const b = new Browser();
    b.cookies.set("fp_session", (await openSession("parent", parent.id, b.userAgent)).token);
    const html = await (await b.get("/account")).text();
    expect(html).toMatch(/<form method="post" action="\/account\/language"/);
    expect(html).toMatch(/<input id="f-language-en" name="language" type="radio" value="en" checked=""\s*\/?>/);
    expect(html).toMatch(/<label for="f-language-es" class="inline-label" lang="es">Español<\/label>/);

    const saved = await b.post("/account/language", { language: "es" }, { follow: false });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/account?done=language");
    expect((await userRow(parent.id))?.language).toBe("es");
    const page = await b.get("/account?done=language");
    expect(await spanishPage(page)).toContain("Se guardó su idioma.");
    expect(await (await b.get("/account")).text()).toMatch(/<input id="f-language-es" name="language" type="radio" value="es" checked=""/);

    // Any other browser, once signed in, and the emails follow the account.
    const elsewhere = new BrowserIn("en-US");
    await postSignInForm(elsewhere, parent.email, DEFAULT_PASSWORD);
    expect(await htmlLang(await elsewhere.get("/account"))).toBe("es");

    // And back to English.
    await b.post("/account/language", { language: "en" });
    expect((await userRow(parent.id))?.language).toBe("en");
    const back = await pageText(await b.get("/account?done=language"));
    expect(back).toContain("Your language is saved.");
  });
});
