import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, browserAs, createDistrict, insertSchool, insertStudent, parentOf } from "./world";

/** SPEC 4: every parent page's HTML is at most 14 KB compressed. */
const BUDGET = 14 * 1024;

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** Words in a fixed pseudo-random order, so the text compresses like prose rather than like a repeated string. */
function prose(length: number, seed: number): string {
  const words = ["school", "reading", "families", "lunch", "calendar", "library", "math", "bus", "routes", "after", "care", "sports", "music", "art", "nurse", "forms", "grades", "homework", "weather", "closures", "supplies", "clubs", "science", "Spanish", "counselor", "meals", "volunteers", "events", "portal", "help"];
  let x = seed;
  let out = "";
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += `${words[x % words.length]} `;
  }
  return out.slice(0, length).trim();
}

async function homeWith(opts: { nameLength: number; titleLength: number; descriptionLength: number; language?: string }) {
  const district = await createDistrict(prose(Math.min(opts.nameLength, 200), 1));
  const schools = [await insertSchool(district.id, prose(opts.nameLength, 2)), await insertSchool(district.id, prose(opts.nameLength, 3))];
  const kids = [];
  for (let i = 0; i < 3; i++) {
    kids.push(await insertStudent(district.id, schools[i % 2]!.id, { firstName: prose(Math.min(opts.nameLength, 40), 10 + i), lastName: prose(Math.min(opts.nameLength, 40), 20 + i) }));
  }
  await env.DB.prepare("UPDATE students SET grade = '11', badges_enabled = 1 WHERE id = ?").bind(kids[0]!.id).run();
  for (let i = 0; i < 5; i++) {
    const res = await api(district.token, "PUT", `/links/link-${i}`, {
      title: prose(opts.titleLength, 30 + i),
      url: `https://district-${i}.example.org/${"families/resources/".repeat(5)}${i}?utm_source=family-portal`,
      audience: i % 2 ? "families" : "both",
      description: prose(opts.descriptionLength, 40 + i),
    });
    expect(res.status).toBe(201);
  }
  const parent = await parentOf(district.id, kids.map((k) => k.id), { name: prose(opts.nameLength, 50) });
  const b = await browserAs("parent", parent.id);
  const res = opts.language ? await b.request("/", { headers: { "accept-language": opts.language } }) : await b.get("/");
  expect(res.status).toBe(200);
  const html = await res.text();
  if (opts.language) expect(html).toContain(`<html lang="${opts.language}"`);
  expect(html.match(/<li class="card child"/g)).toHaveLength(3);
  expect(html.match(/rel="noopener"/g)).toHaveLength(5);
  return html;
}

describe("the parent's home page weight (SPEC 4: HTML ≤ 14 KB compressed)", () => {
  it("with three children and five links of ordinary length", async () => {
    const html = await homeWith({ nameLength: 24, titleLength: 40, descriptionLength: 160 });
    const size = await gzipSize(html);
    console.info(`home, 3 children + 5 links: ${html.length} bytes of HTML, ${size} gzipped`);
    expect(size).toBeLessThanOrEqual(BUDGET);
    // Lean markup: well inside the budget, so the page stays fast on a slow phone connection.
    expect(size).toBeLessThanOrEqual(4 * 1024);
  });

  it("with three children and five links at the longest the API allows (titles 200, descriptions 1,000 characters)", async () => {
    const html = await homeWith({ nameLength: 200, titleLength: 200, descriptionLength: 1000 });
    const size = await gzipSize(html);
    console.info(`home, 3 children + 5 maximal links: ${html.length} bytes of HTML, ${size} gzipped`);
    expect(size).toBeLessThanOrEqual(BUDGET);
  });

  it("in Spanish (longer words), with three children and five links, ordinary and at the longest", async () => {
    const ordinary = await homeWith({ nameLength: 24, titleLength: 40, descriptionLength: 160, language: "es" });
    const longest = await homeWith({ nameLength: 200, titleLength: 200, descriptionLength: 1000, language: "es" });
    expect(ordinary).toContain("Inicio de sesión instantáneo");
    const [small, large] = [await gzipSize(ordinary), await gzipSize(longest)];
    console.info(`home in Spanish, 3 children + 5 links: ${small} gzipped; with maximal links: ${large} gzipped`);
    expect(small).toBeLessThanOrEqual(4 * 1024);
    expect(large).toBeLessThanOrEqual(BUDGET);
  });
});
