// Checks every page of the e2e suite the same way: axe-core (no serious or critical violations),
// no sideways scrolling at 320 px, and optionally a small screenshot for the README.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "screenshots");
export const SCREENSHOT_MAX_BYTES = 60 * 1024;

/** Pages checked so far (label → path), for the summary line. */
export const audited = new Map();
/** Moderate and minor findings (rule id → pages), reported but not failed. */
export const lesser = new Map();

/**
 * axe-core on the page as it is now. Injected through the DevTools protocol (page.evaluate), which
 * our CSP (no inline script) does not apply to.
 */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 3).join(" ")}`) }));
  });
  for (const v of violations.filter((v) => v.impact !== "serious" && v.impact !== "critical")) lesser.set(`${v.id} (${v.impact})`, [...(lesser.get(`${v.id} (${v.impact})`) ?? []), label]);
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.equal(bad.length, 0, `${label} (${new URL(page.url()).pathname}): ${JSON.stringify(bad, null, 1)}`);
}

/** At 320 px wide nothing may need sideways scrolling. */
export async function assertFits320(page, label) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: before?.height ?? 700 });
  try {
    const widths = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }))));
    assert.ok(widths.doc <= 320 && widths.body <= 320, `${label} (${new URL(page.url()).pathname}) is ${widths.doc} px wide at 320 px`);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/**
 * A PNG of the top of the page at 390 px, at most 60 KB (shorter crops until it fits). Written to
 * docs/screenshots/<name>.png only when SAVE_SCREENSHOTS=1, so a test run leaves the checkout alone.
 */
export async function screenshot(page, name) {
  const width = page.viewportSize()?.width ?? 390;
  assert.equal(width, 390);
  let png;
  for (const height of [760, 640, 520, 420]) {
    png = await page.screenshot({ type: "png", clip: { x: 0, y: 0, width, height } });
    if (png.length <= SCREENSHOT_MAX_BYTES) break;
  }
  assert.ok(png.length <= SCREENSHOT_MAX_BYTES, `${name}.png is ${png.length} bytes`);
  if (process.env.SAVE_SCREENSHOTS === "1") writeFileSync(join(SCREENSHOTS, `${name}.png`), png);
  return png.length;
}

/** Every check for one page. */
export async function checkPage(page, label, { shot } = {}) {
  if (page.javaScriptEnabled === false) throw new Error(`${label}: axe needs JavaScript; check the page with it on`);
  await page.waitForLoadState("load");
  await assertAccessible(page, label);
  await assertFits320(page, label);
  if (shot) await screenshot(page, shot);
  audited.set(label, new URL(page.url()).pathname);
}
