// Issue 17 in Chromium: a parent adds and confirms a mobile number, chooses text messages; the
// teacher's unread message brings a text; a reply typed into the dev mailbox's "Reply by text"
// form (signed like Twilio's webhook, through the real POST /hooks/sms) appears in the teacher's
// open conversation without reloading, marked as sent by text.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, startStack } from "./harness.mjs";
import { joinAsGuardian } from "../../scripts/page-client.mjs";

const TEACHER = "nora.baker@bay.example.org";
const PARENT = { email: "luis.reyes@example.com", name: "Luis Reyes", password: "harbor lights at dusk" };
const PHONE = "+12125550199";
const NOTIFY_S = 4;

let stack;
before(async () => {
  stack = await startStack({ vars: { UNREAD_NOTIFY_AFTER_SECONDS: String(NOTIFY_S), SMS_WEBHOOK_SECRET: "e2e-sms-webhook-secret" } });
  const { origin } = stack;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Bay Schools" });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Bay Elementary" }],
    teachers: [{ sisId: "t1", name: "Nora Baker", email: TEACHER }],
    students: [{ sisId: "k1", firstName: "Ana", lastName: "Reyes", schoolSisId: "sch", grade: "3" }],
    sections: [{ sisId: "s1", name: "Grade 3", schoolSisId: "sch", teacherSisIds: ["t1"], studentSisIds: ["k1"] }],
  });
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: PARENT.email, name: PARENT.name });
  await joinAsGuardian(origin, PARENT);
});
after(async () => {
  await stack?.stop();
});

/** The class's teacher, signed in (test/e2e/harness.mjs). */
const teacherSignsIn = () => stack.teacherSignsIn(TEACHER);

describe("text messages both ways in Chromium", () => {
  it("a reply sent from the dev mailbox's form appears in the teacher's open thread without reloading", async () => {
    // The parent confirms a number and chooses texts.
    const parent = await stack.newPage();
    await parent.goto("/sign-in");
    await parent.getByLabel(/email/i).fill(PARENT.email);
    await parent.getByLabel(/password/i).fill(PARENT.password);
    await parent.getByRole("button", { name: "Sign in", exact: true }).click();
    await parent.waitForURL((u) => u.pathname === "/");
    await parent.goto("/account");
    await parent.getByLabel("Mobile number").fill("(212) 555-0199");
    await parent.getByRole("button", { name: "Text me a code" }).click();
    await parent.waitForLoadState();
    const codeText = await stack.waitForMail(PHONE, /your code is \d{6}/);
    const code = /\d{6}/.exec(codeText.text ?? codeText.body)[0];
    await parent.getByLabel("6-digit code").fill(code);
    await parent.getByRole("button", { name: "Confirm number" }).click();
    await parent.waitForLoadState();
    assert.match(await parent.textContent("main"), /Your mobile number is confirmed/);
    await parent.getByLabel("Text message", { exact: true }).check();
    await parent.locator('form[action="/account/notify-by"] button[type="submit"]').click();
    await parent.waitForLoadState();
    assert.match(await parent.textContent("main"), /this is how we'll tell you/);
    await parent.goto("/");

    // The teacher writes; the message stays unread; the text notice comes.
    const teacher = await teacherSignsIn();
    await teacher.getByRole("link", { name: "Message family: Luis Reyes about Ana Reyes" }).click();
    await teacher.waitForURL((u) => u.pathname === "/teacher/messages/new");
    await teacher.locator("#f-body").fill("Ana left her jacket in class today.");
    await teacher.getByRole("button", { name: /^Send/ }).click();
    await teacher.waitForURL((u) => /^\/teacher\/messages\/thr_/.test(u.pathname));
    const threadId = new URL(teacher.url()).pathname.split("/").pop();
    const notice = await stack.waitForMail(PHONE, new RegExp(`/messages/${threadId}`), { timeoutMs: 30_000 });
    assert.match(notice.text ?? notice.body, /Reply to this text to answer/);
    assert.doesNotMatch(notice.text ?? notice.body, /jacket/);

    // The reply by text, from the dev mailbox's form.
    await teacher.evaluate(() => (window.__stillHere = true));
    const dev = await stack.newPage();
    await dev.goto(`/dev/mailbox?to=${encodeURIComponent(PHONE)}`);
    assert.equal(await dev.locator("#inbound-from").inputValue(), PHONE);
    await dev.locator("#inbound-body").fill("Thanks! I'll pick it up tomorrow.");
    await dev.getByRole("button", { name: "Send text" }).click();
    await dev.waitForLoadState();
    await teacher.locator("#messages").getByText("I'll pick it up tomorrow.").waitFor({ timeout: 15_000 });
    assert.equal(await teacher.evaluate(() => window.__stillHere), true);
    assert.match(await teacher.textContent("#messages"), /by text/);
  });
});
