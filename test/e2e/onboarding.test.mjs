// Issue #3 acceptance, as a parent would do it: invitation email → confirm siblings in one pass →
// continue with email → confirm the address from the mailbox → home with both children. Then a
// second guardian of one child (with JavaScript off) sees only that child.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";

let stack;
before(async () => {
  stack = await startStack();
  const { origin } = stack;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Harbor Schools" });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Harbor Elementary" }],
    students: [
      { sisId: "k1", firstName: "Maya", lastName: "Okafor", schoolSisId: "sch", grade: "3" },
      { sisId: "k2", firstName: "Leo", lastName: "Okafor", schoolSisId: "sch", grade: "1" },
    ],
  });
  await api(origin, district.token, "POST", "/invitations/batch", {
    invitations: [
      { studentSisId: "k1", email: "ada.okafor@example.com" },
      { studentSisId: "k2", email: "ada.okafor@example.com" },
      { studentSisId: "k1", email: "ben.okafor@example.com" },
    ],
  });
});
after(async () => {
  await stack?.stop();
});

describe("parent onboarding in Chromium", () => {
  it("confirms two siblings in one pass, joins with email and lands on home with both", async () => {
    await stack.waitForMail("ada.okafor@example.com", /Maya|Leo/);
    const page = await stack.newPage();
    // As a newcomer would: find the invitation in the dev mailbox and follow its link.
    await page.goto("/dev/mailbox?to=ada.okafor%40example.com");
    await page.locator('main a[href*="/i/"]').first().click();
    await page.waitForURL((u) => u.pathname.startsWith("/i/"));
    await page.getByRole("button", { name: "Yes, this is my child" }).first().click();
    await page.waitForLoadState();
    // The sibling follows at once.
    const next = await page.textContent("main");
    assert.match(next, /Maya|Leo/);
    await page.getByRole("button", { name: "Yes, this is my child" }).first().click();
    await page.waitForURL((u) => u.pathname === "/join");
    await stack.joinWithEmail(page, { name: "Ada Okafor", email: "ada.okafor@example.com", password: "tide pools at dawn" });
    const home = await page.textContent("main");
    assert.match(home, /Maya Okafor/);
    assert.match(home, /Leo Okafor/);
    assert.match(home, /Harbor Elementary/);
  });

  it("lets a second guardian of one child join with JavaScript off and see only that child", async () => {
    const mail = await stack.waitForMail("ben.okafor@example.com", /Maya/);
    const page = await stack.newPage({ javaScriptEnabled: false });
    await page.goto(linkIn(mail.text, /^\/i\//));
    await page.getByRole("button", { name: "Yes, this is my child" }).first().click();
    await page.waitForLoadState();
    await page.waitForURL((u) => u.pathname === "/join");
    await stack.joinWithEmail(page, { name: "Ben Okafor", email: "ben.okafor@example.com", password: "lanterns over water" });
    const home = await page.textContent("main");
    assert.match(home, /Maya Okafor/);
    assert.doesNotMatch(home, /Leo/);
  });
});
