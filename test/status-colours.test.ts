// Issue 14, item 11: an invitation's "Pending" on the class page is a status, not a link: it must
// not wear the link colour (the "Send again" beside it does), and it keeps AA contrast on white.
import { describe, expect, it } from "vitest";
import { asset } from "../src/static";
import { staticFile } from "./world";

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe("the invitation statuses' colours", () => {
  it("Pending is not the link colour, and reads at 4.5:1 or more on white", async () => {
    const css = await (await staticFile(asset("app.css"))).text();
    const linkColour = css.match(/--accent:(#[0-9a-f]{6})/i)?.[1];
    const rule = css.match(/\.t-status\.pending\{color:([^;}]+)/)?.[1];
    expect(linkColour).toBeDefined();
    expect(rule).toBeDefined();
    expect(rule).not.toContain("var(--accent)");
    expect(rule!.toLowerCase()).not.toBe(linkColour!.toLowerCase());
    expect(rule).toMatch(/^#[0-9a-f]{6}$/i);
    expect((1.05 / (luminance(rule!) + 0.05))).toBeGreaterThanOrEqual(4.5);
  });
});
