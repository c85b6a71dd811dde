import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { badgePng, badgeQrSvg, badgeQrText } from "../src/badges/image";

/** Decodes our own grayscale, unfiltered PNG back to RGBA pixels (enough for the test). */
async function decodeGrayPng(png: Uint8Array): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0, height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const raw = new Uint8Array(await new Response(new Blob(idat).stream().pipeThrough(new DecompressionStream("deflate"))).arrayBuffer());
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const g = raw[y * (width + 1) + 1 + x]!;
      rgba.set([g, g, g, 255], (y * width + x) * 4);
    }
  }
  return { width, height, rgba };
}

describe("badge image", () => {
  const token = "abcdefghijklmnopqrstuvwxyz234567";

  it("is a PNG whose QR code decodes to the badge token", async () => {
    const png = await badgePng({ token, childName: "Zoë Ñúñez-O'Brien", schoolName: "Maple Grove Elementary", loginHint: "127.0.0.1:8787/badges" });
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
