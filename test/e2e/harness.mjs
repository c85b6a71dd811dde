// End-to-end harness: a throwaway server (wrangler dev, its own database), a stand-in mail API
// that records every message, and Debian's Chromium driven by playwright-core.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { startMailStandIn } from "../../scripts/mail-stand-in.mjs";
import { ADMIN_TOKEN, api, startServer } from "../../scripts/local-server.mjs";

export { ADMIN_TOKEN, api };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that keep Chromium off the (closed) network and quiet in a container. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** `port` unset: a free one (scripts/local-server.mjs asks the OS), so parallel runs never collide. */
export async function startStack({ port, vars = {} } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const mail = await startMailStandIn();
  const server = await startServer({
    port,
    vars: { MAIL_API_URL: `${mail.url}/mail`, MAIL_API_KEY: "e2e-key", SMS_API_URL: `${mail.url}/sms`, SMS_API_KEY: "e2e-key", ...vars },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    origin: server.origin,
    mail,
    browser,
    /** A new browser profile (own cookies), JavaScript on or off, in a language (Accept-Language) if given. */
    async newPage({ javaScriptEnabled = true, viewport = { width: 390, height: 844 }, locale } = {}) {
      const context = await browser.newContext({ javaScriptEnabled, viewport, baseURL: server.origin, ...(locale ? { locale } : {}) });
      const page = await context.newPage();
      // page.evaluate never returns without JavaScript: checks that need it look here first.
      page.javaScriptEnabled = javaScriptEnabled;
      return page;
    },
    /** How many messages the stand-in has recorded so far: pass it as `since` to wait for a newer one. */
    mailCount() {
      return mail.messages.length;
    },
    /**
     * Waits for a message to `to` whose text matches `pattern`; returns the newest such. `since`
     * (from mailCount() before the action) skips older ones: an address that already had a sign-in
     * link would otherwise get its old, used link back while the new mail is still on its way.
     */
    async waitForMail(to, pattern = /./, { timeoutMs = 15_000, since = 0 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = mail.messages.slice(since).reverse().find((m) => (Array.isArray(m.to) ? m.to.includes(to) : m.to === to) && pattern.test(m.text ?? m.body ?? ""));
        if (found) return found;
        if (Date.now() > until) throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms (got ${mail.messages.length} messages)`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    /** On /join: "Continue with email" with these details, then the confirmation link mailed to them; lands on home. */
    async joinWithEmail(page, { name, email, password }) {
      await page.getByLabel("Your name").fill(name);
      await page.getByLabel("Your email").fill(email);
      await page.getByLabel("Choose a password").fill(password);
      await page.getByRole("button", { name: "Continue with email" }).click();
      await page.waitForLoadState();
      assert.match(await page.textContent("main"), /email/i);
      const mail = await this.waitForMail(email, /verify-email/);
      await page.goto(linkIn(mail.text, /^\/verify-email\//));
      await page.getByRole("button", { name: "Confirm my email" }).click();
      await page.waitForURL((u) => u.pathname === "/");
    },
    /** A teacher signs in with the emailed link, in a new browser profile; returns the page on /teacher. */
    async teacherSignsIn(email) {
      const page = await this.newPage();
      await page.goto("/teacher/sign-in");
      await page.getByLabel(/email/i).fill(email);
      const since = this.mailCount();
      await page.getByRole("button", { name: /link/i }).click();
      await page.waitForLoadState();
      const mail = await this.waitForMail(email, /teacher\/sign-in\//, { since });
      await page.goto(linkIn(mail.text, /^\/teacher\/sign-in\//));
      await page.getByRole("button").filter({ hasText: /sign in/i }).first().click();
      await page.waitForURL((u) => u.pathname === "/teacher");
      return page;
    },
    async stop() {
      await browser.close().catch(() => {});
      server.stop();
      await mail.close();
    },
  };
}

/** The first http(s) link in a text, optionally matching a path pattern. */
export function linkIn(text, pathPattern = /./) {
  const links = (text.match(/https?:\/\/[^\s<>"']+/g) ?? []).filter((l) => pathPattern.test(new URL(l).pathname));
  if (!links[0]) throw new Error(`no link matching ${pathPattern} in: ${text.slice(0, 300)}`);
  return links[0];
}
