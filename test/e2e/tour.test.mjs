// The tour for new parents (/tour) and its pictures. A family walks the whole path in Chromium on a
// 390 px phone, in English and in Spanish — the school's invitation email, confirming the child,
// creating the account, home, Instant Login, the badge, a conversation with the teacher — and each
// step is photographed the way the tour shows it: WebP (Chromium's own encoder), at most 60 KB.
// With SAVE_SCREENSHOTS=1 the pictures are written to static/tour/<language>-<step>.webp (checked
// in; the worker serves them, scripts/build-static.mjs); otherwise the checkout is left alone.
// Then the tour page itself: every picture lazy, sized, described, from our own origin.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";
import { checkPage, SCREENSHOT_MAX_BYTES } from "./audit.mjs";
import { loadCatalog } from "./catalogs.mjs";
import { signInTeacher } from "../../scripts/page-client.mjs";

const TOUR_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "static", "tour");
/** The tour's steps, in its order (views/pages/tour.tsx has the same list). */
const STEPS = ["invitation", "confirm", "account", "home", "instant-login", "badge", "messages"];
const TEACHER = "lena.ortiz@lakeside.example.org";
const FAMILIES = {
  en: { sisId: "k-en", first: "Maya", last: "Lopez", parent: "Ana Lopez", email: "ana.lopez@example.com", password: "sunny paths to school", teacherSays: "Hello Ana! Maya read a whole chapter book today.", reply: "Thank you! She loved that book." },
  es: { sisId: "k-es", first: "Maya", last: "López", parent: "Ana López", email: "ana.lopez.es@example.com", password: "caminos soleados a la escuela", teacherSays: "¡Hola, Ana! Hoy Maya leyó un libro entero.", reply: "¡Gracias, maestra! Le encantó ese libro." },
};
/** The address in the pictures' emails and badge (a real portal's, not the test server's random port). */
const PUBLIC_URL = "https://families.lakeside.example";
let stack;
let district;
/** Lena Ortiz, signed in once (page-client, no browser). */
let teacher;
/** language → step → the picture's size in bytes. */
const sizes = { en: {}, es: {} };

before(async () => {
  stack = await startStack({ vars: { PUBLIC_URL } });
  const { origin } = stack;
  ({ body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Lakeside Schools" }));
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Lakeside Elementary" }],
    teachers: [{ sisId: "t1", name: "Lena Ortiz", email: TEACHER }],
    students: Object.values(FAMILIES).map((f) => ({ sisId: f.sisId, firstName: f.first, lastName: f.last, schoolSisId: "sch", grade: "2", badgesEnabled: true })),
    sections: [{ sisId: "s1", name: "Grade 2 · Room 4", schoolSisId: "sch", teacherSisIds: ["t1"], studentSisIds: Object.values(FAMILIES).map((f) => f.sisId) }],
  });
  await api(origin, district.token, "PUT", "/links/calendar", { title: "School calendar", url: "https://calendar.lakeside.example/", audience: "both" });
  await api(origin, district.token, "POST", "/invitations/batch", {
    invitations: Object.entries(FAMILIES).map(([language, f]) => ({ studentSisId: f.sisId, email: f.email, name: f.parent, language })),
  });
  teacher = await signInTeacher(origin, TEACHER);
});

/** A mailed link's path, opened on the test server. */
const pathOf = (link) => new URL(link).pathname;
after(async () => {
  for (const [language, steps] of Object.entries(sizes)) if (Object.keys(steps).length) console.log(`tour pictures (${language}): ${Object.entries(steps).map(([s, n]) => `${s} ${(n / 1024).toFixed(1)} KB`).join(", ")}`);
  await stack?.stop();
});

/** PNG → WebP in Chromium itself (canvas.toDataURL), on a blank page of its own (no CSP there). */
async function toWebp(png) {
  const page = await stack.newPage();
  try {
    for (const quality of [0.8, 0.65, 0.5]) {
      const dataUrl = await page.evaluate(
        async ({ b64, quality }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          canvas.getContext("2d").drawImage(img, 0, 0);
          return canvas.toDataURL("image/webp", quality);
        },
        { b64: png.toString("base64"), quality },
      );
      assert.match(dataUrl, /^data:image\/webp;base64,/, "Chromium encodes WebP");
      const webp = Buffer.from(dataUrl.split(",")[1], "base64");
      if (webp.length <= SCREENSHOT_MAX_BYTES) return webp;
    }
    throw new Error("no WebP quality fits 60 KB");
  } finally {
    await page.context().close();
  }
}

/** The top 390 × 640 px of the page as the tour shows it. */
async function photograph(page, language, step) {
  assert.equal(page.viewportSize().width, 390);
  await page.waitForLoadState("load");
  // Filling in a form scrolls to the field: the picture starts at the top of the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  const webp = await toWebp(await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: 390, height: 640 } }));
  sizes[language][step] = webp.length;
  if (process.env.SAVE_SCREENSHOTS === "1") {
    mkdirSync(TOUR_DIR, { recursive: true });
    writeFileSync(join(TOUR_DIR, `${language}-${step}.webp`), webp);
  }
}

