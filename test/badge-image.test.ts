import { env } from "cloudflare:workers";
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { badgePng, badgeQrSvg, badgeQrText } from "../src/badges/image";
import { decodeGrayPng } from "./world";

describe("badge image", () => {
  const token = "abcdefghijklmnopqrstuvwxyz234567";

  it("is a PNG whose QR code decodes to the badge token", async () => {
    const png = await badgePng(env, { token, childName: "Zoë Ñúñez-O'Brien", schoolName: "Maple Grove Elementary", loginHint: "127.0.0.1:8787/badges" });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height, rgba } = await decodeGrayPng(png);
    expect(width).toBeGreaterThanOrEqual(480);
    const code = jsQR(rgba, width, height);
    expect(code?.data).toBe(badgeQrText(token));
    // The name and school are drawn below the code: there are dark pixels in the text area.
    const textRows = rgba.subarray(width * (height - 60) * 4);
    expect(textRows.some((v, i) => i % 4 === 0 && v === 0)).toBe(true);
  });

  it("has an SVG form for the page and for printing, with the label escaped", () => {
    const svg = badgeQrSvg(token, `Badge for <Ann> & "Bo"`);
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toContain("<Ann>");
    expect(svg).toContain("<title>Badge for Ann  Bo</title>");
  });
});
