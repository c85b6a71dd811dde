// Badge login without a camera or JavaScript: the badge picture uploaded at /badges, read by the
// worker (src/badges/png-read.ts, src/badges/picture.ts) with the same checks as a scan.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { decodePng } from "../src/badges/png-read";
import { readBadgePicture } from "../src/badges/picture";
import { badgePin } from "../src/badges/token";
import { api, auditRows, BADGE_SECRET, badgeWorld, browserAs, call, countRows, decodeGrayPng, downloadBadgePicture, ORIGIN, pageText, studentDevice } from "./world";
import type { Browser } from "./world";

const FAILED = "That badge didn't work. Ask your teacher for a new one.";
const NO_BADGE = "No badge was found in that picture.";

const picture = (bytes: Uint8Array, name = "badge.png", type = "image/png") => new File([bytes], name, { type });
const upload = (device: Browser, file: File) => device.upload("/badges/picture", { picture: file }, { follow: false });
const studentSessions = (studentId: string) => countRows("sessions", "kind = 'student' AND subject_id = ?", studentId);

/** Encodes pixels as a PNG of the given colour type and depth, each row with the next of the five filters. */
async function encodePng(width: number, height: number, type: number, depth: number, rows: Uint8Array[], extra: [string, Uint8Array][] = []): Promise<Uint8Array> {
  const rowBytes = rows[0]!.length;
  const bpp = Math.max(1, ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type]! * depth / 8);
  const raw = new Uint8Array(height * (rowBytes + 1));
  rows.forEach((row, y) => {
    const filter = y % 5;
    const prev = y > 0 ? rows[y - 1]! : new Uint8Array(rowBytes);
    raw[y * (rowBytes + 1)] = filter;
    for (let i = 0; i < rowBytes; i++) {
      const a = i >= bpp ? row[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      raw[y * (rowBytes + 1) + 1 + i] = (row[i]! - predicted) & 0xff;
    }
  });
  const zlib = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"))).arrayBuffer());
  const chunk = (name: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    new DataView(out.buffer).setUint32(0, data.length);
    out.set([...name].map((ch) => ch.charCodeAt(0)), 4);
    out.set(data, 8);
    return out; // the reader does not check CRCs
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([depth, type, 0, 0, 0], 8);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), ...extra.map(([n, d]) => chunk(n, d)), chunk("IDAT", zlib), chunk("IEND", new Uint8Array(0))];
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

