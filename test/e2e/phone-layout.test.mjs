// Issue 14, items 4 and 7 in Chromium: a parent with three children sees every child's Instant
// Login button on one phone screen (390 × 844, above the fold), the explanation said once; and
// names as long as the API allows (200 characters, with or without spaces) wrap or shorten in the
// header and on cards without anything scrolling sideways at 320 px.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_TOKEN, api, startStack } from "./harness.mjs";
import { cookiesOf } from "../../bench/pages.mjs";
import { joinAsGuardian, signInTeacher } from "../../scripts/page-client.mjs";
import { checkPage } from "./audit.mjs";

const THREE = { email: "dana.okafor@example.com", name: "Dana Okafor", password: "three kites over hills" };
const LONG = { email: "long.names@example.com", password: "long names wrap nicely" };
/** 200 characters with spaces, and 200 without a single break. */
const spaced = (seed) => `${seed} ${"Alexandria Montgomery-Featherstonehaugh ".repeat(6)}`.slice(0, 200).trim();
const unbroken = (seed) => `${seed}${"Wolfeschlegelsteinhausenbergerdorff".repeat(6)}`.slice(0, 200);

let stack;
let three;
let long;
before(async () => {
  stack = await startStack();
  const { origin } = stack;
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Oak Schools" });
  const TEACHER = "sam.ito@oak.example.org";
  await api(origin, district.token, "POST", "/roster", {
    schools: [
      { sisId: "sch", name: "Oak Elementary" },
      { sisId: "long", name: spaced("School") },
    ],
    teachers: [{ sisId: "t1", name: spaced("Teacher"), email: TEACHER }],
    students: [
      { sisId: "k1", firstName: "Ada", lastName: "Okafor", schoolSisId: "sch", grade: "1", badgesEnabled: true },
      { sisId: "k2", firstName: "Bayo", lastName: "Okafor", schoolSisId: "sch", grade: "3" },
      { sisId: "k3", firstName: "Chidi", lastName: "Okafor", schoolSisId: "sch", grade: "5", badgesEnabled: true },
      { sisId: "k4", firstName: unbroken("First"), lastName: spaced("Last"), schoolSisId: "long", grade: "2", badgesEnabled: true },
    ],
    sections: [{ sisId: "s1", name: spaced("Section"), schoolSisId: "long", teacherSisIds: ["t1"], studentSisIds: ["k4"] }],
  });
  for (const k of ["k1", "k2", "k3"]) await api(origin, district.token, "POST", "/invitations", { studentSisId: k, email: THREE.email, name: THREE.name });
  three = cookiesOf(await joinAsGuardian(origin, THREE), origin);
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k4", email: LONG.email });
  const longParent = await joinAsGuardian(origin, { ...LONG, name: unbroken("Parent") });
  const teacher = await signInTeacher(origin, TEACHER);
  const sectionId = (await teacher.get("/teacher")).text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z2-7]+)/)?.[1];
  assert.ok(sectionId);
  await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: "Welcome to our class!" });
  const threadId = (await longParent.get("/messages")).text.match(/\/messages\/(thr_[a-z2-7]{16})/)?.[1];
  const studentId = (await longParent.get("/")).text.match(/\/children\/([a-z]+_[a-z2-7]+)\/badge/)?.[1];
  assert.ok(threadId && studentId);
  long = { cookies: cookiesOf(longParent, origin), threadPath: `/messages/${threadId}`, studentId };
});
after(async () => {
  await stack?.stop();
});

describe("a parent's phone", () => {
  it("three children: every Instant Login button is on the first screen at 390 × 844, the explanation said once", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await stack.newPage({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
      await page.context().addCookies(three);
      await page.goto("/");
      const buttons = page.getByRole("button", { name: /^Instant Login for / });
      assert.equal(await buttons.count(), 3);
      for (let i = 0; i < 3; i++) {
        const box = await buttons.nth(i).boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `button ${i + 1} above the fold (bottom at ${box && box.y + box.height}, JavaScript ${javaScriptEnabled})`);
      }
      const main = await page.textContent("main");
      assert.equal(main.split("you will be signed out of Family Portal").length, 2, "the explanation once");
      if (javaScriptEnabled) await checkPage(page, "home with three children");
      await page.context().close();
    }
  });

  it("200-character names wrap or shorten at 320 px: header, home, badge, messages, account", async () => {
    const page = await stack.newPage({ viewport: { width: 320, height: 640 } });
    await page.context().addCookies(long.cookies);
    for (const path of ["/", `/children/${long.studentId}/badge`, "/messages", long.threadPath, "/account", "/help"]) {
      await page.goto(path);
      const sizes = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
        header: document.querySelector("header.top").getBoundingClientRect().height,
        wide: [...document.querySelectorAll("main *, header *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== "absolute").map((e) => e.tagName + "." + e.className).slice(0, 5),
      }));
      assert.ok(sizes.scroll <= sizes.width, `${path}: nothing scrolls sideways at 320 px (${sizes.scroll} > ${sizes.width}: ${sizes.wide.join(", ")})`);
      assert.ok(sizes.header <= 160, `${path}: the header stays short (${sizes.header} px): the parent's name is shortened`);
    }
    // The shortened name is still all there for screen readers and on hover.
    const summary = page.locator("header details.menu summary");
    assert.match(await summary.getAttribute("title"), /^Parent/);
    await page.context().close();
  });
});
