// The remaining journeys of issue 6, each with JavaScript on and off: account settings (name,
// password with a wrong then the right current password; other devices signed out), "not my child"
// (the district sees the dispute) and renewing an expired invitation (a fresh link that works).
// Invitations here expire after ~3 seconds (INVITATION_TTL_DAYS) unless a district sets its own.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";
import { checkPage } from "./audit.mjs";
import { joinAsGuardian } from "../../scripts/page-client.mjs";

const SHORT_TTL_DAYS = 3 / 86_400;
const MODES = [
  ["JavaScript on", true],
  ["JavaScript off", false],
];
let stack;
let lasting; // a district whose invitations last 14 days
let expiring; // a district whose invitations expire at once
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function district(name, sisPrefix, kids, ttlDays) {
  const { body } = await api(stack.origin, ADMIN_TOKEN, "POST", "/admin/districts", { name });
  if (ttlDays) await api(stack.origin, body.token, "PUT", "/settings", { invitationTtlDays: ttlDays });
  await api(stack.origin, body.token, "POST", "/roster", {
    schools: [{ sisId: `${sisPrefix}-sch`, name: `${name} Elementary` }],
    students: kids.map(([sisId, firstName]) => ({ sisId, firstName, lastName: "Lind", schoolSisId: `${sisPrefix}-sch`, grade: "4" })),
  });
  return body;
}

before(async () => {
  stack = await startStack({ vars: { INVITATION_TTL_DAYS: String(SHORT_TTL_DAYS) } });
  lasting = await district("Cedar", "c", [["c1", "Iris"], ["c2", "Owen"], ["c3", "Pia"], ["c4", "Rui"]], 14);
  expiring = await district("Tideway", "t", [["t1", "Sol"], ["t2", "Uma"]], null);
  await api(stack.origin, expiring.token, "POST", "/invitations/batch", {
    invitations: [
      { studentSisId: "t1", email: "late.on@example.com" },
      { studentSisId: "t2", email: "late.off@example.com" },
    ],
  });
  await api(stack.origin, lasting.token, "POST", "/invitations/batch", {
    invitations: [
      { studentSisId: "c1", email: "acct.on@example.com", name: "Dana Lind" },
      { studentSisId: "c2", email: "acct.off@example.com", name: "Eli Lind" },
      { studentSisId: "c3", email: "notmine.on@example.com" },
      { studentSisId: "c4", email: "notmine.off@example.com" },
    ],
  });
});
after(async () => {
  await stack?.stop();
});

async function signIn(page, email, password) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/");
}

describe("account settings in Chromium", () => {
  for (const [mode, javaScriptEnabled] of MODES) {
    it(`changes the name and the password, signing other devices out (${mode})`, async () => {
      const suffix = javaScriptEnabled ? "on" : "off";
      const email = `acct.${suffix}@example.com`;
      const first = javaScriptEnabled ? "Dana" : "Eli";
      await joinAsGuardian(stack.origin, { email, name: `${first} Lind`, password: "old harbor password" });
      const other = await stack.newPage();
      await signIn(other, email, "old harbor password");
      const page = await stack.newPage({ javaScriptEnabled });
      await signIn(page, email, "old harbor password");

      await page.goto("/account");
      if (javaScriptEnabled) await checkPage(page, `account`); // axe needs JavaScript; the HTML is the same
      await page.getByLabel("Your name").fill(`${first} Lind-Park`);
      await page.getByRole("button", { name: "Save name" }).click();
      await page.waitForLoadState();
      await page.goto("/");
      assert.match(await page.textContent("main"), new RegExp(`Hello, ${first} Lind-Park`));

      await page.goto("/account");
      await page.getByLabel("Current password").fill("not my password at all");
      await page.getByLabel("New password").fill("new lighthouse password");
      await page.getByRole("button", { name: "Change password" }).click();
      await page.getByText("That is not your current password.").waitFor();
      if (javaScriptEnabled) await checkPage(page, `account, wrong current password`); // axe needs JavaScript; the HTML is the same
      await page.getByLabel("Current password").fill("old harbor password");
      await page.getByLabel("New password").fill("new lighthouse password");
      await page.getByRole("button", { name: "Change password" }).click();
      await page.waitForLoadState();
      await page.waitForURL((u) => u.pathname === "/account");

      // This device stays signed in; the other one is signed out.
      await page.goto("/account");
      assert.equal(new URL(page.url()).pathname, "/account");
      await other.goto("/account");
      assert.equal(new URL(other.url()).pathname, "/sign-in");
      const fresh = await stack.newPage({ javaScriptEnabled });
      await signIn(fresh, email, "new lighthouse password");
    });
  }
});

