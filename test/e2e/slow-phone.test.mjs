// Issue 14, "Parents on slow phones", in Chromium at 390 × 844: at 400 kbit/s a tapped Send shows
// progress (a bar at the top, the button's spinner) and is disabled until the answer, and a second
// tap sends nothing more; the message box counts characters left (with JavaScript), and "new
// messages appear here by themselves" is never said with JavaScript off; every error status is a
// page with the layout and a link home that fits the phone.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, startStack } from "./harness.mjs";
import { cookiesOf } from "../../bench/pages.mjs";
import { joinAsGuardian, mailboxLink, signInTeacher } from "../../scripts/page-client.mjs";

const TEACHER = "rosa.mendez@pine.example.org";
const PARENT = { email: "lin.wu@example.com", name: "Lin Wu", password: "slow rivers in spring" };
/** About 400 kbit/s each way with a phone network's round trip. */
const SLOW = { latency: 800, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

let stack;
let district;
let family;
before(async () => {
  stack = await startStack();
  const { origin } = stack;
  ({ body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Pine Schools" }));
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Pine Elementary" }],
    teachers: [{ sisId: "t1", name: "Rosa Mendez", email: TEACHER }],
    students: [{ sisId: "k1", firstName: "Mei", lastName: "Wu", schoolSisId: "sch", grade: "3" }],
    sections: [{ sisId: "s1", name: "Grade 3 · Room 2", schoolSisId: "sch", teacherSisIds: ["t1"], studentSisIds: ["k1"] }],
  });
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: PARENT.email, name: PARENT.name });
  const parent = await joinAsGuardian(origin, PARENT);
  const teacher = await signInTeacher(origin, TEACHER);
  const sectionId = (await teacher.get("/teacher")).text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z2-7]+)/)?.[1];
  assert.ok(sectionId, "'Message all families' on the teacher's classes page");
  await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: "Hello Lin! Mei helped a new classmate today." });
  const threadId = (await parent.get("/messages")).text.match(/\/messages\/(thr_[a-z2-7]{16})/)?.[1];
  assert.ok(threadId, "the conversation on the family's Messages page");
  family = { client: parent, cookies: cookiesOf(parent, origin), threadPath: `/messages/${threadId}` };
});
after(async () => {
  await stack?.stop();
});

async function familyPage(opts = {}) {
  const page = await stack.newPage(opts);
  await page.context().addCookies(family.cookies);
  return page;
}

/** How many of the family's own messages the thread page shows (as the server has them). */
async function myMessages() {
  const { text } = await family.client.get(family.threadPath);
  return (text.match(/class="msg mine"/g) ?? []).length;
}

describe("a slow phone", () => {
  it("at 400 kbit/s, Send shows progress and is disabled while the post is in flight; a second tap sends nothing more", async () => {
    const page = await familyPage();
    await page.goto(family.threadPath);
    const before = await myMessages();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW });

    const send = page.getByRole("button", { name: /^Send/ });
    await page.locator("#f-body").fill("Thank you! She told us all about it at dinner.");
    const box = await send.boundingBox();
    const tap = () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await tap();
    // While the answer is on its way: the button is disabled, the bar at the top and the spinner show.
    await page.waitForFunction(() => document.querySelector("form.reply")?.classList.contains("htmx-request"), null, { timeout: 5_000 });
    assert.equal(await send.isDisabled(), true, "Send is disabled while the post is in flight");
    const bar = await page.evaluate(() => {
      const s = getComputedStyle(document.body, "::before");
      return { content: s.content, position: s.position, height: parseFloat(s.height), top: s.top, visibility: s.visibility };
    });
    assert.notEqual(bar.content, "none", "a progress bar at the top of the page");
    assert.equal(bar.position, "fixed");
    assert.ok(bar.height >= 3, `the bar is visible (height ${bar.height})`);
    const spinner = await send.evaluate((b) => getComputedStyle(b, "::after").content);
    assert.notEqual(spinner, "none", "the button's own spinner");
    // The second, third tap while waiting.
    await tap();
    await tap();
    await page.waitForFunction(() => !document.querySelector("form.htmx-request"), null, { timeout: 60_000 });
    await page.waitForLoadState();
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.match(await page.textContent("#messages"), /She told us all about it at dinner/);
    // Give a queued second request time to arrive if there were one.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await myMessages(), before + 1, "one tap sent one message");
    assert.equal(await page.locator("body").evaluate(() => getComputedStyle(document.body, "::before").content), "none", "no bar once the answer is in");
    await page.context().close();
  });

  it("a boosted link shows the bar too, and nothing changes without JavaScript", async () => {
    const page = await familyPage();
    await page.goto("/");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW });
    await page.getByRole("link", { name: /^Messages/ }).first().click();
    await page.waitForFunction(() => getComputedStyle(document.body, "::before").content !== "none", null, { timeout: 5_000 });
    await page.waitForURL((u) => u.pathname === "/messages", { timeout: 60_000 });
    await page.context().close();

    const plain = await familyPage({ javaScriptEnabled: false });
    await plain.goto(family.threadPath);
    assert.equal(await plain.getByRole("button", { name: /^Send/ }).isDisabled(), false);
    await plain.context().close();
  });

  it("the message box counts characters left with JavaScript; without it the limit is in the hint, and 'by themselves' is never said", async () => {
    const page = await familyPage();
    await page.goto(family.threadPath);
    assert.equal(await page.getByText("New messages appear here by themselves.").isVisible(), true, "with JavaScript the page polls, and says so");
    const counter = page.locator("#f-body-count");
    assert.equal(await counter.isVisible(), true);
    assert.match(await counter.textContent(), /^2,000 characters left$/);
    await page.locator("#f-body").pressSequentially("Hello");
    assert.match(await counter.textContent(), /^1,995 characters left$/);
    await page.locator("#f-body").fill("x".repeat(2003));
    assert.match(await counter.textContent(), /^3 characters too many$/);
    await page.context().close();

    // Reached through a boosted link (htmx swaps the body in): the same.
    const boosted = await familyPage();
    await boosted.goto("/messages");
    await boosted.locator(`a[href="${family.threadPath}"]`).first().click();
    await boosted.waitForURL((u) => u.pathname === family.threadPath);
    await boosted.locator("#f-body-count").waitFor({ state: "visible" });
    assert.match(await boosted.locator("#f-body-count").textContent(), /^2,000 characters left$/);
    assert.equal(await boosted.getByText("New messages appear here by themselves.").isVisible(), true);
    await boosted.context().close();

    const plain = await familyPage({ javaScriptEnabled: false });
    await plain.goto(family.threadPath);
    assert.equal(await plain.getByText("New messages appear here by themselves.").isVisible(), false, "not said when nothing polls");
    assert.equal(await plain.locator("#f-body-count").isVisible(), false);
    assert.match(await plain.textContent("main"), /Up to 2,000 characters\./);
    assert.equal(await plain.getByRole("link", { name: "Check for new messages" }).isVisible(), true);
    await plain.context().close();
  });
});