describe("reading a badge picture in the worker", () => {
  it("reads the QR code in PNGs of every colour type and filter, as phones and editors save them", async () => {
    const w = await badgeWorld();
    const original = await downloadBadgePicture(await browserAs("parent", w.parentId), w.ids.S1);
    const expected = await readBadgePicture(original);
    expect(expected).toMatch(/^FPBADGE:[a-z2-7]{32}$/);
    const { width, height, rgba } = await decodeGrayPng(original);
    const gray = (x: number, y: number) => rgba[(y * width + x) * 4]!;
    const rowsOf = (bytesPerPixel: (v: number) => number[]) =>
      Array.from({ length: height }, (_, y) => new Uint8Array(Array.from({ length: width }, (_, x) => bytesPerPixel(gray(x, y))).flat()));
    const bits = (y: number) => {
      const row = new Uint8Array(Math.ceil(width / 8));
      for (let x = 0; x < width; x++) if (gray(x, y) > 127) row[x >> 3]! |= 0x80 >> (x & 7);
      return row;
    };
    const variants = {
      rgba: await encodePng(width, height, 6, 8, rowsOf((v) => [v, v, v, 255])),
      rgb16: await encodePng(width, height, 2, 16, rowsOf((v) => [v, 0, v, 0, v, 0])),
      grayAlpha: await encodePng(width, height, 4, 8, rowsOf((v) => [v, 255])),
      // White drawn as see-through black: it still reads as paper.
      transparent: await encodePng(width, height, 6, 8, rowsOf((v) => [0, 0, 0, 255 - v])),
      palette1bit: await encodePng(width, height, 3, 1, Array.from({ length: height }, (_, y) => bits(y)), [["PLTE", new Uint8Array([0, 0, 0, 255, 255, 255])]]),
    };
    for (const [name, png] of Object.entries(variants)) expect(await readBadgePicture(png), name).toBe(expected);
  });

  it("reads the badge in a phone screenshot (enlarged on a busy page, light and dark mode) and in a noisy photo of a dim screen", async () => {
    const w = await badgeWorld();
    const original = await downloadBadgePicture(await browserAs("parent", w.parentId), w.ids.S1);
    const expected = await readBadgePicture(original);
    expect(expected).toMatch(/^FPBADGE:/);
    const badge = await decodeGrayPng(original);
    // A 1080 × 1920 screenshot: a status bar, lines of text above and below, the badge shown 1.8× in the middle.
    const screenshot = (dark: boolean) => {
      const W = 1080, H = 1920, k = 1.8;
      const paper = dark ? 18 : 246, ink = dark ? 230 : 35;
      const px = new Uint8Array(W * H).fill(paper);
      px.fill(dark ? 0 : 30, 0, 70 * W);
      for (let line = 0; line < 24; line++) {
        const top = 120 + line * 70 + (line >= 6 ? 1000 : 0);
        if (top + 18 > H) break;
        for (let y = top; y < top + 18; y++) for (let x = 40; x < 40 + ((line * 373) % 600) + 300; x++) if ((x >> 3) % 5 !== 4 && ((x * 7 + y) % 9) > 2) px[y * W + x] = ink;
      }
      const bw = Math.round(badge.width * k), bh = Math.round(badge.height * k), left = (W - bw) >> 1, top = 560;
      for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
        const v = badge.rgba[(Math.floor(y / k) * badge.width + Math.floor(x / k)) * 4]!;
        px[(top + y) * W + left + x] = dark ? 255 - v : v;
      }
      return encodePng(W, H, 0, 8, Array.from({ length: H }, (_, y) => px.subarray(y * W, (y + 1) * W)));
    };
    expect(await readBadgePicture(await screenshot(false)), "light").toBe(expected);
    expect(await readBadgePicture(await screenshot(true)), "dark").toBe(expected);
    // A photo of a dim screen: grey on grey, with sensor noise.
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 100;
    const photo = await encodePng(badge.width, badge.height, 0, 8, Array.from({ length: badge.height }, (_, y) =>
      Uint8Array.from({ length: badge.width }, (_, x) => Math.max(0, Math.min(255, Math.round(90 + (70 * badge.rgba[(y * badge.width + x) * 4]!) / 255 + noise()))))));
    expect(await readBadgePicture(photo), "photo").toBe(expected);
  });

  it("refuses what it cannot read, and pictures over the pixel limit, before inflating them", async () => {
    expect(await decodePng(new TextEncoder().encode("hello, not a picture"), 1000)).toBeNull();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    expect(await readBadgePicture(jpeg)).toBeNull();
    const small = await encodePng(4, 4, 0, 8, Array.from({ length: 4 }, () => new Uint8Array(4).fill(200)));
    expect((await decodePng(small, 16))?.rgba.slice(0, 4)).toEqual(new Uint8ClampedArray([200, 200, 200, 255]));
    expect(await decodePng(small, 15)).toBeNull();
    // A header that promises less than the data holds (a "bomb"): refused, not inflated past it.
    const bomb = await encodePng(4, 400, 0, 8, Array.from({ length: 400 }, () => new Uint8Array(4)));
    new DataView(bomb.buffer).setUint32(20, 4); // IHDR's height
    expect(await decodePng(bomb, 1000)).toBeNull();
    // Damaged data.
    const damaged = small.slice();
    damaged.fill(7, 45, 60);
    expect(await decodePng(damaged, 1000)).toBeNull();
  });
});

