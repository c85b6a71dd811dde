// Issue 14, forms on a slow phone: every boosted form's submit button is disabled while its answer
// is on the way (hx-disabled-elt on <body>, inherited); the message box counts characters left only
// with JavaScript (the hint says the plain limit); and "new messages appear here by themselves" is
// only shown when JavaScript runs (it is hidden in the HTML, shown by static/enhance.js).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { asset } from "../src/static";
import { Browser, browserAs, call, confirmChild, staticFile, countEveryTable, districtWithSiblings, freshEmail, insertParent, inviteSiblings, inviteTo, messageWorld, pageText, startThread } from "./world";

describe("every page", () => {
  it("disables the submit button of a boosted form while it is sent, and loads the enhancements from our own origin", async () => {
    const html = await (await call("/sign-in")).text();
    expect(html).toContain('<body hx-boost="true" hx-disabled-elt="find [type=submit]">');
    // Only pages with a message box load the enhancements (SPEC 4: htmx is every other page's one script).
    expect(html).not.toContain(asset("enhance.js"));
    const css = await (await staticFile(asset("app.css"))).text();
    expect(css).toMatch(/body:has\(a\.htmx-request,form\.htmx-request\)::before\{/);
  });
});

describe("a conversation's page", () => {
  it("has the message box's counter (hidden until JavaScript fills it), the plain limit in the hint, and hides 'by themselves'", async () => {
    const { w, users } = await messageWorld();
    const teacher = await browserAs("teacher", w.ids.T1);
    const threadId = await startThread(teacher, w.ids.S1, users.rosa.id);
    const parent = await browserAs("parent", users.rosa.id);
    const html = await (await parent.get(`/messages/${threadId}`)).text();
    expect(html).toMatch(/<textarea id="f-body"[^>]* aria-describedby="f-body-hint f-body-count"[^>]* data-count="f-body-count" data-max="2000">/);
    expect(html).toContain('<p class="hint muted small" id="f-body-count" hidden="" data-say-left="# characters left" data-say-one="1 character left" data-say-over="# characters too many"></p>');
    expect(await pageText(new Response(html))).toContain("Up to 2,000 characters.");
    expect(html).toContain("<span data-js-only=\"true\" hidden=\"\">New messages appear here by themselves. </span>");
    expect(html.split("appear here by themselves")).toHaveLength(2);
    // In the body (htmx runs it after a boosted navigation), once.
    expect(html.split(`<script src="${asset("enhance.js")}" defer=""></script>`)).toHaveLength(2);
    expect(html.indexOf(asset("enhance.js"))).toBeGreaterThan(html.indexOf("<body"));

    const es = await parent.request(`/messages/${threadId}`, { headers: { "accept-language": "es" } });
    const spanish = await es.text();
    expect(spanish).toContain('data-say-left="Quedan # caracteres"');
  });
});

describe("sign-up: every problem at once", () => {
  /** The value a field was given back, if any (never the password). */
  const valueOf = (html: string, name: string) => html.match(new RegExp(`<input[^>]* name="${name}"[^>]*>`))?.[0].match(/ value="([^"]*)"/)?.[1];

  it("a bad email and a short password are both said, the typed name and email are kept, the password never", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, inv.token);
    const before = await countEveryTable();
    const res = await b.post("/join/email", { name: "Jordan Johnson", email: "jordan.example.com", password: "short" });
    expect(res.status).toBe(422);
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Please enter an email address like name@example.com.");
    expect(text).toContain("Use at least 8 characters.");
    expect(valueOf(html, "name")).toBe("Jordan Johnson");
    expect(valueOf(html, "email")).toBe("jordan.example.com");
    expect(valueOf(html, "password")).toBeUndefined();
    expect(html).not.toContain("short");
    expect(await countEveryTable()).toEqual(before);
  });

  it("an empty name with a common password: both; a student's address with a short password: both", async () => {
    const f = await districtWithSiblings();
    const studentEmail = freshEmail("maya.student");
    await env.DB.prepare("UPDATE students SET email = ? WHERE id = ?").bind(studentEmail, f.maya.id).run();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, inv.token);
    const one = await pageText(await b.post("/join/email", { name: "", email: freshEmail(), password: "password1" }));
    expect(one).toContain("Please enter your name.");
    expect(one).toContain("most common");
    const two = await pageText(await b.post("/join/email", { name: "", email: studentEmail, password: "short" }));
    expect(two).toContain("Please enter your name.");
    expect(two).toContain("This is a student's school address.");
    expect(two).toContain("Use at least 8 characters.");
  });
});

describe("a returning parent opens a new invitation", () => {
  /** The page after "Yes, this is my child": its heading and the order of its two ways on. */
  async function joinPage(b: Browser) {
    const res = await b.get("/join");
    expect(res.status).toBe(200);
    const html = await res.text();
    const main = html.slice(html.indexOf("<main"));
    const h1 = main.match(/<h1>([^<]*)<\/h1>/)?.[1];
    return { html, h1, signIn: main.indexOf('href="/sign-in"'), create: main.indexOf('action="/join/email"') };
  }

  it("with an account at the invited address: 'Sign in to add Leo' first, creating an account below", async () => {
    const f = await districtWithSiblings();
    const parent = await insertParent();
    const inv = await inviteTo(f.district, f.leo.sisId, parent.email);
    const b = new Browser();
    await confirmChild(b, inv.token);
    const page = await joinPage(b);
    expect(page.h1).toBe("Sign in to add Leo");
    expect(page.signIn).toBeGreaterThan(0);
    expect(page.signIn).toBeLessThan(page.create);
    expect(await pageText(new Response(page.html))).toContain("New to Family Portal? Create your account");
    // Signing in adds Leo.
    const home = await b.post("/sign-in", { email: parent.email, password: parent.password });
    expect(await pageText(home)).toContain("Leo Johnson");
  });

  it("on a browser where a parent signed in before (trusted device), even at another address: sign in first", async () => {
    const f = await districtWithSiblings();
    const parent = await insertParent();
    const b = new Browser();
    expect((await b.post("/sign-in", { email: parent.email, password: parent.password }, { follow: false })).status).toBe(303);
    await b.post("/sign-out", {}, { follow: false });
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    await confirmChild(b, inv.token);
    expect((await joinPage(b)).h1).toBe("Sign in to add Maya");
  });

  it("in Spanish, and naming every confirmed child", async () => {
    const f = await districtWithSiblings();
    const parent = await insertParent();
    const invs = await inviteSiblings(f, parent.email, "maya", "leo");
    const b = new Browser();
    await confirmChild(b, invs.maya.token);
    await b.post("/join/siblings/confirm-all", { id: invs.leo.id });
    const res = await b.request("/join", { headers: { "accept-language": "es" } });
    const html = await res.text();
    expect(html).toMatch(/<h1>Inicie sesión para agregar a (Maya y Leo|Leo y Maya)<\/h1>/);
  });

  it("a new parent (no account, new browser) still sees 'Create your account' first", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, inv.token);
    const page = await joinPage(b);
    expect(page.h1).toBe("Create your account");
    expect(page.create).toBeLessThan(page.signIn);
  });
});
