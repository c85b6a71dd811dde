import qrcode from "qrcode-generator";
import type { Bindings } from "../env";
import { badgeFont, type BadgeFont } from "./font-asset";
import { encodeGrayPng } from "./png";
import { loadCatalog } from "../i18n/load";

/**
 * What a badge's QR code says: a recognisable prefix and the opaque token. Not a URL, so a
 * phone camera pointed at it does not offer to open anything.
 */
export const BADGE_QR_PREFIX = "FPBADGE:";
export const badgeQrText = (token: string): string => `${BADGE_QR_PREFIX}${token}`;

/** The QR modules of a badge (error correction M: survives a scratched phone screen). */
export function badgeQr(token: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = qrcode(0, "M");
  qr.addData(badgeQrText(token), "Byte");
  qr.make();
  return { size: qr.getModuleCount(), dark: (r, c) => qr.isDark(r, c) };
}

/** The QR as an SVG (for the page and for printing; scales crisply). */
export function badgeQrSvg(token: string, label: string): string {
  const { size, dark } = badgeQr(token);
  const quiet = 4;
  const n = size + quiet * 2;
  let path = "";
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (dark(r, c)) path += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  const title = label.replace(/[<>&"]/g, "");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges" role="img" aria-label="${title}"><title>${title}</title><rect width="${n}" height="${n}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

type Glyphs = BadgeFont["glyphs"];

/** Text as the font can draw it: accents the font lacks are dropped, unknown letters become "?". */
function drawable(GLYPHS: Glyphs, text: string): string {
  return [...text]
    .map((ch) => (GLYPHS[ch] ? ch : GLYPHS[ch.normalize("NFD").replace(/\p{M}/gu, "")] ? ch.normalize("NFD").replace(/\p{M}/gu, "") : "?"))
    .join("");
}

function textWidth(GLYPHS: Glyphs, text: string, scale: number): number {
  return [...text].reduce((w, ch) => w + (GLYPHS[ch]?.[0] ?? 0) * scale, 0);
}

/** Shortens text with "…" (or "...") until it fits `max` pixels. */
function fit(GLYPHS: Glyphs, text: string, scale: number, max: number): string {
  let t = drawable(GLYPHS, text);
  if (textWidth(GLYPHS, t, scale) <= max) return t;
  const ellipsis = GLYPHS["…"] ? "…" : "...";
  while (t.length > 1 && textWidth(GLYPHS, t + ellipsis, scale) > max) t = t.slice(0, -1);
  return t.trimEnd() + ellipsis;
}

export interface BadgeImageInput {
  token: string;
  childName: string;
  schoolName: string;
  /** e.g. "family.example.org/badges" */
  loginHint: string;
  /** The line under the school in the downloader's language (their catalog's badges.showToWebcam); English when not given. */
  whereToShow?: (loginHint: string) => string;
}

/** The downloadable badge: QR code with the child's name and school under it, as a PNG. */
export async function badgePng(env: Pick<Bindings, "ASSETS">, input: BadgeImageInput): Promise<Uint8Array> {
  const { height: FONT_HEIGHT, glyphs: GLYPHS } = await badgeFont(env);
  const { size, dark } = badgeQr(input.token);
  const cell = 8;
  const quiet = 4;
  const qrPx = (size + quiet * 2) * cell;
  const width = Math.max(qrPx, 480);
  const lines = [
    { text: fit(GLYPHS, input.childName, 2, width - 32), scale: 2 },
    { text: fit(GLYPHS, input.schoolName, 1, width - 32), scale: 1 },
    { text: fit(GLYPHS, (input.whereToShow ?? (await loadCatalog("en")).badges.showToWebcam)(input.loginHint), 1, width - 32), scale: 1 },
  ];
  const textTop = qrPx;
  const height = textTop + lines.reduce((h, l) => h + FONT_HEIGHT * l.scale + 6, 0) + 16;
  const px = new Uint8Array(width * height).fill(255);
  const qrLeft = Math.floor((width - qrPx) / 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!dark(r, c)) continue;
      for (let y = 0; y < cell; y++) {
        const row = (quiet + r) * cell + y;
        px.fill(0, row * width + qrLeft + (quiet + c) * cell, row * width + qrLeft + (quiet + c + 1) * cell);
      }
    }
  }
  let y = textTop;
  for (const line of lines) {
    let x = Math.floor((width - textWidth(GLYPHS, line.text, line.scale)) / 2);
    for (const ch of line.text) {
      const glyph = GLYPHS[ch];
      if (!glyph) continue;
      const [w, rows] = glyph;
      rows.forEach((bits, gy) => {
        for (let gx = 0; gx < w; gx++) {
          if (!(bits & (1 << gx))) continue;
          for (let sy = 0; sy < line.scale; sy++) {
            const at = (y + gy * line.scale + sy) * width + x + gx * line.scale;
            px.fill(0, at, at + line.scale);
          }
        }
      });
      x += w * line.scale;
    }
    y += FONT_HEIGHT * line.scale + 6;
  }
  return encodeGrayPng(width, height, px);
}
