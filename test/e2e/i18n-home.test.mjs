// The family's pages of home, Instant Login, badges, Ideas and Help, and the child's /badges and
// /student, in Spanish in Chromium (a browser whose language is es-MX): axe finds nothing serious,
// nothing scrolls sideways at 320 px with the longer words, the budgets hold on a first visit, and
// the badge scanner speaks Spanish. Instant Login from home in Spanish lands on the student portal.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, startStack } from "./harness.mjs";
import { checkPage } from "./audit.mjs";
import { BUDGET, cookiesOf, measureFirstVisit } from "../../bench/pages.mjs";
import { joinAsGuardian } from "../../scripts/page-client.mjs";

const FAMILY = { email: "lucia.ramos@example.com", name: "Lucía Ramos", password: "sol de la mañana" };
let stack;
/** Lucía's session cookies and her child's id. */
let family;

before(async () => {
  stack = await startStack();
  const { origin } = stack;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Escuelas de Maple" });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Escuela Primaria Maple" }],
    students: [{ sisId: "k1", firstName: "Mateo", lastName: "Ramos", schoolSisId: "sch", grade: "2", badgesEnabled: true }],
  });
  await api(origin, district.token, "PUT", "/links/calendario", { title: "Calendario escolar", url: "https://calendario.maple.example/", audience: "both" });
  // The district says the family reads Spanish: the sign-up happens in Spanish and the account keeps it.
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: FAMILY.email, name: FAMILY.name, language: "es" });
  const parent = await joinAsGuardian(origin, FAMILY);
  const studentId = (await parent.get("/")).text.match(/\/children\/([a-z]+_[a-z2-7]+)\/badge/)?.[1];
  assert.ok(studentId, "Mateo's card on the family's home page");
  family = { cookies: cookiesOf(parent, origin), studentId };
});
after(async () => {
  await stack?.stop();
});

/** A browser profile whose language is Mexican Spanish (Accept-Language: es-MX). */
async function spanishPage({ cookies = [] } = {}) {
  const context = await stack.browser.newContext({ baseURL: stack.origin, locale: "es-MX", viewport: { width: 390, height: 844 } });
  if (cookies.length) await context.addCookies(cookies);
  return context.newPage();
}

async function expectSpanish(page, label) {
  assert.equal(await page.getAttribute("html", "lang"), "es", `${label}: <html lang>`);
  await checkPage(page, `${label} (es)`);
}

describe("home, badges, Ideas and Help in Spanish in Chromium", () => {
  it("every page of the family's side: accessible, fits 320 px, within budget", async () => {
    const { cookies, studentId } = family;
    const page = await spanishPage({ cookies });
    const pages = [
      ["home", "/"],
      ["instant login explanation", `/children/${studentId}/instant-login`],
      ["badge page", `/children/${studentId}/badge`],
      ["badge print page", `/children/${studentId}/badge/print`],
      ["ideas", "/ideas"],
      ["help", "/help"],
    ];
    for (const [label, path] of pages) {
      await page.goto(path);
      await expectSpanish(page, label);
    }
    assert.match(await page.textContent("main"), /¿Cómo creo mi cuenta\?/);
    // The budgets on a first visit (the language chosen with the switcher's cookie, as Chromium's
    // language is not part of measureFirstVisit's profile).
    const lang = { name: "fp_lang", value: "es", domain: new URL(stack.origin).hostname, path: "/" };
    for (const [label, path] of pages.filter(([l]) => ["home", "badge page", "ideas", "help"].includes(l))) {
      const m = await measureFirstVisit(stack.browser, stack.origin, path, { cookies: [...cookies, lang] });
      console.log(`${label} (es)`.padEnd(20), `HTML ${(m.html / 1024).toFixed(1)} KB, first visit ${(m.total / 1024).toFixed(1)} KB`);
      assert.ok(m.html <= BUDGET.htmlBytes, `${label} HTML ${m.html} bytes`);
      assert.ok(m.total <= BUDGET.totalBytes, `${label} first visit ${m.total} bytes`);
    }
  });

  it("/badges on a device with no camera says so in Spanish; Instant Login from home lands on the student portal in Spanish", async () => {
    const device = await spanishPage();
    await device.goto("/badges");
    await device.getByLabel("Elige la imagen de la credencial").waitFor();
    await device.getByText("No se encontró ninguna cámara. Puedes elegir la imagen de la credencial aquí abajo.").waitFor();
    await expectSpanish(device, "badge login");

    const page = await spanishPage({ cookies: family.cookies });
    await page.goto("/");
    await page.getByRole("button", { name: "Inicio de sesión instantáneo para Mateo" }).click();
    await page.waitForURL((u) => u.pathname === "/student");
    assert.match(await page.textContent("main"), /¡Hola, Mateo!/);
    await expectSpanish(page, "student portal");
  });
});
