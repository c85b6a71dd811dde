// Issue 14 in Chromium, for the busy teacher: after a parent replies, the navigation shows the
// unread count (and the class page marks the family) until the teacher reads it; the list shows a
// one-line preview. Voiding a badge asks on a page of its own first, and only its button voids.
// The new pages pass axe-core (nothing serious or critical) and fit 320 px.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, startStack } from "./harness.mjs";
import { checkPage } from "./audit.mjs";
import { joinAsGuardian } from "../../scripts/page-client.mjs";

const TEACHER = "noor.haddad@cedar.example.org";
const PARENT = { email: "ines.vega@example.com", name: "Ines Vega", password: "cedar trees in the snow" };

let stack;
let district;
before(async () => {
  stack = await startStack();
  const { origin } = stack;
  ({ body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Cedar Schools" }));
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Cedar Elementary" }],
    teachers: [{ sisId: "t1", name: "Noor Haddad", email: TEACHER }],
    students: [{ sisId: "k1", firstName: "Luz", lastName: "Vega", schoolSisId: "sch", grade: "1", badgesEnabled: true }],
    sections: [{ sisId: "s1", name: "Grade 1 · Room 3", schoolSisId: "sch", teacherSisIds: ["t1"], studentSisIds: ["k1"] }],
  });
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: PARENT.email, name: PARENT.name });
  await joinAsGuardian(origin, PARENT);
  await api(origin, district.token, "POST", "/students/k1/badge");
});
after(async () => {
  await stack?.stop();
});

/** The class's teacher, signed in (test/e2e/harness.mjs). */
const teacherSignsIn = () => stack.teacherSignsIn(TEACHER);

const navText = async (page) => (await page.locator("nav[aria-label=Main]").innerText()).replace(/\s+/g, " ").trim();

/**
 * The teacher's classes page once its navigation matches `want` (or does not, with `not`). The
 * thread's object writes the D1 row the count comes from in the background, at most once per 2 s
 * (src/messaging/thread-object.ts): a change right after another shows within that window.
 */
async function teacherHomeWhen(page, want, { not = false } = {}) {
  const until = Date.now() + 5_000;
  for (;;) {
    await page.goto("/teacher");
    const text = await navText(page);
    if (want.test(text) !== not || Date.now() > until) return text;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the busy teacher in Chromium", () => {
  let teacher;

  it("sees the unread count after a parent replies, and it clears after reading", async () => {
    teacher = await teacherSignsIn();
    await teacher.getByRole("link", { name: "Message family: Ines Vega about Luz Vega" }).click();
    await teacher.waitForURL((u) => u.pathname === "/teacher/messages/new");
    await teacher.locator("#f-body").fill("Luz painted a lovely tree today.");
    await teacher.getByRole("button", { name: /^Send/ }).click();
    await teacher.waitForURL((u) => /^\/teacher\/messages\/thr_/.test(u.pathname));
    await teacher.goto("/teacher");
    assert.doesNotMatch(await navText(teacher), /Messages\s*1/);

    const parent = await stack.newPage();
    await parent.goto("/sign-in");
    await parent.getByLabel(/email/i).fill(PARENT.email);
    await parent.getByLabel(/password/i).fill(PARENT.password);
    await parent.getByRole("button", { name: "Sign in", exact: true }).click();
    await parent.waitForURL((u) => u.pathname === "/");
    await parent.getByRole("link", { name: /^Messages/ }).first().click();
    await parent.getByRole("link", { name: /Noor Haddad/ }).first().click();
    await parent.waitForURL((u) => /^\/messages\/thr_/.test(u.pathname));
    await parent.locator("#f-body").fill("Thank you! She talked about it all evening.");
    await parent.getByRole("button", { name: /^Send/ }).click();
    await parent.getByText("She talked about it all evening.").first().waitFor();

    assert.match(await teacherHomeWhen(teacher, /Messages 1 unread conversation/), /Messages 1 unread conversation/);
    // The class page marks the family, with a link to the conversation.
    const mark = teacher.getByRole("link", { name: "New reply from Ines Vega about Luz Vega" });
    assert.equal(await mark.count(), 1);
    await checkPage(teacher, "teacher classes with a new reply");

    await teacher.getByRole("link", { name: /^Messages/ }).first().click();
    await teacher.waitForURL((u) => u.pathname === "/teacher/messages");
    const list = await teacher.locator("main").innerText();
    assert.match(list, /Ines Vega/);
    assert.match(list, /Luz Vega/);
    assert.match(list, /Thank you! She talked about it all evening\./);
    await checkPage(teacher, "teacher messages with previews");

    await teacher.getByRole("link", { name: /Ines Vega/ }).first().click();
    await teacher.waitForURL((u) => /^\/teacher\/messages\/thr_/.test(u.pathname));
    assert.doesNotMatch(await teacherHomeWhen(teacher, /unread/, { not: true }), /unread/);
    assert.equal(await teacher.getByRole("link", { name: /New reply/ }).count(), 0);
  });

  it("voiding a badge shows a confirmation page first; only its button voids", async () => {
    await teacher.goto("/teacher");
    await teacher.getByRole("link", { name: /Void or make new badges/ }).first().click();
    await teacher.waitForURL((u) => /\/badges$/.test(u.pathname));
    await teacher.getByRole("link", { name: "Void Luz Vega's badge" }).click();
    await teacher.waitForURL((u) => /^\/teacher\/students\/[^/]+\/badge\/void$/.test(u.pathname));
    assert.match(await teacher.locator("h1").innerText(), /Void Luz Vega's badge\?/);
    assert.match(await teacher.locator("main").innerText(), /stops working at once/);
    await checkPage(teacher, "void badge confirmation");
    // Nothing happened yet: the badge is still in use.
    assert.ok((await api(stack.origin, district.token, "GET", "/students/k1/badge")).body.id);
    await teacher.getByRole("button", { name: "Void the badge" }).click();
    await teacher.getByText("Luz Vega's badge no longer works.").waitFor();
    await assert.rejects(api(stack.origin, district.token, "GET", "/students/k1/badge"), /404/);
  });

  it("with JavaScript off, the confirmation page works too (a plain form)", async () => {
    await api(stack.origin, district.token, "POST", "/students/k1/badge");
    const cookies = await teacher.context().cookies();
    const nojs = await stack.newPage({ javaScriptEnabled: false });
    await nojs.context().addCookies(cookies);
    await nojs.goto("/teacher");
    await nojs.getByRole("link", { name: /Void or make new badges/ }).first().click();
    await nojs.getByRole("link", { name: "Make 1 new badge" }).click();
    await nojs.waitForURL((u) => /\/badges\/regenerate$/.test(u.pathname));
    assert.match(await nojs.locator("main").textContent(), /The 1 badge in use in this class stops working at once/);
    await nojs.getByRole("button", { name: /Make 1 new badge/ }).click();
    await nojs.getByText(/New badges for 1 student/).waitFor();
  });

  it("/badges with its upload form passes axe", async () => {
    const page = await stack.newPage();
    await page.goto("/badges");
    await page.getByRole("button", { name: "Log in with this picture" }).waitFor();
    await checkPage(page, "badge login with upload");
  });
});
