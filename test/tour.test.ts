// The tour for new parents (/tour, issue 14 item 11a): seven steps, each with a sentence and the
// end-to-end suite's phone picture of it (static/tour/, checked in; test/e2e/tour.test.mjs makes
// them). A picture missing from the checkout, over 60 KB, without its text alternative or not
// lazy makes this fail; so does the page growing past a parent page's 14 KB budget.
import { describe, expect, it } from "vitest";
import { en, es } from "./i18n-source";
import { STATIC_ASSETS } from "../src/generated/static-assets";
import { TOUR_PICTURE_LANGUAGES, TOUR_STEPS } from "../views/pages/tour";
import { browserAs, call, parentOf, staticFile, createDistrict, insertSchool, insertStudent } from "./world";

const HTML_BUDGET = 14 * 1024;
const PICTURE_MAX_BYTES = 60 * 1024;

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** A WebP's size in pixels from its first chunk (the lossy VP8 Chromium's canvas writes, or VP8L/VP8X). */
function webpSize(b: Uint8Array): { width: number; height: number } {
  const ascii = (at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
  expect(ascii(0, 4) + ascii(8, 4)).toBe("RIFFWEBP");
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const chunk = ascii(12, 4);
  if (chunk === "VP8 ") return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return { width: (v.getUint32(24, true) & 0xffffff) + 1, height: (v.getUint32(27, true) & 0xffffff) + 1 };
}

/** Every <img> of the page, its attributes by name. */
function images(html: string): Record<string, string>[] {
  return [...html.matchAll(/<img\b([^>]*)>/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

const unescape = (s: string) => s.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");

describe("the tour's pictures in the checkout", () => {
  it("has every step's picture for every language that has pictures, each a WebP of at most 60 KB", () => {
    for (const language of TOUR_PICTURE_LANGUAGES) {
      for (const step of TOUR_STEPS) {
        const a = STATIC_ASSETS.find((x) => x.name === `tour/${language}-${step}.webp`);
        expect(a, `static/tour/${language}-${step}.webp`).toBeDefined();
        expect(a!.bytes).toBeLessThanOrEqual(PICTURE_MAX_BYTES);
        expect(a!.type).toBe("image/webp");
      }
    }
  });
});

describe("/tour", () => {
  for (const [language, t, acceptLanguage] of [["en", en, "en-US"], ["es", es, "es-MX,es;q=0.9"]] as const) {
    it(`(${language}) shows seven steps, each picture lazy, sized, described in the catalog's words and served from our origin, within 14 KB`, async () => {
      const res = await call("/tour", { headers: { "accept-language": acceptLanguage } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<html lang="${language}"`);
      expect(html).toContain(`<h1>${t.help.tour.title}</h1>`);
      const size = await gzipSize(html);
      console.info(`tour (${language}): ${html.length} bytes of HTML, ${size} gzipped`);
      expect(size).toBeLessThanOrEqual(HTML_BUDGET);
      expect(html).not.toMatch(/<video|<iframe|<audio|autoplay/);

      const imgs = images(html);
      expect(imgs).toHaveLength(TOUR_STEPS.length);
      for (const [i, step] of TOUR_STEPS.entries()) {
        const img = imgs[i]!;
        expect(unescape(img.alt ?? "")).toBe(t.help.tour.steps[step].alt);
        expect(t.help.tour.steps[step].alt.length).toBeGreaterThan(20);
        expect(img.loading).toBe("lazy");
        expect(img.src).toMatch(new RegExp(`^/static/tour-${language}-${step}\\.[0-9a-f]{12}\\.webp$`));
        expect(html).toContain(t.help.tour.steps[step].title);

        const picture = await staticFile(img.src!);
        expect(picture.status).toBe(200);
        expect(picture.headers.get("content-type")).toBe("image/webp");
        expect(picture.headers.get("cache-control")).toContain("immutable");
        const bytes = new Uint8Array(await picture.arrayBuffer());
        expect(bytes.byteLength).toBeGreaterThan(1000);
        expect(bytes.byteLength).toBeLessThanOrEqual(PICTURE_MAX_BYTES);
        // width/height reserve the picture's space before it loads: they are its real size.
        expect(webpSize(bytes)).toEqual({ width: Number(img.width), height: Number(img.height) });
      }
    });
  }

  it("is linked from the welcome page, Help and the parent's home", async () => {
    for (const path of ["/", "/help"]) expect(await (await call(path)).text()).toContain(`<a href="/tour">${en.help.tour.link}</a>`);
    const district = await createDistrict();
    const school = await insertSchool(district.id);
    const kid = await insertStudent(district.id, school.id);
    const parent = await parentOf(district.id, [kid.id]);
    const home = await (await browserAs("parent", parent.id)).get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`<a href="/tour">${en.help.tour.link}</a>`);
    expect(await (await call("/", { headers: { "accept-language": "es" } })).text()).toContain(`<a href="/tour">${es.help.tour.link}</a>`);
  });
});
