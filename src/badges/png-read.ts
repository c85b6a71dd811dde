/**
 * A small PNG reader for badge pictures uploaded at /badges (JavaScript off): chunks, the
 * runtime's DecompressionStream for the zlib data, and the five row filters, to RGBA pixels for
 * the QR decoder. Every colour type at every bit depth, not interlaced (phones and our own badge download
 * write none). Sizes are checked before anything is inflated, and inflating stops at the size the
 * header promises, so a small "bomb" file cannot fill the Worker's memory.
 */

export interface Pixels {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  rgba: Uint8ClampedArray;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Channels per pixel for each colour type (0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export const isPng = (bytes: Uint8Array): boolean => bytes.length > 8 && SIGNATURE.every((b, i) => bytes[i] === b);

/** Inflates a zlib stream, refusing to produce more than `limit` bytes. */
async function inflate(parts: Uint8Array[], limit: number): Promise<Uint8Array | null> {
  const reader = new Blob(parts).stream().pipeThrough(new DecompressionStream("deflate")).getReader();
  const out = new Uint8Array(limit);
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > limit) {
        await reader.cancel();
        return null;
      }
      out.set(value, at);
      at += value.length;
    }
  } catch {
    return null; // corrupt data
  }
  return at === limit ? out : null;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters in place; false when a row names an unknown filter. */
function unfilter(data: Uint8Array, height: number, rowBytes: number, bpp: number): boolean {
  for (let y = 0; y < height; y++) {
    const start = y * (rowBytes + 1);
    const type = data[start]!;
    const row = start + 1;
    const prev = row - (rowBytes + 1); // the previous row's first byte (unused on row 0)
    if (type === 0) continue;
    if (type > 4) return false;
    for (let i = 0; i < rowBytes; i++) {
      const a = i >= bpp ? data[row + i - bpp]! : 0;
      const b = y > 0 ? data[prev + i]! : 0;
      const c = y > 0 && i >= bpp ? data[prev + i - bpp]! : 0;
      const x = data[row + i]!;
      if (type === 1) data[row + i] = x + a;
      else if (type === 2) data[row + i] = x + b;
      else if (type === 3) data[row + i] = x + ((a + b) >> 1);
      else data[row + i] = x + paeth(a, b, c);
    }
  }
  return true;
}

/**
 * The pixels of a PNG, or null when it is not one we can read (not a PNG, damaged, interlaced,
 * or more than `maxPixels` pixels).
 */
export async function decodePng(png: Uint8Array, maxPixels: number): Promise<Pixels | null> {
  if (!isPng(png)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let header: { width: number; height: number; depth: number; type: number; interlace: number } | null = null;
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (at + 12 <= png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    if (data.length !== len) return null;
    if (type === "IHDR" && len >= 13) {
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: data[8]!, type: data[9]!, interlace: data[12]! };
    } else if (type === "PLTE") palette = data;
    else if (type === "tRNS") transparency = data;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    at += 12 + len;
  }
  if (!header || !idat.length) return null;
  const { width, height, depth, type, interlace } = header;
  const channels = CHANNELS[type];
  if (!channels || !DEPTHS[type]!.includes(depth) || interlace !== 0) return null;
  if (width < 1 || height < 1 || width * height > maxPixels || (type === 3 && !palette)) return null;

  const bitsPerPixel = channels * depth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const data = await inflate(idat, height * (rowBytes + 1));
  if (!data || !unfilter(data, height, rowBytes, Math.max(1, bitsPerPixel >> 3))) return null;

  // Sample n of a row (channel values as 0…255; 16-bit keeps the high byte, lower depths scale up).
  const maxValue = (1 << Math.min(depth, 8)) - 1;
  const sample = (row: number, n: number): number => {
    if (depth === 8) return data[row + n]!;
    if (depth === 16) return data[row + n * 2]!;
    const bit = n * depth;
    return (data[row + (bit >> 3)]! >> (8 - depth - (bit & 7))) & maxValue;
  };
  const scale = (v: number) => (depth >= 8 ? v : Math.round((v * 255) / maxValue));

  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1) + 1;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      let r: number, g: number, b: number;
      let alpha = 255;
      if (type === 3) {
        const i = sample(row, s);
        r = palette![i * 3] ?? 0;
        g = palette![i * 3 + 1] ?? 0;
        b = palette![i * 3 + 2] ?? 0;
        alpha = transparency?.[i] ?? 255;
      } else if (type === 0 || type === 4) {
        r = g = b = scale(sample(row, s));
        if (type === 4) alpha = sample(row, s + 1);
      } else {
        r = sample(row, s);
        g = sample(row, s + 1);
        b = sample(row, s + 2);
        if (type === 6) alpha = sample(row, s + 3);
      }
      // Transparent parts read as white paper (a screenshot's clear background, say).
      rgba[o] = (r * alpha + 255 * (255 - alpha)) / 255;
      rgba[o + 1] = (g * alpha + 255 * (255 - alpha)) / 255;
      rgba[o + 2] = (b * alpha + 255 * (255 - alpha)) / 255;
      rgba[o + 3] = 255;
    }
  }
  return { width, height, rgba };
}
