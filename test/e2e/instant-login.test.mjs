// Issue #4 acceptance for Instant Login, as a parent would do it: sign up from the invitation,
// press Instant Login on a child's card, land on the student portal; the parent's cookie no longer
// works and Back does not bring the parent's page back. Then with JavaScript off, from the
// explanation page.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";

const EMAIL = "rosa.mendez@example.com";
const PASSWORD = "kites over the harbor";
let stack;

before(async () => {
  stack = await startStack();
  const { origin } = stack;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Bayview Schools" });
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Bayview Elementary" }],
    students: [
      { sisId: "k1", firstName: "Maya", lastName: "Mendez", schoolSisId: "sch", grade: "3" },
      { sisId: "k2", firstName: "Leo", lastName: "Mendez", schoolSisId: "sch", grade: "1" },
    ],
  });
  await api(origin, district.token, "PUT", "/links/calendar", { title: "School calendar", url: "https://calendar.bayview.example/", audience: "families" });
  await api(origin, district.token, "PUT", "/links/reading", { title: "Reading games", url: "https://reading.bayview.example/", audience: "students" });
  await api(origin, district.token, "PUT", "/links/lunch", { title: "Lunch menu", url: "https://lunch.bayview.example/", audience: "both" });
  await api(origin, district.token, "POST", "/invitations/batch", {
    invitations: [
      { studentSisId: "k1", email: EMAIL },
      { studentSisId: "k2", email: EMAIL },
    ],
  });
});
after(async () => {
  await stack?.stop();
});

async function sessionCookie(page) {
  return (await page.context().cookies()).find((c) => c.name === "fp_session")?.value;
}

describe("Instant Login in Chromium", () => {
  it("from the parent's home lands on the student portal; the parent's cookie no longer works", async () => {
    const mail = await stack.waitForMail(EMAIL, /Maya|Leo/);
    const page = await stack.newPage();
    await page.goto(linkIn(mail.text, /^\/i\//));
    await page.getByRole("button", { name: "Yes, this is my child" }).first().click();
    await page.waitForLoadState();
    await page.getByRole("button", { name: "Yes, this is my child" }).first().click();
    await page.waitForURL((u) => u.pathname === "/join");
    await stack.joinWithEmail(page, { name: "Rosa Mendez", email: EMAIL, password: PASSWORD });

    // Home: both cards with their tools, and the district's links for families below them.
    const home = await page.textContent("main");
    assert.match(home, /Maya Mendez/);
    assert.match(home, /Leo Mendez/);
    assert.match(home, /Badges are not used for Maya at this school/);
    assert.match(home, /you will be signed out of Family Portal/);
    assert.match(home, /School calendar/);
    assert.match(home, /Lunch menu/);
    assert.doesNotMatch(home, /Reading games/);

    // Walk through a boosted page and back: htmx keeps no copies of the parent's pages (historyCacheSize 0).
    await page.getByRole("link", { name: "Ideas", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/ideas");
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.locator("main").getByText("Maya Mendez").first().waitFor();
    const parentCookie = await sessionCookie(page);
    assert.ok(parentCookie);
    assert.doesNotMatch(await page.evaluate(() => sessionStorage.getItem("htmx-history-cache") ?? ""), /Rosa|Maya|Leo/);

    await page.getByRole("button", { name: "Instant Login for Maya" }).click();
    await page.waitForURL((u) => u.pathname === "/student");
    const portal = await page.textContent("main");
    assert.match(portal, /Hi, Maya!/);
    assert.match(portal, /Bayview Elementary/);
    assert.match(portal, /Reading games/);
    assert.match(portal, /Lunch menu/);
    assert.doesNotMatch(portal, /School calendar|Rosa|Leo/);
    assert.equal(await page.locator("header nav").count(), 0);
    const studentCookie = await sessionCookie(page);
    assert.ok(studentCookie && studentCookie !== parentCookie);

    // The parent's old cookie opens nothing any more.
    const old = await fetch(`${stack.origin}/account`, { headers: { cookie: `fp_session=${parentCookie}` }, redirect: "manual" });
    assert.equal(old.status, 303);
    assert.match(old.headers.get("location"), /^\/sign-in/);

    // Nothing of the parent's pages is kept in this browser for the child to go back to.
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.doesNotMatch(kept, /htmx-history-cache|Rosa|Leo/);
    await page.goBack();
    await page.waitForLoadState();
    assert.doesNotMatch(await page.textContent("body"), /Rosa Mendez|Leo Mendez|School calendar/);

    // Sign out goes to the badge sign-in page.
    await page.goto("/student");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/badges");
  });

  it("with JavaScript off, from the explanation page", async () => {
    const page = await stack.newPage({ javaScriptEnabled: false });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    const action = await page.locator("form[action$='/instant-login']").nth(0).getAttribute("action");
    // Leo's card comes first (children are in name order).
    await page.goto(action);
    assert.match(await page.textContent("main"), /Instant Login for Leo[\s\S]*signed out of Family Portal/);
    await page.getByRole("button", { name: /Instant Login/ }).click();
    await page.waitForURL((u) => u.pathname === "/student");
    assert.match(await page.textContent("main"), /Hi, Leo!/);
  });
});
