// The language issue's acceptance, as a Spanish-speaking parent would live it, with JavaScript on
// and off: the district invites in Spanish; the parent confirms the child, creates the account,
// confirms the email (that email in Spanish), lands on home, opens the badge, reads and answers
// the teacher (who works in English), opens Account settings and hands the phone to the child
// with Instant Login. Every page is checked against the English catalog: none of its phrases may
// show, and <html lang> says "es".
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";
import { englishPhrases, loadCatalog } from "./catalogs.mjs";

const TEACHER = "lena.ortiz@harbor-schools.test";
let stack;
let es;
let phrases;
/** Every page the journeys saw, for the report at the end. */
const seen = [];

before(async () => {
  [stack, es, phrases] = await Promise.all([startStack(), loadCatalog("es"), englishPhrases("es")]);
  const { origin } = stack;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Harbor Schools" });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Harbor Elementary" }],
    teachers: [{ sisId: "t1", name: "Lena Ortiz", email: TEACHER }],
    students: [
      { sisId: "k1", firstName: "Sofía", lastName: "Reyes", schoolSisId: "sch", grade: "2", badgesEnabled: true },
      { sisId: "k2", firstName: "Mateo", lastName: "Cruz", schoolSisId: "sch", grade: "2", badgesEnabled: true },
    ],
    sections: [{ sisId: "s1", name: "Grade 2 · Room 7", schoolSisId: "sch", teacherSisIds: ["t1"], studentSisIds: ["k1", "k2"] }],
  });
  await api(origin, district.token, "PUT", "/links/library", { title: "Biblioteca", url: "https://library.example.org/", audience: "both" });
  await api(origin, district.token, "POST", "/invitations/batch", {
    invitations: [
      { studentSisId: "k1", email: "ana.reyes@example.com", name: "Ana Reyes", language: "es" },
      { studentSisId: "k2", email: "luis.cruz@example.com", name: "Luis Cruz", language: "es-MX" },
    ],
  });
});
after(async () => {
  await stack?.stop();
  if (seen.length) console.log(`Spanish pages checked: ${seen.length}\n${seen.map((s) => `  ${s}`).join("\n")}`);
});

/** The page is in Spanish: <html lang="es"> and not one English catalog phrase in its whole text. */
async function assertSpanish(page, where) {
  assert.equal(await page.getAttribute("html", "lang"), "es", `${where}: <html lang>`);
  const text = (await page.textContent("body")) ?? "";
  assert.deepEqual(
    phrases.filter((p) => text.includes(p)),
    [],
    `${where}: English left on ${new URL(page.url()).pathname}`,
  );
  seen.push(`${where}: ${new URL(page.url()).pathname}`);
}

function assertSpanishMail(mail, where) {
  assert.deepEqual(
    phrases.filter((p) => `${mail.subject}\n${mail.text}`.includes(p)),
    [],
    `${where}: English in the email "${mail.subject}"`,
  );
}

