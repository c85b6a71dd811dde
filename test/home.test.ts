import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { countingD1 } from "../src/db/statement-counter";
import { listChildren } from "../src/accounts/children";
import { connectInvitations } from "../src/invitations/accept";
import { Browser, browserAs, districtWithSiblings, freshEmail, insertParent, insertTeacher, inviteTo, pageText, postSignInForm } from "./world";


async function signedInParentWith(studentSisIds: string[]) {
  const f = await districtWithSiblings();
  const user = await insertParent({ name: "Jordan Johnson" });
  const email = freshEmail("invited");
  const ids = [];
  for (const sis of studentSisIds) ids.push((await inviteTo(f.district, sis === "maya" ? f.maya.sisId : sis === "leo" ? f.leo.sisId : f.ethan.sisId, email)).id);
  await connectInvitations(getDb(env.DB), user.id, ids, Date.now());
  const b = new Browser();
  await postSignInForm(b, user.email, user.password);
  return { f, user, b };
}

describe("GET / for someone not signed in", () => {
  it("is a short public landing page: what Family Portal is, Sign in, invitations come from the school", async () => {
    const res = await new Browser().get("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/sign-in"');
    const text = await pageText(new Response(html));
    expect(text).toContain("Invitations come from your child's school");
    expect(text).toContain("help your child log in");
  });
});

describe("GET / for a parent", () => {
  it("shows one card per connected child with name and school, and the places kept for login tools and district links", async () => {
    const { f, b } = await signedInParentWith(["maya", "leo", "ethan"]);
    const res = await b.get("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<li class="card child"/g)).toHaveLength(3);
    for (const s of [f.maya, f.leo, f.ethan]) {
      expect(html).toContain(`id="child-${s.id}"`);
      expect(html).toContain(`data-student-id="${s.id}"`);
    }
    const text = await pageText(new Response(html));
    expect(text).toContain("Hello, Jordan Johnson");
    expect(text).toContain("Ethan Johnson");
    expect(text).toContain("Riverside Middle School");
    expect(text).toContain("Maple Grove Elementary");
    expect(html.match(/<div class="login-tools"/g)).toHaveLength(3);
    // The district has no links for families: no empty section below the login tools.
    expect(html).not.toContain('class="district-links"');
  });

  it("says what Instant Login does once, above the cards, and each button points screen readers to it (issue 14)", async () => {
    const { b } = await signedInParentWith(["maya", "leo", "ethan"]);
    const html = await (await b.get("/")).text();
    const says = "you will be signed out of Family Portal";
    expect(html.split(says)).toHaveLength(2);
    const explained = html.match(/<p [^>]*id="instant-login-explained"[^>]*>([\s\S]*?)<\/p>/);
    expect(explained?.[1]).toContain(says);
    expect(html.indexOf('id="instant-login-explained"')).toBeLessThan(html.indexOf('<ul class="children"'));
    expect(html.match(/<button type="submit" aria-describedby="instant-login-explained">Instant Login/g)).toHaveLength(3);
  });

  it("with no children, there is no Instant Login explanation", async () => {
    const parent = await insertParent();
    const b = await browserAs("parent", parent.id);
    expect(await (await b.get("/")).text()).not.toContain("instant-login-explained");
  });

  it("each card has both login tools: Instant Login, and the Badge or why there is none", async () => {
    const { f, b } = await signedInParentWith(["maya", "leo", "ethan"]);
    await env.DB.prepare("UPDATE students SET badges_enabled = 1 WHERE id = ?").bind(f.maya.id).run();
    const html = await (await b.get("/")).text();
    const card = (id: string) => {
      const start = html.indexOf(`id="child-${id}"`);
      return html.slice(start, html.indexOf("</li>", start));
    };
    const maya = card(f.maya.id);
    expect(maya).toContain(`action="/children/${f.maya.id}/instant-login"`);
    expect(maya).toContain(`href="/children/${f.maya.id}/badge"`);
    expect(maya).not.toContain("Badges are not used");
    const leo = card(f.leo.id);
    expect(leo).toContain(`action="/children/${f.leo.id}/instant-login"`);
    expect(leo).not.toContain("/badge");
    expect(await pageText(new Response(leo))).toContain("Badges are not used for Leo at this school.");
  });

  it("reads the children in one query, however many there are", async () => {
    const { user } = await signedInParentWith(["maya", "leo", "ethan"]);
    const counter = countingD1(env.DB);
    const children = await listChildren(getDb(counter.db), user.id);
    expect(children).toHaveLength(3);
    expect(counter.count()).toBe(1);
  });

  it("a parent never sees another family's child", async () => {
    const mine = await signedInParentWith(["maya"]);
    const theirs = await signedInParentWith(["leo"]);
    const myHome = await pageText(await mine.b.get("/"));
    expect(myHome).toContain("Maya Johnson");
    expect(myHome).not.toContain("Leo Johnson");
    expect(myHome).not.toContain(theirs.f.leo.id);
    const theirHome = await pageText(await theirs.b.get("/"));
    expect(theirHome).toContain("Leo Johnson");
    expect(theirHome).not.toContain("Maya Johnson");
  });

  it("with no children yet, says how to connect one", async () => {
    const user = await insertParent();
    const b = new Browser();
    await postSignInForm(b, user.email, user.password);
    const text = await pageText(await b.get("/"));
    expect(text).toContain("No children are connected to your account yet");
  });
});

describe("GET / for teachers and students", () => {
  it("sends teachers to /teacher and students to /student", async () => {
    const f = await districtWithSiblings();
    const teacherId = await insertTeacher(f.district.id);
    for (const [kind, id, to] of [["teacher", teacherId, "/teacher"], ["student", f.maya.id, "/student"]] as const) {
      const b = await browserAs(kind, id);
      const res = await b.get("/", { follow: false });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(to);
    }
  });
});
