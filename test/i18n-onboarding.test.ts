// Onboarding in Spanish: every page of the invitation link, the siblings, the account step and
// the email confirmation, for a browser that asks for Spanish or an invitation whose family speaks
// it; the 422/429 answers too. Each page says <html lang="es"> and shows no English catalog phrase.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { englishLeftIn } from "./i18n-helpers";
import { BrowserIn, htmlLang, spanishPage } from "./i18n-pages";
import {
  api,
  confirmChild,
  contactIdFor,
  districtWithSiblings,
  freshEmail,
  GoogleBrowser,
  insertParent,
  inviteSiblings,
  inviteTo,
  lastMailTo,
  latestLinkToken,
  postSignUpForm,
  setInvitation,
  signInAs,
  stubGoogle,
  userRow,
} from "./world";

async function setContactLanguage(invitationId: string, language: string | null): Promise<void> {
  await env.DB.prepare("UPDATE guardian_contacts SET language = ? WHERE id = ?").bind(language, await contactIdFor(invitationId)).run();
}

describe("the invitation link in Spanish", () => {
  it("a browser asking for es-MX gets the whole invitation page in Spanish (no language on the invitation)", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const text = await spanishPage(await new BrowserIn("es-MX,es;q=0.9,en;q=0.5").get(`/i/${inv.token}`));
    for (const words of ["¿Es su hijo o hija?", "Sí, es mi hijo o hija", "No es mi hijo ni mi hija", "Escuela", "Maya Johnson", "Maple Grove Elementary"]) {
      expect(text).toContain(words);
    }
  });

  it("an invitation whose contact speaks Spanish is Spanish to an English browser, unless the switcher or a saved language says otherwise", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    await setContactLanguage(inv.id, "es-MX");
    const english = new BrowserIn("en-US,en;q=0.9");
    await spanishPage(await english.get(`/i/${inv.token}`));

    // The switcher (a plain form) turns it into English and back.
    await english.post("/language", { lang: "en", back: `/i/${inv.token}` });
    expect(await htmlLang(await english.get(`/i/${inv.token}`))).toBe("en");
    await english.post("/language", { lang: "es", back: `/i/${inv.token}` });
    expect(await htmlLang(await english.get(`/i/${inv.token}`))).toBe("es");

    // A signed-in parent who saved English keeps English.
    const parent = await insertParent();
    await env.DB.prepare("UPDATE users SET language = 'en' WHERE id = ?").bind(parent.id).run();
    const signedIn = new BrowserIn("es");
    await signInAs(signedIn, "parent", parent.id);
    expect(await htmlLang(await signedIn.get(`/i/${inv.token}`))).toBe("en");
  });

  it("a language without a catalog falls back to the browser's, then English", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    await setContactLanguage(inv.id, "vi");
    expect(await htmlLang(await new BrowserIn("vi, es;q=0.8").get(`/i/${inv.token}`))).toBe("es");
    expect(await htmlLang(await new BrowserIn("vi").get(`/i/${inv.token}`))).toBe("en");
  });

  it("confirm → siblings → the account step, and the 422 answers, all in the invitation's language", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const sent = await inviteSiblings(f, email, "maya", "leo", "ethan");
    await setContactLanguage(sent.maya.id, "es");
    // An English browser: the family's language comes from the district's invitation.
    const b = new BrowserIn("en-US");
    const siblings = await spanishPage(await confirmChild(b, sent.maya.token));
    expect(siblings).toContain("También tiene una invitación para Leo Johnson en Maple Grove Elementary");
    expect(siblings).toContain("Tiene 2 invitaciones más:");

    await b.post(`/join/siblings/${sent.leo.id}/confirm`);
    const next = await spanishPage(await b.get("/join/next"));
    expect(next).toContain("Usted confirmó a Maya Johnson y Leo Johnson.");

    const join = await spanishPage(await b.post(`/join/siblings/${sent.ethan.id}/not-my-child`));
    expect(join).toContain("Cree su cuenta");
    expect(join).toContain("Use su propio correo electrónico personal");

    const cases: [Record<string, string>, string][] = [
      [{ name: "", email: freshEmail(), password: "maple syrup pancakes" }, "Escriba su nombre."],
      [{ name: "Ana", email: "not-an-email", password: "maple syrup pancakes" }, "Escriba una dirección de correo electrónico como nombre@ejemplo.com."],
      [{ name: "Ana", email: freshEmail(), password: "short" }, "Use al menos 8 caracteres."],
      [{ name: "Ana", email: freshEmail(), password: "password1" }, "Esa contraseña es una de las más comunes"],
      [{ name: "x".repeat(201), email: freshEmail(), password: "maple syrup pancakes" }, "Use 200 caracteres como máximo."],
    ];
    for (const [fields, message] of cases) expect(await spanishPage(await b.post("/join/email", fields), 422)).toContain(message);
  });

  it("the link's other states: not found, used, withdrawn, stopped, expired, renewed, too many renewals, not my child", async () => {
    const f = await districtWithSiblings();
    const es = new BrowserIn("es");
    await spanishPage(await es.get(`/i/${"a".repeat(32)}`), 404);
    for (const status of ["accepted", "revoked", "disputed"]) {
      const inv = await inviteTo(f.district, f.leo.sisId, freshEmail());
      if (status === "revoked") expect((await api(f.district.token, "DELETE", `/invitations/${inv.id}`)).status).toBe(200);
      else await setInvitation(inv.id, { status, ...(status === "disputed" ? { disputed_at: Date.now() } : { accepted_at: Date.now() }) });
      await spanishPage(await es.get(`/i/${inv.token}`), 410);
    }

    const address = freshEmail();
    const old = await inviteTo(f.district, f.maya.sisId, address);
    await setInvitation(old.id, { expires_at: Date.now() - 1000 });
    expect(await spanishPage(await es.get(`/i/${old.token}`))).toContain("Esta invitación venció");
    expect(await spanishPage(await es.post(`/i/${old.token}/renew`))).toContain("Le enviamos una nueva invitación");
    // The fresh one is live: a second renewal is superseded.
    expect(await spanishPage(await es.post(`/i/${old.token}/renew`))).toContain("Ya le enviamos una invitación más reciente");
    await es.post(`/i/${old.token}/renew`);
    const limited = await spanishPage(await es.post(`/i/${old.token}/renew`), 429);
    expect(limited).toMatch(/Vuelva a intentarlo en unos (\d+ minutos|un minuto|\d+ segundos)/);

    const other = await inviteTo(f.district, f.ethan.sisId, freshEmail());
    expect(await spanishPage(await es.post(`/i/${other.token}/not-my-child`))).toContain("Gracias. Se avisó a la escuela.");
  });

  it("/join without an invitation, and for a signed-in parent", async () => {
    const f = await districtWithSiblings();
    await spanishPage(await new BrowserIn("es").get("/join"));

    const parent = await insertParent();
    const signedIn = new BrowserIn("es");
    await signInAs(signedIn, "parent", parent.id);
    const inv2 = await inviteTo(f.district, f.leo.sisId, freshEmail());
    expect(await spanishPage(await confirmChild(signedIn, inv2.token))).toContain("Agregar a mi cuenta");
  });
});