describe("error pages on a 390 px phone", () => {
  /** The page fits the phone, has the site's header, a heading, and a visible link home in main. */
  async function expectPhonePage(page, res, status, label) {
    assert.equal(res.status(), status, label);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, `${label}: nothing scrolls sideways at 390 px`);
    assert.equal(await page.locator("header.top a.brand").isVisible(), true, `${label}: the site's header`);
    assert.equal(await page.locator("main h1").isVisible(), true, `${label}: a heading`);
    const home = page.locator('main a[href="/"]');
    assert.equal(await home.isVisible(), true, `${label}: a link home`);
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="viewport"]')?.content), "width=device-width, initial-scale=1");
  }

  /** Sends a form as the browser would (a real navigation), from a page of the site. */
  async function submitForm(page, action, fields) {
    const nav = page.waitForNavigation();
    await page.evaluate(
      ({ action, fields }) => {
        const f = document.createElement("form");
        f.method = "post";
        f.action = action;
        for (const [name, value] of Object.entries(fields)) {
          const i = document.createElement("textarea");
          i.name = name;
          i.value = value;
          f.append(i);
        }
        document.body.append(f);
        HTMLFormElement.prototype.submit.call(f);
      },
      { action, fields },
    );
    return nav;
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`404, 405, 410, 413, 429 and 500 (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const page = await stack.newPage({ javaScriptEnabled });
      await expectPhonePage(page, await page.goto("/no-such-page"), 404, "404");
      await expectPhonePage(page, await page.goto("/dev/fail"), 500, "500");
      if (javaScriptEnabled) {
        await page.goto("/help");
        await expectPhonePage(page, await submitForm(page, "/help", { a: "1" }), 405, "405");
        await page.goto("/help");
        await expectPhonePage(page, await submitForm(page, "/sign-in", { email: "a@example.com", password: "x".repeat(70 * 1024) }), 413, "413");
      }
      const email = `gone.${javaScriptEnabled}@example.com`;
      const { body: invitation } = await api(stack.origin, district.token, "POST", "/invitations", { studentSisId: "k1", email });
      const link = await mailboxLink(stack.origin, email, "/i/");
      await api(stack.origin, district.token, "DELETE", `/invitations/${invitation.id}`);
      await expectPhonePage(page, await page.goto(link), 410, "410");

      const busy = `busy.${javaScriptEnabled}@example.com`;
      for (let i = 0; i < 10; i++) {
        await fetch(`${stack.origin}/sign-in`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: stack.origin, "sec-fetch-site": "same-origin" }, body: new URLSearchParams({ email: busy, password: "wrong" }) });
      }
      await page.goto("/sign-in");
      await page.getByLabel(/email/i).fill(busy);
      await page.getByLabel(/password/i).fill("still wrong");
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/sign-in" && r.request().method() === "POST");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      const res = await answer;
      await page.waitForLoadState();
      await expectPhonePage(page, res, 429, "429");
      await page.context().close();
    });
  }
});
