// The first minutes of a district and a parent, in a real browser against a real server.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";
import { joinAsGuardian } from "../../scripts/page-client.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

describe("smoke: a district posts an invitation; the email arrives with a working link", () => {
  it("delivers the invitation to the mail API and the link opens the confirm page", async () => {
    const { origin } = stack;
    const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Smoke District" });
    await api(origin, district.token, "POST", "/roster", {
      schools: [{ sisId: "s1", name: "Birch Elementary" }],
      students: [{ sisId: "k1", firstName: "Tomas", lastName: "Reyes", schoolSisId: "s1" }],
    });
    await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: "smoke.parent@example.com" });
    const mail = await stack.waitForMail("smoke.parent@example.com", /Tomas/);
    assert.equal(mail.authorization, "Bearer e2e-key");
    assert.match(mail.subject, /Birch Elementary/);
    const link = linkIn(mail.text, /^\/i\//);

    const page = await stack.newPage();
    const res = await page.goto(link);
    assert.equal(res.status(), 200);
    const text = await page.textContent("main");
    assert.match(text, /Tomas/);
    assert.match(text, /Birch Elementary/);
  });

  it("works without JavaScript: pages show their content, and forms submit and land where they should", async () => {
    const { origin } = stack;
    // Someone to sign in as, made through the pages (without a browser).
    const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Plain HTML District" });
    await api(origin, district.token, "POST", "/roster", {
      schools: [{ sisId: "s1", name: "Alder Elementary" }],
      students: [{ sisId: "k1", firstName: "Nina", lastName: "Okafor", schoolSisId: "s1" }],
    });
    const parent = { email: "no.script@example.com", name: "Ada Okafor", password: "plain forms still work" };
    await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: parent.email });
    await joinAsGuardian(origin, parent);

    const page = await stack.newPage({ javaScriptEnabled: false });
    for (const [path, heading, says] of [
      ["/", "Family Portal", /Invitations come from your child's school/],
      ["/sign-in", "Sign in", /Forgot your password\?/],
      ["/forgot-password", "Forgot your password?", /Enter the email address of your account/],
      ["/help", "Help", /How do I set up my account\?/],
      ["/dev/mailbox", "Dev mailbox", /no\.script@example\.com/],
    ]) {
      const res = await page.goto(path);
      assert.equal(res.status(), 200, path);
      assert.equal((await page.textContent("h1")).trim(), heading, path);
      assert.match(await page.textContent("main"), says, path);
    }

    // The welcome page's link, then the sign-in form: home, with the child.
    await page.goto("/");
    await page.locator('main a[href="/sign-in"]').click();
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await page.getByLabel("Email").fill(parent.email);
    await page.getByLabel("Password").fill(parent.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/");
    assert.equal((await page.textContent("h1")).trim(), `Hello, ${parent.name}`);
    assert.match(await page.textContent("main"), /Nina Okafor/);

    // Sign out, a form in the name's menu (a <details>, which opens without JavaScript): back to the
    // sign-in page, and home is the welcome page again.
    await page.locator("nav summary", { hasText: parent.name }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await page.goto("/");
    assert.equal((await page.textContent("h1")).trim(), "Family Portal");

    // Forgot password: the form answers on its own page, and the link is mailed.
    await page.goto("/forgot-password");
    await page.getByLabel("Email address").fill(parent.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.waitForURL((u) => u.pathname === "/forgot-password" && u.searchParams.get("sent") === "1");
    assert.match(await page.textContent("main"), /we've sent a link/);
    linkIn((await stack.waitForMail(parent.email, /reset-password/)).text, /^\/reset-password\//);
  });
});
