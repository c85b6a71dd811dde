// Views read the request they render for (src/render-context.ts) across the layout's awaits: pages
// rendered at the same time never see each other's request.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { browserAs, insertParent } from "./world";

const htmlLang = async (res: Response) => (await res.text()).match(/<html lang="([^"]+)"/)?.[1];

describe("the request a page renders for", () => {
  it("stays its own when many pages in two languages render at once", async () => {
    const spanish = await insertParent();
    const english = await insertParent();
    await env.DB.prepare("UPDATE users SET language = 'es' WHERE id = ?").bind(spanish.id).run();
    const es = await browserAs("parent", spanish.id);
    const en = await browserAs("parent", english.id);
    const pages = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? en : es).get("/")));
    expect(pages.map((r) => r.status)).toEqual(Array(24).fill(200));
    const langs = await Promise.all(pages.map(htmlLang));
    expect(langs).toEqual(Array.from({ length: 24 }, (_, i) => (i % 2 ? "en" : "es")));
  });
});
