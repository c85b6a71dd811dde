import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, Browser, browserAs, countRows, createDistrict, idOf, insertGuardianship, insertParent, pageText } from "./world";

let seq = 0;

/** A signed-in parent. */
async function parent(): Promise<{ b: Browser; userId: string }> {
  const { id } = await insertParent({ name: "Pat Parent" });
  return { b: await browserAs("parent", id), userId: id };
}

/** A new student in a new district (roster through the API). */
async function newStudent(firstName: string, grade: string): Promise<{ districtId: string; studentId: string }> {
  const d = await createDistrict();
  expect((await api(d.token, "PUT", "/schools/sch-1", { name: "Maple Elementary" })).status).toBe(201);
  const sis = `s-${++seq}`;
  expect((await api(d.token, "PUT", `/students/${sis}`, { firstName, lastName: "Parent", schoolSisId: "sch-1", grade })).status).toBe(201);
  return { districtId: d.id, studentId: await idOf("students", d.id, sis) };
}

/** Connects the parent to a new student in `grade` (the guardianship written directly). */
async function addChild(userId: string, firstName: string, grade: string) {
  const { districtId, studentId } = await newStudent(firstName, grade);
  await insertGuardianship(districtId, userId, studentId);
}

/** The meta line of every card on the page: "Source · Topic · Grades". */
function cardMetas(html: string): string[] {
  return [...html.matchAll(/<p class="idea-meta muted">([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
}

/** Every visible form field has a <label for> naming it. */
function unlabelledFields(html: string): string[] {
  const fields = [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].filter((m) => !/type="hidden"/.test(m[2]!));
  return fields.filter((m) => {
    const id = /\bid="([^"]+)"/.exec(m[2]!)?.[1];
    return !id || !html.includes(`<label for="${id}"`);
  }).map((m) => m[0]);
}

async function gzipSize(text: string): Promise<number> {
  const stream = new Response(text).body!.pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe("GET /ideas", () => {
  it("sends anyone not signed in to sign in, and comes back afterwards", async () => {
    const res = await new Browser().get("/ideas?topic=math", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent("/ideas?topic=math")}`);
  });

  it("shows every curated idea as a card linking to its source in a new tab, with a label for other languages", async () => {
    const { b } = await parent();
    const res = await b.get("/ideas");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<html");
    const cards = html.match(/<li class="card idea">/g) ?? [];
    expect(cards.length).toBe(await countRows("ideas"));
    expect(cards.length).toBeGreaterThanOrEqual(20);
    const links = [...html.matchAll(/<a href="(https:[^"]+)"([^>]*)>/g)];
    expect(links.length).toBe(cards.length);
    for (const [, , attrs] of links) expect(attrs).toContain('target="_blank" rel="noopener noreferrer"');
    expect(html).toContain("Reading Rockets");
    // An idea in another language is marked with that language's name in the reader's language (issue 12, point 8).
    expect(html).toContain('<span class="idea-lang">In Spanish</span>');
    expect(html).toContain('<h3 lang="es">');
    // Filters are plain links that htmx enhances; "all" is current.
    expect(html).toMatch(/<a href="\/ideas\?topic=math" hx-get="\/ideas\?topic=math">Math<\/a>/);
    expect(html).toMatch(/<a href="\/ideas" hx-get="\/ideas" aria-current="page">All topics<\/a>/);
    expect(html).toContain('hx-target="#idea-results"');
    expect(html).toContain('hx-push-url="true"');
    // The suggestion form posts to the same page section, so its messages are in view after a full page load.
    expect(html).toContain('<form method="post" action="/ideas/suggest#suggest" hx-boost="false">');
    expect(unlabelledFields(html)).toEqual([]);
  });

  it("filters by topic and by grade band (ideas for all ages fit every band), marking the current filters", async () => {
    const { b } = await parent();
    const math = await (await b.get("/ideas?topic=math")).text();
    const metas = cardMetas(math);
    expect(metas.length).toBeGreaterThan(2);
    expect(metas.every((m) => m.includes(" · Math · "))).toBe(true);
    expect(math).toMatch(/<a href="\/ideas\?topic=math" hx-get="\/ideas\?topic=math" aria-current="page">Math<\/a>/);

    const both = await (await b.get("/ideas?topic=science&grade=3-5")).text();
    const bothMetas = cardMetas(both);
    expect(bothMetas.length).toBeGreaterThan(0);
    expect(bothMetas.every((m) => m.includes(" · Science · ") && /Grades 3–5|All ages/.test(m))).toBe(true);
    expect(both).toMatch(/aria-current="page">3–5<\/a>/);
    // Changing one filter keeps the other.
    expect(both).toContain('href="/ideas?topic=math&amp;grade=3-5"');
    expect(both).toContain('href="/ideas?grade=3-5"');

    const grade = cardMetas(await (await b.get("/ideas?grade=9-12")).text());
    expect(grade.length).toBeGreaterThan(0);
    expect(grade.every((m) => /Grades 9–12|All ages/.test(m))).toBe(true);
    expect(grade.some((m) => m.includes("Grades 9–12"))).toBe(true);

    // An unknown filter value is ignored rather than an error.
    const unknown = await b.get("/ideas?topic=astrology&grade=13");
    expect(unknown.status).toBe(200);
    expect(cardMetas(await unknown.text()).length).toBe(await countRows("ideas"));
  });

  it("answers htmx with only the list (same URL, Vary: HX-Request); a boosted navigation or history restore gets the whole page", async () => {
    const { b } = await parent();
    const frag = await b.request("/ideas?topic=reading", { headers: { "hx-request": "true", "hx-target": "idea-results" } });
    expect(frag.status).toBe(200);
    expect(frag.headers.get("vary")).toMatch(/HX-Request/i);
    const html = await frag.text();
    expect(html).not.toContain("<html");
    expect(html).not.toContain("<nav aria-label=\"Main\"");
    expect(html.startsWith('<div id="idea-results"')).toBe(true);
    expect(cardMetas(html).every((m) => m.includes(" · Reading · "))).toBe(true);
    expect(html).toMatch(/aria-current="page">Reading<\/a>/);

    for (const extra of [{ "hx-boosted": "true" }, { "hx-history-restore-request": "true" }] as Record<string, string>[]) {
      const full = await b.request("/ideas?topic=reading", { headers: { "hx-request": "true", ...extra } });
      expect(await full.text()).toContain("<html");
    }
    const plain = await b.get("/ideas?topic=reading");
    expect(plain.headers.get("vary")).toMatch(/HX-Request/i);
  });

  it("escapes what the operator wrote", async () => {
    const slug = `xss-${Date.now().toString(36)}`;
    const res = await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${slug}`, {
      title: "<script>alert('t')</script>",
      source: '"><img src=x onerror=alert(1)>',
      sourceUrl: 'https://example.org/?q="><b>x</b>',
      summary: "Fish & chips <b>bold</b>",
      topic: "wellbeing",
      gradeBand: "9-12",
      language: "es",
    });
    expect(res.status).toBe(201);
    try {
      const { b } = await parent();
      const html = await (await b.get("/ideas?topic=wellbeing&grade=9-12")).text();
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<b>");
      expect(html).toContain("&lt;script&gt;");
      expect(html).toContain("Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;");
      expect(html).toContain('href="https://example.org/?q=&quot;&gt;&lt;b&gt;x&lt;/b&gt;"');
    } finally {
      await api(ADMIN_TOKEN, "DELETE", `/admin/ideas/${slug}`);
    }
  });

  it("puts ideas for the parent's children's grade bands first, and names the children by those bands", async () => {
    const { b, userId } = await parent();
    await addChild(userId, "Maya", "4");
    await addChild(userId, "Leo", "K");
    const html = await (await b.get("/ideas")).text();
    expect(html).toMatch(/>3–5 \(Maya\)<\/a>/);
    expect(html).toMatch(/>K–2 \(Leo\)<\/a>/);
    expect(html).toContain("ideas for your children&#39;s grades (K–2, 3–5) come first");
    // Ideas in the reader's language come first (issue 12, point 8); the grade bands order them within it.
    const metas = cardMetas(html).filter((m) => !m.includes(" · In "));
    const firstOther = metas.findIndex((m) => !/Grades K–2|Grades 3–5/.test(m));
    expect(firstOther).toBeGreaterThan(3);
    expect(metas.slice(firstOther).some((m) => /Grades K–2|Grades 3–5/.test(m))).toBe(false);
    expect(metas.slice(firstOther, firstOther + 1)[0]).toContain("All ages");
  });

  it("stays within the page budget (HTML ≤ 14 KB compressed) with every idea", async () => {
    const { b } = await parent();
    const html = await (await b.get("/ideas")).text();
    expect(await gzipSize(html)).toBeLessThanOrEqual(14 * 1024);
  });

  it("sends a student session to the student portal, not to the ideas", async () => {
    const { studentId } = await newStudent("Sam", "7");
    const b = await browserAs("student", studentId);
    const res = await b.get("/ideas", { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/student");
    expect((await b.post("/ideas/suggest", { text: "A student should not be able to send this." }, { follow: false })).headers.get("location")).toBe("/student");
    expect(await countRows("idea_suggestions", "text LIKE 'A student%'")).toBe(0);
  });
});

describe("POST /ideas/suggest", () => {
  const good = "The county library lends science kits for a week, free with a card.";

  it("stores the suggestion for the operator and says thank you", async () => {
    const { b, userId } = await parent();
    await b.get("/ideas"); // the CSRF cookie, as a browser would have it
    const res = await b.post("/ideas/suggest", { text: `  ${good}  `, topic: "science" }, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/ideas?suggested=1#suggest");
    const row = await env.DB.prepare("SELECT text, topic, handled_at FROM idea_suggestions WHERE user_id = ?").bind(userId).first();
    expect(row).toEqual({ text: good, topic: "science", handled_at: null });
    const page = await pageText(await b.get("/ideas?suggested=1"));
    expect(page).toContain("Thank you! Your suggestion was sent");

    const listed = (await (await api(ADMIN_TOKEN, "GET", "/admin/idea-suggestions?status=open")).json()) as { data: { text: string; userId: string }[] };
    expect(listed.data).toContainEqual(expect.objectContaining({ text: good, userId }));
  });

  it("keeps a suggestion without a topic", async () => {
    const { b, userId } = await parent();
    expect((await b.post("/ideas/suggest", { text: good, topic: "" }, { follow: false })).status).toBe(303);
    expect(await countRows("idea_suggestions", "user_id = ? AND topic IS NULL", userId)).toBe(1);
  });

  it("re-renders the form with 422 and stores nothing when the text is too short, too long or the topic unknown", async () => {
    const { b, userId } = await parent();
    const cases: [Record<string, string>, string][] = [
      [{ text: "short <b>" }, "at least 10 characters"],
      [{ text: "          " + "x" }, "at least 10 characters"],
      [{}, "Please write your idea"],
      [{ text: "x".repeat(2001) }, "under 2,000 characters"],
      [{ text: good, topic: "astrology" }, "Please choose a topic"],
    ];
    for (const [fields, message] of cases) {
      const res = await b.post("/ideas/suggest", fields, { follow: false });
      expect(res.status, JSON.stringify(fields).slice(0, 40)).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('aria-invalid="true"');
      expect(unlabelledFields(html)).toEqual([]);
      if (fields.text === "short <b>") expect(html).toContain("short &lt;b&gt;</textarea>");
    }
    expect(await countRows("idea_suggestions", "user_id = ?", userId)).toBe(0);
  });

  it("allows five suggestions an hour; the sixth gets a 429 page and stores nothing", async () => {
    const { b, userId } = await parent();
    for (let i = 1; i <= 5; i++) {
      expect((await b.post("/ideas/suggest", { text: `${good} (${i})` }, { follow: false })).status).toBe(303);
    }
    const res = await b.post("/ideas/suggest", { text: `${good} (6)` }, { follow: false });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const text = await pageText(res);
    expect(text).toContain("several suggestions in the last hour");
    expect(await countRows("idea_suggestions", "user_id = ?", userId)).toBe(5);
    // Another parent is not affected.
    const other = await parent();
    expect((await other.b.post("/ideas/suggest", { text: good }, { follow: false })).status).toBe(303);
  });

  it("refuses a suggestion sent from another site, and one from someone not signed in", async () => {
    const { b, userId } = await parent();
    const cross = await b.request("/ideas/suggest", {
      method: "POST",
      body: new URLSearchParams({ text: good }),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      follow: false,
    });
    expect(cross.status).toBe(403);
    const anon = await new Browser().post("/ideas/suggest", { text: good }, { follow: false });
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe("/sign-in");
    expect(await countRows("idea_suggestions", "user_id = ?", userId)).toBe(0);
  });
});