describe('"not my child" in Chromium', () => {
  for (const [mode, javaScriptEnabled] of MODES) {
    it(`tells the school, which sees the dispute (${mode})`, async () => {
      const email = `notmine.${javaScriptEnabled ? "on" : "off"}@example.com`;
      const mail = await stack.waitForMail(email, /\/i\//);
      const page = await stack.newPage({ javaScriptEnabled });
      await page.goto(linkIn(mail.text, /^\/i\//));
      await page.getByRole("button", { name: "This is not my child" }).first().click();
      await page.getByText("Thank you. The school has been told.").waitFor();
      if (javaScriptEnabled) await checkPage(page, `not my child`); // axe needs JavaScript; the HTML is the same
      const { body: report } = await api(stack.origin, lasting.token, "GET", "/reports");
      assert.match(JSON.stringify(report.disputes), new RegExp(email.replace(/\./g, "\\.")));
      // The link no longer offers to confirm.
      await page.goto(linkIn(mail.text, /^\/i\//));
      assert.equal(await page.getByRole("button", { name: "Yes, this is my child" }).count(), 0);
    });
  }
});

describe("renewing an expired invitation in Chromium", () => {
  for (const [mode, javaScriptEnabled] of MODES) {
    it(`sends a fresh invitation whose link works (${mode})`, async () => {
      const email = `late.${javaScriptEnabled ? "on" : "off"}@example.com`;
      const mail = await stack.waitForMail(email, /\/i\//);
      const oldLink = linkIn(mail.text, /^\/i\//);
      // Expired by now (3 s); fresh invitations from here on last 14 days.
      await sleep(3_500);
      await api(stack.origin, expiring.token, "PUT", "/settings", { invitationTtlDays: 14 });
      const page = await stack.newPage({ javaScriptEnabled });
      await page.goto(oldLink);
      await page.getByRole("heading", { name: "This invitation has expired" }).waitFor();
      if (javaScriptEnabled) await checkPage(page, `expired invitation`); // axe needs JavaScript; the HTML is the same
      await page.getByRole("button", { name: "Send me a fresh invitation" }).click();
      await page.getByRole("heading", { name: "We sent you a fresh invitation" }).waitFor();
      const until = Date.now() + 15_000;
      let fresh;
      while (!fresh) {
        fresh = stack.mail.messages
          .filter((m) => (Array.isArray(m.to) ? m.to.includes(email) : m.to === email))
          .map((m) => (m.text ?? "").match(/https?:\/\/[^\s<>"']+\/i\/[^\s<>"']+/)?.[0])
          .find((l) => l && l !== oldLink);
        if (!fresh) {
          assert.ok(Date.now() < until, "no fresh invitation email");
          await sleep(200);
        }
      }
      await page.goto(fresh);
      await page.getByRole("heading", { name: "Is this your child?" }).waitFor();
      assert.equal(await page.getByRole("button", { name: "Yes, this is my child" }).count(), 1);
      const { body: report } = await api(stack.origin, expiring.token, "GET", "/reports");
      assert.ok(report.renewals.length >= 1);
    });
  }
});
