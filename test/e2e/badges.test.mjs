// Issue #4 acceptance for Badges, as a family would do it: the parent opens the child's badge and
// downloads the image; jsQR reads it here; on the child's device /badges logs Maya in from the
// chosen image file, and from a (fake) webcam showing the badge. The district voids the badge: the
// same image now fails. With JavaScript off, /badges uploads the image and the server reads it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ADMIN_TOKEN, api, linkIn, startStack } from "./harness.mjs";

const jsQR = createRequire(import.meta.url)("jsqr");

const EMAIL = "nora.silva@example.com";
const PASSWORD = "paper boats on the river";
const dir = mkdtempSync(join(tmpdir(), "fp-badges-"));
let stack;
let district;
let badgePath;

before(async () => {
  stack = await startStack();
  const { origin } = stack;
  ({ body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Riverside Schools" }));
  await api(origin, district.token, "POST", "/roster", {
    schools: [{ sisId: "sch", name: "Riverside Elementary" }],
    students: [{ sisId: "k1", firstName: "Maya", lastName: "Silva", schoolSisId: "sch", grade: "2", badgesEnabled: true }],
  });
  await api(origin, district.token, "POST", "/invitations", { studentSisId: "k1", email: EMAIL });
});
after(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Our badge PNG (8-bit grayscale, filter 0 on every row) as gray pixels. */
function grayPixels(png) {
  let at = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "IHDR") {
      width = png.readUInt32BE(at + 8);
      height = png.readUInt32BE(at + 12);
      assert.equal(png[at + 16], 8, "8-bit");
      assert.equal(png[at + 17], 0, "grayscale");
    }
    if (type === "IDAT") idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) gray.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  return { width, height, gray };
}

function readQr(png) {
  const { width, height, gray } = grayPixels(png);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < gray.length; i++) rgba.set([gray[i], gray[i], gray[i], 255], i * 4);
  return jsQR(rgba, width, height)?.data ?? null;
}

/** The badge centred on a white 800×600 frame, as a one-frame Y4M "video" for Chromium's fake webcam. */
function badgeVideo(png, path) {
  const { width, height, gray } = grayPixels(png);
  const W = 800;
  const H = 600;
  const y = new Uint8Array(W * H).fill(235);
  const left = Math.floor((W - width) / 2);
  const top = Math.floor((H - height) / 2);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) y[(top + r) * W + left + c] = 16 + Math.round((gray[r * width + c] * 219) / 255);
  }
  const chroma = new Uint8Array((W / 2) * (H / 2)).fill(128);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F1:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma, chroma]));
}

async function signUpParent(page) {
  const mail = await stack.waitForMail(EMAIL, /Maya/);
  await page.goto(linkIn(mail.text, /^\/i\//));
  await page.getByRole("button", { name: "Yes, this is my child" }).first().click();
  await page.waitForURL((u) => u.pathname === "/join");
  await stack.joinWithEmail(page, { name: "Nora Silva", email: EMAIL, password: PASSWORD });
}

/** The child's device: /badges, choose the saved badge image. */
async function logInWithFile(path) {
  const page = await stack.newPage();
  const scripts = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname));
  await page.goto("/badges");
  await page.getByLabel("Choose the badge picture").waitFor();
  // No camera here: the page says so and offers the picture instead.
  await page.getByText("No camera was found. You can choose the badge picture below instead.").waitFor();
  assert.equal(await page.locator("[data-badge-nojs]").isVisible(), false);
  // The decoder is fetched only when there is something to decode, and only without BarcodeDetector.
  assert.equal(scripts.filter((s) => s.includes("qr-decode")).length, 0);
  const native = await page.evaluate(() => typeof window.BarcodeDetector === "function");
  await page.setInputFiles("#badge-file", path);
  return { page, scripts, native };
}

/** A child's device with JavaScript off: /badges, choose the badge image, press the button. */
async function uploadWithoutJs(path) {
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto("/badges");
  await page.getByLabel("Choose the badge picture").setInputFiles(path);
  await page.getByRole("button", { name: "Log in with this picture" }).click();
  await page.waitForLoadState();
  return page;
}

describe("Badges in Chromium", () => {
  it("the parent opens Maya's badge from home and downloads the image; its QR code is the badge", async () => {
    const page = await stack.newPage();
    await signUpParent(page);
    await page.getByRole("link", { name: "Badge for Maya" }).click();
    await page.waitForURL((u) => u.pathname.endsWith("/badge"));
    const main = await page.textContent("main");
    assert.match(main, /Maya's badge/);
    assert.match(main, /Riverside Elementary/);
    assert.match(main, new RegExp(`${new URL(stack.origin).host.replace(/\./g, "\\.")}/badges`));
    assert.equal(await page.locator("main svg[role=img]").count(), 1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the badge image" }).click()]);
    assert.equal(download.suggestedFilename(), "badge-maya.png");
    badgePath = join(dir, "badge-maya.png");
    await download.saveAs(badgePath);
    assert.match(readQr(readFileSync(badgePath)), /^FPBADGE:[a-z2-7]{32}$/);
  });

  it("on the child's device, choosing the badge image logs Maya in", async () => {
    const { page, scripts, native } = await logInWithFile(badgePath);
    await page.waitForURL((u) => u.pathname === "/student");
    assert.ok(native || scripts.some((s) => s.includes("qr-decode")), "the QR decoder was loaded to read the picture");
    assert.match(await page.textContent("main"), /Maya/);
    assert.match(await page.textContent("main"), /Riverside Elementary/);
  });

  it("holding the badge up to the webcam logs Maya in", async () => {
    const video = join(dir, "badge.y4m");
    badgeVideo(readFileSync(badgePath), video);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const context = await browser.newContext({ baseURL: stack.origin, permissions: ["camera"] });
      const page = await context.newPage();
      await page.goto("/badges");
      await page.waitForURL((u) => u.pathname === "/student", { timeout: 20_000 });
      assert.match(await page.textContent("main"), /Maya/);
    } finally {
      await browser.close();
    }
  });

  it("with JavaScript off, uploading the badge image logs Maya in (the server reads it)", async () => {
    const page = await uploadWithoutJs(badgePath);
    await page.waitForURL((u) => u.pathname === "/student");
    assert.match(await page.textContent("main"), /Maya/);
  });

  it("after the district voids the badge, the same image fails at once, with JavaScript or without", async () => {
    await api(stack.origin, district.token, "DELETE", "/students/k1/badge");
    const nojs = await uploadWithoutJs(badgePath);
    await nojs.getByText("That badge didn't work. Ask your teacher for a new one.").waitFor();
    assert.equal(new URL(nojs.url()).pathname, "/badges/picture");
    assert.equal((await nojs.context().cookies()).find((c) => c.name === "fp_session"), undefined);
    const { page } = await logInWithFile(badgePath);
    await page.getByText("That badge didn't work. Ask your teacher for a new one.").waitFor();
    assert.equal(new URL(page.url()).pathname, "/badges/login");
    const cookies = await page.context().cookies();
    assert.equal(cookies.find((c) => c.name === "fp_session"), undefined);
  });

  it("with JavaScript off, /badges offers the picture instead of the camera", async () => {
    const page = await stack.newPage({ javaScriptEnabled: false });
    await page.goto("/badges");
    assert.match(await page.textContent("main"), /The camera needs JavaScript, which is off in this browser\. You can still log in: choose the badge picture below\./);
    assert.equal(await page.locator("#badge-form").isVisible(), false);
    assert.equal(await page.getByRole("button", { name: "Log in with this picture" }).isVisible(), true);
  });
});