async function journey(language) {
  const f = FAMILIES[language];
  const t = await loadCatalog(language);
  const page = await stack.newPage({ locale: language === "es" ? "es-MX" : "en-US" });

  // 1. The school's email, as a phone's mail app shows it.
  const invitation = await stack.waitForMail(f.email, /\/i\//);
  assert.ok(invitation.html, "the invitation has an HTML part");
  await page.setContent(invitation.html);
  await photograph(page, language, "invitation");

  // 2. Its link: confirm the child.
  await page.goto(pathOf(linkIn(invitation.text, /^\/i\//)));
  assert.equal(await page.getAttribute("html", "lang"), language);
  await photograph(page, language, "confirm");
  await page.getByRole("button", { name: t.onboarding.yesMyChild }).first().click();
  await page.waitForURL((u) => u.pathname === "/join");

  // 3. Create the account (the form as the parent fills it in; the password stays dots).
  await page.getByLabel(t.onboarding.join.name).fill(f.parent);
  await page.getByLabel(t.onboarding.join.email).fill(f.email);
  await page.getByLabel(t.onboarding.join.password).fill(f.password);
  await photograph(page, language, "account");
  await page.getByRole("button", { name: t.onboarding.join.submit }).click();
  await page.waitForURL((u) => u.pathname.startsWith("/join/check-email"));
  const confirmation = await stack.waitForMail(f.email, /verify-email/);
  await page.goto(pathOf(linkIn(confirmation.text, /^\/verify-email\//)));
  await page.getByRole("button", { name: t.onboarding.verify.submit }).click();
  await page.waitForURL((u) => u.pathname === "/");

  // 4. Home: the child's card. The teacher has written meanwhile, so Messages shows in the tab.
  const sectionId = (await teacher.get("/teacher")).text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z2-7]+)/)?.[1];
  assert.ok(sectionId);
  // To every connected family of the class (the other language's family, if any, has had its pictures taken).
  const sent = await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: f.teacherSays });
  assert.ok(sent.status < 400, `the teacher's message: ${sent.status}`);
  await page.goto("/");
  await photograph(page, language, "home");

  // 6. The badge.
  await page.locator('main a[href$="/badge"]').first().click();
  await page.waitForURL((u) => u.pathname.endsWith("/badge"));
  await photograph(page, language, "badge");

  // 7. The conversation, with the parent's answer.
  await page.goto("/messages");
  await page.locator('main a[href^="/messages/thr_"]').first().click();
  await page.waitForURL((u) => /^\/messages\/thr_/.test(u.pathname));
  await page.locator("#f-body").fill(f.reply);
  await page.getByRole("button", { name: t.messages.send }).click();
  await page.locator("main").getByText(f.reply).waitFor();
  await page.locator("#f-body").blur();
  await photograph(page, language, "messages");

  // 5. Instant Login, last: the parent is signed out and the child lands in the student portal.
  await page.goto("/");
  await page.getByRole("button", { name: new RegExp(`^${t.home.instantLogin}`) }).first().click();
  await page.waitForURL((u) => u.pathname === "/student");
  await photograph(page, language, "instant-login");
  await page.context().close();
}

describe("the tour for new parents", () => {
  for (const language of ["en", "es"]) {
    it(`photographs every step of a family's first day (${language}), each picture a WebP of at most 60 KB`, async () => {
      await journey(language);
      assert.deepEqual(Object.keys(sizes[language]).sort(), [...STEPS].sort());
    });
  }

  for (const [language, locale] of [["en", "en-US"], ["es", "es-MX"]]) {
    it(`the tour page (${language}): every step's picture lazy, sized and described; all of it from our own origin`, async () => {
      const t = await loadCatalog(language);
      const page = await stack.newPage({ locale });
      const elsewhere = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(stack.origin) && !r.url().startsWith("data:")) elsewhere.push(r.url());
      });
      const webps = [];
      page.on("request", (r) => {
        if (r.url().endsWith(".webp")) webps.push(r.url());
      });
      await page.goto("/tour");
      await page.waitForLoadState("networkidle");
      // Lazy: a first visit fetches the pictures near the top, not all seven (the rest come with scrolling).
      const firstVisit = webps.length;
      assert.ok(firstVisit < STEPS.length, `${firstVisit} pictures on arrival`);
      assert.equal(await page.getAttribute("html", "lang"), language);
      assert.equal(await page.locator("h1").textContent(), t.help.tour.title);
      await checkPage(page, `tour (${language})`);
      const pictures = page.locator("main img");
      assert.equal(await pictures.count(), STEPS.length);
      for (let i = 0; i < STEPS.length; i++) {
        const img = pictures.nth(i);
        assert.equal(await img.getAttribute("loading"), "lazy");
        assert.equal(await img.getAttribute("alt"), t.help.tour.steps[STEPS[i]].alt);
        assert.ok(Number(await img.getAttribute("width")) > 0 && Number(await img.getAttribute("height")) > 0);
        assert.match(await img.getAttribute("src"), new RegExp(`^/static/tour-${language}-${STEPS[i]}\\.[0-9a-f]{12}\\.webp$`));
        await img.scrollIntoViewIfNeeded();
        await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
      }
      assert.equal(webps.length, STEPS.length);
      console.log(`tour (${language}): ${firstVisit} of ${STEPS.length} pictures fetched on arrival at 390 × 844`);
      assert.deepEqual(elsewhere, []);
      assert.equal(await page.locator("video, iframe, [autoplay]").count(), 0);
      await page.context().close();
    });
  }
});
