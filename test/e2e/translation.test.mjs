// Issue 13 in Chromium, with a stand-in LibreTranslate on this machine ("[es] <text>", counting
// calls): a teacher writes in English; the parent, whose district gave Spanish, reads it translated,
// marked "Traducido automáticamente", opens the original with one tap (also with JavaScript off),
// and answers in Spanish; the teacher's open conversation shows the answer in English by itself.
// Each message is translated once, right after posting; opening the conversation asks nothing.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, startStack } from "./harness.mjs";
import { joinAsGuardian, signInTeacher } from "../../scripts/page-client.mjs";
import { startStandInTranslator } from "../../bench/translation.mjs";

const TEACHER = "lena.ortiz@harbor.example.org";
const PARENT = { email: "ana.reyes@example.com", name: "Ana Reyes", password: "harbor lights at dusk" };
const LINK = "https://library.example.org/list";

let stack;
let translator;
/** Sessions made through the pages (scripts/page-client.mjs), handed to Chromium as cookies. */
let parentClient;
let teacherClient;

before(async () => {
  translator = await startStandInTranslator();
  stack = await startStack({ vars: { TRANSLATE_API_URL: translator.url } });
  const { origin } = stack;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Harbor Schools" });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Harbor Elementary" }],
    teachers: [{ sisId: "t1", name: "Lena Ortiz", email: TEACHER }],
    students: [{ sisId: "k1", firstName: "Sofía", lastName: "Reyes", schoolSisId: "sch", grade: "2" }],
    sections: [{ sisId: "s1", name: "Grade 2 · Room 7", schoolSisId: "sch", teacherSisIds: ["t1"], studentSisIds: ["k1"] }],
  });
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: PARENT.email, name: PARENT.name, language: "es" });
  parentClient = await joinAsGuardian(origin, PARENT);
  teacherClient = await signInTeacher(origin, TEACHER);
});
after(async () => {
  await stack?.stop();
  translator?.stop();
});

async function pageAs(client, opts = {}) {
  const page = await stack.newPage(opts);
  await page.context().addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: stack.origin })));
  return page;
}

async function send(page, text, button) {
  await page.locator("#f-body").fill(text);
  await page.getByRole("button", { name: button }).click();
  await page.waitForLoadState();
}

describe("messages translated both ways, in Chromium", () => {
  let threadPath;
  let callsSoFar = 0;

  it("the parent reads the teacher's English in Spanish, marked, with the original one tap away; the teacher reads the Spanish answer in English without reloading", async () => {
    const teacher = await pageAs(teacherClient);
    await teacher.goto("/teacher");
    await teacher.getByRole("link", { name: "Message family: Ana Reyes about Sofía Reyes" }).click();
    await send(teacher, `Hello! Sofía read 3 books this week. The list: ${LINK}`, /^Send/);
    await teacher.waitForURL((u) => /^\/teacher\/messages\/thr_/.test(u.pathname));
    threadPath = new URL(teacher.url()).pathname.replace("/teacher", "");
    // Translated right after posting, in the background (posting itself never waits for it).
    for (let i = 0; i < 50 && translator.state.calls === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(translator.state.calls, 1);

    const parent = await pageAs(parentClient);
    await parent.goto(threadPath);
    assert.equal(await parent.getAttribute("html", "lang"), "es");
    const messages = parent.locator("#messages");
    assert.match(await messages.textContent(), /\[es\] Hello! Sofía read 3 books this week\. The list: https:\/\/library\.example\.org\/list/);
    assert.match(await messages.textContent(), /Traducido automáticamente/);
    assert.equal(await parent.locator(`#messages .msg-body[lang=es] a[href="${LINK}"]`).count(), 1, "the link still works in the translation");
    const original = parent.locator("#messages details.msg-original .msg-body[lang=en]");
    assert.equal(await original.isVisible(), false, "the original starts folded");
    await parent.getByText("Ver el original (inglés)").click();
    assert.equal(await original.isVisible(), true);
    assert.equal(translator.state.calls, 1, "opening it asked nothing more");

    await parent.reload();
    assert.equal(translator.state.calls, 1, "a second view makes no call");

    await send(parent, "¡Gracias! Nos vemos el lunes a las 8:15.", /^Enviar/);
    await teacher.locator("#messages").getByText("[en] ¡Gracias! Nos vemos el lunes a las 8:15.").waitFor({ timeout: 15_000 });
    assert.match(await teacher.textContent("#messages"), /Translated automatically/);
    assert.match(await teacher.textContent("main"), /Family's language: Spanish/);
    // The reply, translated once (after posting, or by the teacher's open page if it asked first).
    assert.ok(translator.state.calls >= 2 && translator.state.calls <= 3, `${translator.state.calls} calls`);
    callsSoFar = translator.state.calls;
    await teacher.reload();
    assert.match(await teacher.textContent("#messages"), /\[en\] ¡Gracias!/);
    assert.equal(translator.state.calls, callsSoFar, "the teacher's reload asks nothing");
  });

  it("with JavaScript off, the original still opens with one tap", async () => {
    const parent = await pageAs(parentClient, { javaScriptEnabled: false });
    await parent.goto(threadPath);
    const original = parent.locator("#messages details.msg-original .msg-body[lang=en]").first();
    assert.equal(await original.isVisible(), false);
    await parent.getByText("Ver el original (inglés)").first().click();
    assert.equal(await original.isVisible(), true);
    assert.match(await original.textContent(), /Hello! Sofía read 3 books this week/);
    assert.equal(translator.state.calls, callsSoFar, "still nothing asked again");
  });
});
