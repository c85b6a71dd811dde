import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { countingD1 } from "../src/db/statement-counter";
import { loadHome } from "../src/accounts/home";
import { api, browserAs, districtWithSiblings, districtWithStudent, insertGuardianship, insertParent, pageText, type TestDistrict } from "./world";

/** A parent of these children (of one district or several), signed in. */
async function signedInParentOf(children: { districtId: string; studentId: string }[]) {
  const { id } = await insertParent();
  for (const c of children) await insertGuardianship(c.districtId, id, c.studentId);
  return { id, b: await browserAs("parent", id) };
}

async function putLink(d: TestDistrict, key: string, audience: "families" | "students" | "both", description?: string) {
  const res = await api(d.token, "PUT", `/links/${key}`, { title: `Link ${key}`, url: `https://${key}.example.org/`, audience, description });
  expect(res.status).toBeLessThan(300);
}

const count = (s: string, part: string) => s.split(part).length - 1;

describe("district links on the parent's home", () => {
  it("shows the families' links (families or both) of the children's district once, below the login tools, opening the district's site", async () => {
    const f = await districtWithSiblings();
    await putLink(f.district, "calendar", "families", "Days off and events");
    await putLink(f.district, "lunch", "both");
    await putLink(f.district, "reading", "students");
    const stranger = await districtWithStudent({ districtName: "Someone Else's District" });
    await putLink(stranger.district, "not-yours", "families");
    await putLink(stranger.district, "not-yours-either", "both");

    const p = await signedInParentOf([
      { districtId: f.district.id, studentId: f.maya.id },
      { districtId: f.district.id, studentId: f.leo.id },
    ]);
    const html = await (await p.b.get("/")).text();
    // Siblings share the district: each link once.
    expect(count(html, 'href="https://calendar.example.org/"')).toBe(1);
    expect(count(html, 'href="https://lunch.example.org/"')).toBe(1);
    expect(html).toContain('<a href="https://calendar.example.org/" target="_blank" rel="noopener">');
    expect(html).not.toContain("reading.example.org");
    expect(html).not.toContain("not-yours");
    // Below the login tools.
    expect(html.indexOf('class="district-links"')).toBeGreaterThan(html.lastIndexOf('class="login-tools"'));
    const text = await pageText(new Response(html));
    expect(text).toContain("Links from your district");
    expect(text).toContain("Link calendar");
    expect(text).toContain("Days off and events");
    // One district: no district headings.
    expect(html).not.toContain("<h3>");
  });

  it("with children in two districts, shows each district's links under its name, and never a third district's", async () => {
    const f = await districtWithSiblings();
    const other = await districtWithStudent({ districtName: "Zephyr Unified" });
    const third = await districtWithStudent({ districtName: "Third District" });
    await putLink(f.district, "a-fam", "families");
    await putLink(other.district, "b-both", "both");
    await putLink(other.district, "b-stu", "students");
    await putLink(third.district, "c-fam", "families");
    const p = await signedInParentOf([
      { districtId: f.district.id, studentId: f.ethan.id },
      { districtId: other.district.id, studentId: other.student.id },
    ]);
    const html = await (await p.b.get("/")).text();
    expect(html).toContain(`<h3>${f.district.name}</h3>`);
    expect(html).toContain("<h3>Zephyr Unified</h3>");
    expect(html.indexOf("a-fam.example.org")).toBeGreaterThan(html.indexOf(`<h3>${f.district.name}</h3>`));
    expect(html.indexOf("b-both.example.org")).toBeGreaterThan(html.indexOf("<h3>Zephyr Unified</h3>"));
    expect(html).not.toContain("b-stu");
    expect(html).not.toContain("c-fam");
    expect(html).not.toContain("Third District");
  });

  it("a student never sees a families-only link, and a parent never sees a students-only one", async () => {
    const f = await districtWithSiblings();
    await putLink(f.district, "for-parents", "families");
    await putLink(f.district, "for-kids", "students");
    await putLink(f.district, "for-all", "both");
    const p = await signedInParentOf([{ districtId: f.district.id, studentId: f.maya.id }]);
    const home = await (await p.b.get("/")).text();
    expect(home).toContain("for-parents.example.org");
    expect(home).toContain("for-all.example.org");
    expect(home).not.toContain("for-kids.example.org");
    const s = await browserAs("student", f.maya.id);
    const portal = await (await s.get("/student")).text();
    expect(portal).toContain("for-kids.example.org");
    expect(portal).toContain("for-all.example.org");
    expect(portal).not.toContain("for-parents.example.org");
  });

  it("reads children, schools and links in the same two statements (one batch), however many children and districts", async () => {
    const f = await districtWithSiblings();
    const other = await districtWithStudent();
    for (const k of ["a", "b", "c"]) await putLink(f.district, k, "families");
    await putLink(other.district, "d", "both");
    const one = await signedInParentOf([{ districtId: f.district.id, studentId: f.maya.id }]);
    const many = await signedInParentOf([
      { districtId: f.district.id, studentId: f.maya.id },
      { districtId: f.district.id, studentId: f.leo.id },
      { districtId: f.district.id, studentId: f.ethan.id },
      { districtId: other.district.id, studentId: other.student.id },
    ]);
    for (const [who, kids, links] of [[one, 1, 3], [many, 4, 4]] as const) {
      const counter = countingD1(env.DB);
      const home = await loadHome(getDb(counter.db), who.id);
      expect(home.kids).toHaveLength(kids);
      expect(home.links).toHaveLength(links);
      expect(counter.count()).toBe(2);
    }
  });

  it("shows no links section when the district has none for families", async () => {
    const f = await districtWithSiblings();
    await putLink(f.district, "kids-only", "students");
    const p = await signedInParentOf([{ districtId: f.district.id, studentId: f.maya.id }]);
    const html = await (await p.b.get("/")).text();
    expect(html).not.toContain("district-links");
    expect(await pageText(new Response(html))).not.toContain("Links from your district");
  });
});