describe("POST /badges/picture", () => {
  it("the page offers the upload form, which works without JavaScript", async () => {
    const html = await (await call("/badges")).text();
    expect(html).toMatch(/<form id="badge-picture-form"[^>]*method="post" action="\/badges\/picture" enctype="multipart\/form-data"/);
    const form = html.slice(html.indexOf('<form id="badge-picture-form"'));
    expect(form.slice(0, form.indexOf("</form>"))).toMatch(/<input id="badge-file" type="file" accept="image\/\*" name="picture" required/);
    const text = await pageText(new Response(html));
    expect(text).toContain("You can still log in: choose the badge picture below.");
    expect(text).toContain("a PNG file of up to 2 MB");
    expect(text).toContain("Log in with this picture");
  });

  it("logs the child in with the downloaded badge picture, and audits it as a badge login", async () => {
    const w = await badgeWorld();
    const png = await downloadBadgePicture(await browserAs("parent", w.parentId), w.ids.S1);
    const device = await studentDevice();
    const res = await upload(device, picture(png));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/student");
    expect(await studentSessions(w.ids.S1)).toBe(1);
    expect(device.session).toBeDefined();
    const audit = await auditRows(w.ids.S1, "badge_login");
    expect(audit).toHaveLength(1);
    expect(await pageText(await device.get("/student"))).toContain("Maya");
  });

  it("refuses a voided badge's picture with the one generic message", async () => {
    const w = await badgeWorld();
    const png = await downloadBadgePicture(await browserAs("parent", w.parentId), w.ids.S1);
    expect((await api(w.district.token, "DELETE", "/students/S1/badge")).status).toBe(204);
    const device = await studentDevice();
    const res = await upload(device, picture(png));
    expect(res.status).toBe(401);
    expect(await pageText(res)).toContain(FAILED);
    expect(device.session).toBeUndefined();
    expect(await studentSessions(w.ids.S1)).toBe(0);
  });

  it("says so when the file is not a picture it can read, or has no badge, and writes nothing", async () => {
    await badgeWorld();
    const device = await studentDevice();
    const before = await countRows("sessions");
    for (const file of [picture(new TextEncoder().encode("just some text"), "notes.txt", "text/plain"), picture(await encodePng(8, 8, 0, 8, Array.from({ length: 8 }, () => new Uint8Array(8).fill(255))))]) {
      const res = await upload(device, file);
      expect(res.status).toBe(422);
      const text = await pageText(res);
      expect(text).toContain(NO_BADGE);
      // The form is there again to try another picture.
      expect(text).toContain("Log in with this picture");
    }
    const none = await device.upload("/badges/picture", {}, { follow: false });
    expect(none.status).toBe(422);
    expect(await pageText(none)).toContain("Choose the badge picture first.");
    expect(await countRows("sessions")).toBe(before);
  });

  it("refuses a picture over 2 MB on the badge page, in words, and a huge body before reading it", async () => {
    await badgeWorld();
    const device = await studentDevice();
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const res = await upload(device, picture(big));
    expect(res.status).toBe(413);
    const text = await pageText(res);
    expect(text).toContain("That picture is too large. Choose one of 2 MB or less");
    expect(text).toContain("Log in with this picture");
    // Just over the limit with the form's own overhead: the body limit says the same.
    const over = await upload(device, picture(new Uint8Array(2 * 1024 * 1024 + 20 * 1024)));
    expect(over.status).toBe(413);
    expect(await pageText(over)).toContain("That picture is too large.");
    // Far larger than any picture: the ordinary 64 KB form limit answers.
    const huge = await call("/badges/picture", {
      method: "POST",
      headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "multipart/form-data; boundary=x", "content-length": String(20 * 1024 * 1024) },
      body: new Uint8Array(20 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });

  it("logs a badge picture of another district into that district's own student only", async () => {
    const a = await badgeWorld();
    const b = await badgeWorld();
    const png = await downloadBadgePicture(await browserAs("parent", b.parentId), b.ids.S1);
    const device = await studentDevice();
    expect((await upload(device, picture(png))).status).toBe(303);
    const row = await env.DB.prepare("SELECT subject_id FROM sessions WHERE id = ?").bind(device.sessionId).first<{ subject_id: string }>();
    expect(row?.subject_id).toBe(b.ids.S1);
    expect(await studentSessions(a.ids.S1)).toBe(0);
  });

  it("asks for the PIN after the picture when the district wants one, then logs in", async () => {
    const w = await badgeWorld({ pin: true });
    const png = await downloadBadgePicture(await browserAs("parent", w.parentId), w.ids.S1);
    const device = await studentDevice();
    const step = await upload(device, picture(png));
    expect(step.status).toBe(200);
    expect(await pageText(step)).toContain("Type your PIN");
    expect(await studentSessions(w.ids.S1)).toBe(0);
    const badge = await env.DB.prepare("SELECT id FROM badges WHERE student_id = ? AND voided_at IS NULL").bind(w.ids.S1).first<{ id: string }>();
    const done = await device.post("/badges/login", { pin: badgePin(BADGE_SECRET, badge!.id) }, { follow: false });
    expect(done.status).toBe(303);
    expect(await studentSessions(w.ids.S1)).toBe(1);
  });

  it("counts against the device's 10 tries a minute", async () => {
    await badgeWorld();
    const device = await studentDevice();
    const junk = picture(new TextEncoder().encode("x"), "x.txt", "text/plain");
    for (let i = 0; i < 10; i++) expect((await upload(device, junk)).status).toBe(422);
    expect((await upload(device, junk)).status).toBe(429);
  });
});
