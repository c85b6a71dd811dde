import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../src/index";
import { Browser, browserAs, ORIGIN, staticFile, stewardWorld } from "./world";

/**
 * No third parties (issue 7): every page, as each kind of visitor, carries a CSP that allows only
 * this origin, and its HTML loads scripts, styles, images, fonts and frames only from here.
 * Links out (<a href>) to district sites and idea sources are fine: they load nothing.
 */

const SAFE_SOURCES = new Set(["'self'", "'none'", "data:", "blob:"]);

function expectSameOriginCsp(res: Response, label: string) {
  const csp = res.headers.get("content-security-policy");
  expect(csp, `${label}: CSP`).toBeTruthy();
  const directives = new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values] as const));
  expect(directives.get("default-src"), `${label}: default-src`).toEqual(["'self'"]);
  for (const [name, values] of directives) {
    if (name.endsWith("-src") || name === "form-action" || name === "frame-ancestors" || name === "base-uri") {
      for (const v of values) expect(SAFE_SOURCES.has(v), `${label}: ${name} ${v}`).toBe(true);
    }
  }
}

/** Every resource URL the HTML would load (not <a> links). */
function loadedUrls(html: string): string[] {
  const out: string[] = [];
  const tag = /<(script|link|img|source|video|audio|iframe|embed|object|track|input)\b[^>]*>/gi;
  for (const m of html.matchAll(tag)) {
    for (const a of m[0].matchAll(/\s(src|href|srcset|data|poster)="([^"]*)"/gi)) {
      const value = a[2]!;
      out.push(...(a[1]!.toLowerCase() === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0]!) : [value]));
    }
  }
  // CSS url(...) in style elements or @import: none are expected, but they would load too.
  for (const m of html.matchAll(/url\(\s*['"]?([^'")]+)/gi)) out.push(m[1]!);
  return out.filter((u) => u !== "");
}

function expectSameOriginResources(urls: string[], label: string) {
  for (const u of urls) {
    if (u.startsWith("data:") || u.startsWith("blob:")) continue;
    expect(new URL(u.replaceAll("&amp;", "&"), ORIGIN).origin, `${label}: ${u}`).toBe(ORIGIN);
  }
}

/** Every GET page the app serves (not the JSON API or static files themselves). */
const pagePaths = [...new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path))].filter(
  (p) => !p.startsWith("/api/") && !p.startsWith("/static/") && p !== "/favicon.ico" && p !== "/dev/mailbox.json" && !p.includes("*"),
);

describe("no third parties", () => {
  it("serves a page list worth checking", () => {
    expect(pagePaths.length).toBeGreaterThan(40);
    expect(pagePaths).toEqual(expect.arrayContaining(["/", "/account", "/teacher", "/student", "/messages/:id", "/children/:studentId/badge"]));
  });

  it("every page's CSP forbids other origins and its HTML loads nothing from them, for every kind of visitor", async () => {
    const w = await stewardWorld();
    const section = await env.DB.prepare("SELECT section_id AS id FROM enrollments WHERE student_id = ?").bind(w.student.id).first<{ id: string }>();
    const mail = await env.DB.prepare("SELECT id FROM outbox WHERE student_id = ? LIMIT 1").bind(w.student.id).first<{ id: string }>();
    const fill = (path: string) =>
      path
        .replace(/^\/teacher\/sections\/:id/, `/teacher/sections/${section!.id}`)
        // The pages that ask before a badge ends or a device is signed out (issue 14).
        .replace(/^\/teacher\/students\/:id\/badge\/:action\{regenerate\|void\}$/, `/teacher/students/${w.student.id}/badge/void`)
        .replace("/account/sessions/:id/end", "/account/sessions/ses_notarealsession00/end")
        .replace(/\/messages\/:id/, `/messages/${w.threadId}`)
        .replace("/dev/mailbox/:id", `/dev/mailbox/${mail!.id}`)
        .replace(":sectionId", section!.id)
        .replace(":studentId", w.student.id)
        .replace(":seq", "0")
        .replace(":token", "a".repeat(32));

    const visitors: [string, Browser][] = [["anonymous", new Browser()]];
    for (const [kind, id] of [["parent", w.parent.id], ["teacher", w.teacherId], ["student", w.student.id]] as const) {
      const b = await browserAs(kind, id);
      visitors.push([kind, b]);
    }
    const stylesheets = new Set<string>();
    let checked = 0;
    for (const [who, b] of visitors) {
      for (const p of pagePaths) {
        const path = fill(p);
        expect(path, p).not.toContain(":");
        const res = await b.get(path, { follow: false });
        const label = `${who} GET ${path} (${res.status})`;
        expectSameOriginCsp(res, label);
        if ((res.headers.get("content-type") ?? "").includes("text/html")) {
          const html = await res.text();
          const urls = loadedUrls(html);
          expectSameOriginResources(urls, label);
          for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) stylesheets.add(m[1]!);
        } else {
          await res.arrayBuffer();
        }
        checked++;
      }
    }
    expect(checked).toBe(pagePaths.length * 4);
    // Our stylesheets load no fonts or images from elsewhere.
    expect(stylesheets.size).toBeGreaterThan(0);
    for (const href of stylesheets) {
      // Served by the runtime's asset service (Workers Static Assets), not the worker.
      const res = await staticFile(href);
      expect(res.status, href).toBe(200);
      const css = await res.text();
      for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)/gi)) expect(new URL(m[1]!, ORIGIN + href).origin, `${href}: ${m[1]}`).toBe(ORIGIN);
      expect(css, href).not.toMatch(/@import\s+(url\()?['"]?https?:/i);
    }
  });
});