describe("the email step in Spanish", () => {
  it("check your email, the confirmation email and page in the sign-up's language on any device; the account keeps it", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new BrowserIn("es-MX");
    await confirmChild(b, inv.token);
    const personal = freshEmail("personal");
    expect(await spanishPage(await postSignUpForm(b, personal))).toContain("Revise su correo electrónico");
    expect((await env.DB.prepare("SELECT language FROM sign_up_attempts WHERE email = ?").bind(personal).first<{ language: string }>())?.language).toBe("es");

    const mail = await lastMailTo(personal);
    expect(mail?.kind).toBe("verify_email");
    expect(mail?.subject).toBe("Confirme su correo electrónico para Family Portal");
    expect(mail?.body_text).toContain("Confirme que esta es su dirección de correo electrónico.");
    expect(mail?.body_html).toMatch(/^<!doctype html><html lang="es" dir="ltr">/);
    expect(englishLeftIn(`${mail?.subject} ${mail?.body_text}`)).toEqual([]);

    const token = await latestLinkToken(personal, "/verify-email/");
    // Another device whose browser asks for English: the sign-up's language, and its password.
    const laptop = new BrowserIn("en-US");
    const other = await spanishPage(await laptop.get(`/verify-email/${token}`));
    expect(other).toContain("Escriba la contraseña que eligió al registrarse.");
    expect(await spanishPage(await laptop.post(`/verify-email/${token}`, { password: "not the one" }), 422)).toContain(
      "Esa no es la contraseña que se eligió para este registro.",
    );
    // Four more wrong tries use up the attempt's five; the next is paused, in Spanish.
    for (let i = 0; i < 4; i++) await laptop.post(`/verify-email/${token}`, { password: "not the one" });
    expect(await spanishPage(await laptop.post(`/verify-email/${token}`, { password: "not the one" }), 429)).toMatch(
      /Demasiados intentos\. Espere (\d+ minutos|un minuto|\d+ segundos), o regístrese de nuevo\./,
    );

    // The signing-up browser confirms with one press; the account is made in Spanish.
    expect(await spanishPage(await b.get(`/verify-email/${token}`))).toContain("Presione el botón para confirmar");
    const home = await b.post(`/verify-email/${token}`);
    expect(home.status).toBe(200);
    const user = await env.DB.prepare("SELECT id, language FROM users WHERE email = ?").bind(personal).first<{ id: string; language: string }>();
    expect(user?.language).toBe("es");
    // Signed in, the saved language wins over any browser.
    expect(await htmlLang(await laptop.get("/help"))).toBe("en");
    const english = new BrowserIn("en-US");
    await signInAs(english, "parent", user!.id);
    expect(await htmlLang(await english.get("/account"))).toBe("es");

    // Used: the link's problem pages.
    await spanishPage(await new BrowserIn("es").get(`/verify-email/${token}`), 404);
    await spanishPage(await new BrowserIn("es").get(`/verify-email/${"a".repeat(32)}`), 404);
  });

  it("an English browser signing up through a Spanish invitation stays in Spanish after the account step: check your email, resend", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    await setContactLanguage(inv.id, "es");
    const b = new BrowserIn("en-US");
    await confirmChild(b, inv.token);
    const personal = freshEmail("personal");
    const check = await postSignUpForm(b, personal);
    expect(await spanishPage(check.clone())).toContain("Revise su correo electrónico");
    expect((await lastMailTo(personal))?.subject).toBe("Confirme su correo electrónico para Family Portal");
    const resendLink = (await check.text()).match(/href="(\/verify-email\/resend[^"]*)"/)?.[1]?.replace(/&amp;/g, "&");
    expect(resendLink).toBe("/verify-email/resend?lang=es");
    await spanishPage(await b.get(resendLink!));
    expect(await spanishPage(await b.post(resendLink!, { email: personal }))).toContain("le enviamos un enlace nuevo");
  });

  it("an English sign-up gets the English email and an English account", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new BrowserIn("en-US");
    await confirmChild(b, inv.token);
    const personal = freshEmail("personal");
    await postSignUpForm(b, personal);
    const mail = await lastMailTo(personal);
    expect(mail?.subject).toBe("Confirm your email for Family Portal");
    expect(mail?.body_html).toMatch(/<html lang="en" dir="ltr">/);
    await b.post(`/verify-email/${await latestLinkToken(personal, "/verify-email/")}`);
    expect((await env.DB.prepare("SELECT language FROM users WHERE email = ?").bind(personal).first<{ language: string }>())?.language).toBe("en");
  });

  it("the resend page, its 422 and 429, and a resent link in the sign-up's language", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const signUp = new BrowserIn("es");
    await confirmChild(signUp, inv.token);
    const personal = freshEmail("personal");
    await postSignUpForm(signUp, personal);

    // Resent from an English browser: the email stays in the sign-up's language.
    const en = new BrowserIn("en");
    await en.post("/verify-email/resend", { email: personal });
    expect((await lastMailTo(personal))?.subject).toBe("Confirme su correo electrónico para Family Portal");

    const es = new BrowserIn("es");
    await spanishPage(await es.get("/verify-email/resend"));
    expect(await spanishPage(await es.post("/verify-email/resend", { email: "nope" }), 422)).toContain("Escriba una dirección de correo electrónico");
    expect(await spanishPage(await es.post("/verify-email/resend", { email: personal }))).toContain("le enviamos un enlace nuevo");
    await es.post("/verify-email/resend", { email: personal });
    const limited = await spanishPage(await es.post("/verify-email/resend", { email: personal }), 429);
    expect(limited).toMatch(/Espere unos (\d+ minutos|un minuto|\d+ segundos)/);
  });

  it("an address that already has an account gets that account's language, whatever the page's", async () => {
    const f = await districtWithSiblings();
    const spanishAccount = await insertParent();
    await env.DB.prepare("UPDATE users SET language = 'es' WHERE id = ?").bind(spanishAccount.id).run();
    const englishAccount = await insertParent();

    const fromEnglish = new BrowserIn("en");
    await confirmChild(fromEnglish, (await inviteTo(f.district, f.maya.sisId, freshEmail())).token);
    await postSignUpForm(fromEnglish, spanishAccount.email);
    const es = await lastMailTo(spanishAccount.email);
    expect(es?.kind).toBe("account_exists");
    expect(es?.subject).toBe("Usted ya tiene una cuenta de Family Portal");
    expect(es?.body_html).toMatch(/<html lang="es"/);
    expect(englishLeftIn(`${es?.subject} ${es?.body_text}`)).toEqual([]);

    const fromSpanish = new BrowserIn("es");
    await confirmChild(fromSpanish, (await inviteTo(f.district, f.leo.sisId, freshEmail())).token);
    await postSignUpForm(fromSpanish, englishAccount.email);
    expect((await lastMailTo(englishAccount.email))?.subject).toBe("You already have a Family Portal account");
  });
});

describe("Google sign-up", () => {
  it("stores the language its pages were shown in, and its problem page speaks it", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    await setContactLanguage(inv.id, "es");
    const g = new GoogleBrowser();
    await g.get(`/i/${inv.token}`);
    await g.post(`/i/${inv.token}/confirm`);
    const email = freshEmail("google");
    stubGoogle({ sub: `sub-${email}`, email, email_verified: true, name: "Ana Ruiz" });
    const landed = await g.callback(await g.start());
    expect(landed.status).toBe(303);
    const user = await env.DB.prepare("SELECT id FROM users WHERE email = ?").bind(email).first<{ id: string }>();
    expect((await userRow(user!.id))?.language).toBe("es");

    stubGoogle("refused");
    const refused = new GoogleBrowser();
    const page = await refused.request(`/auth/google/callback?state=${await refused.start()}&code=bad`, { headers: { "accept-language": "es" }, follow: false });
    expect(await spanishPage(page, 400)).toContain("No pudimos iniciar su sesión con Google");
  });
});
