// The first minutes of a district and a parent, in a real browser against a real server.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";

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

  it("serves the public pages without JavaScript", async () => {
    const page = await stack.newPage({ javaScriptEnabled: false });
    for (const path of ["/", "/sign-in", "/dev/mailbox"]) {
      const res = await page.goto(path);
      assert.equal(res.status(), 200, path);
    }
  });
});