async function teacherWrites(to, child) {
  const page = await stack.newPage();
  await page.goto("/teacher/sign-in");
  await page.getByLabel(/email/i).fill(TEACHER);
  // A new link each time: wait for this one, not the one an earlier journey used.
  const before = stack.mail.messages.length;
  await page.getByRole("button", { name: /link/i }).click();
  await page.waitForLoadState();
  let mail;
  for (let i = 0; i < 75 && !mail; i++) {
    mail = stack.mail.messages.slice(before).find((m) => (Array.isArray(m.to) ? m.to.includes(TEACHER) : m.to === TEACHER) && /teacher\/sign-in\//.test(m.text ?? ""));
    if (!mail) await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(mail, "the teacher's sign-in link arrives");
  await page.goto(linkIn(mail.text, /^\/teacher\/sign-in\//));
  await page.getByRole("button").filter({ hasText: /sign in/i }).first().click();
  await page.waitForURL((u) => u.pathname === "/teacher");
  await page.getByRole("link", { name: `Message family: ${to} about ${child}` }).click();
  await page.waitForURL((u) => u.pathname === "/teacher/messages/new");
  await page.locator("#f-body").fill(`Hello ${to.split(" ")[0]}! ${child.split(" ")[0]} read a whole chapter today.`);
  await page.getByRole("button", { name: /^Send/ }).click();
  await page.waitForURL((u) => /^\/teacher\/messages\/thr_/.test(u.pathname));
  await page.context().close();
}

async function journey({ javaScriptEnabled, email, name, child, password }) {
  const where = (step) => `${javaScriptEnabled ? "JS on" : "JS off"} · ${step}`;
  // The browser asks for Mexican Spanish; the invitation says Spanish too.
  const invitation = await stack.waitForMail(email, /\/i\//);
  assertSpanishMail(invitation, where("invitation email"));
  assert.match(invitation.text, new RegExp(es.invitations.accept));
  const page = await stack.newPage({ javaScriptEnabled, locale: "es-MX" });

  await page.goto(linkIn(invitation.text, /^\/i\//));
  await assertSpanish(page, where("the invitation"));
  await page.getByRole("button", { name: es.onboarding.yesMyChild }).first().click();
  await page.waitForURL((u) => u.pathname === "/join");
  await assertSpanish(page, where("create your account"));

  await page.getByLabel(es.onboarding.join.name).fill(name);
  await page.getByLabel(es.onboarding.join.email).fill(email);
  await page.getByLabel(es.onboarding.join.password).fill(password);
  await page.getByRole("button", { name: es.onboarding.join.submit }).click();
  await page.waitForURL((u) => u.pathname.startsWith("/join/check-email"));
  await assertSpanish(page, where("check your email"));

  const confirmation = await stack.waitForMail(email, /verify-email/);
  assertSpanishMail(confirmation, where("confirmation email"));
  await page.goto(linkIn(confirmation.text, /^\/verify-email\//));
  await assertSpanish(page, where("confirm your email"));
  await page.getByRole("button", { name: es.onboarding.verify.submit }).click();
  await page.waitForURL((u) => u.pathname === "/");
  await assertSpanish(page, where("home"));
  assert.match(await page.textContent("main"), new RegExp(child));

  await page.locator('main a[href$="/badge"]').first().click();
  await page.waitForURL((u) => u.pathname.endsWith("/badge"));
  await assertSpanish(page, where("the badge"));

  await teacherWrites(name, child);
  await page.goto("/messages");
  await assertSpanish(page, where("messages"));
  await page.locator('main a[href^="/messages/thr_"]').first().click();
  await page.waitForURL((u) => /^\/messages\/thr_/.test(u.pathname));
  await assertSpanish(page, where("the conversation"));
  await page.locator("#f-body").fill("Gracias, maestra. ¡Qué buena noticia!");
  await page.getByRole("button", { name: es.messages.send }).click();
  // With JavaScript htmx swaps the page in place: wait for the reply itself.
  await page.locator("main").getByText("¡Qué buena noticia!").waitFor();
  await assertSpanish(page, where("after replying"));

  await page.goto("/account");
  await assertSpanish(page, where("account settings"));

  // Last: Instant Login signs the parent out and the child in on this phone.
  await page.goto("/");
  const instant = page.getByRole("button", { name: new RegExp(es.home.instantLogin) }).first();
  await instant.click();
  if (!javaScriptEnabled && !new URL(page.url()).pathname.startsWith("/student")) {
    await page.waitForLoadState();
    if (new URL(page.url()).pathname.includes("/instant-login")) {
      await assertSpanish(page, where("Instant Login"));
      await page.getByRole("button", { name: new RegExp(es.home.instantLogin) }).click();
    }
  }
  await page.waitForURL((u) => u.pathname === "/student");
  await assertSpanish(page, where("the student portal"));
  await page.context().close();
}

describe("a Spanish-speaking family in Chromium", () => {
  it("from the Spanish invitation to Instant Login, every page in Spanish (JavaScript on)", async () => {
    await journey({ javaScriptEnabled: true, email: "ana.reyes@example.com", name: "Ana Reyes", child: "Sofía Reyes", password: "mariposas al amanecer" });
  });

  it("the same journey with JavaScript off", async () => {
    await journey({ javaScriptEnabled: false, email: "luis.cruz@example.com", name: "Luis Cruz", child: "Mateo Cruz", password: "lluvia sobre el mar" });
  });
});
