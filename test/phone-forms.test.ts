// Issue 14, forms on a slow phone: every boosted form's submit button is disabled while its answer
// is on the way (hx-disabled-elt on <body>, inherited); the message box counts characters left only
// with JavaScript (the hint says the plain limit); and "new messages appear here by themselves" is
// only shown when JavaScript runs (it is hidden in the HTML, shown by static/enhance.js).
import { describe, expect, it } from "vitest";
import { asset } from "../src/static";
import { browserAs, call, messageWorld, pageText, startThread } from "./world";

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
