// Issue 14, forms on a slow phone: every boosted form's submit button is disabled while its answer
// is on the way (hx-disabled-elt on <body>, inherited); the message box counts characters left only
// with JavaScript (the hint says the plain limit); and "new messages appear here by themselves" is
// only shown when JavaScript runs (it is hidden in the HTML, shown by static/enhance.js).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { asset } from "../src/static";
import { Browser, browserAs, call, confirmChild, countEveryTable, districtWithSiblings, freshEmail, inviteTo, messageWorld, pageText, startThread } from "./world";

describe("every page", () => {
  it("disables the submit button of a boosted form while it is sent, and loads the enhancements from our own origin", async () => {
    const html = await (await call("/sign-in")).text();
    expect(html).toContain('<body hx-boost="true" hx-disabled-elt="find [type=submit]">');
    expect(html).toContain(`<script src="${asset("enhance.js")}" defer=""></script>`);
    const css = await (await call(asset("app.css"))).text();
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
