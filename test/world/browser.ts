// A tiny browser for page tests: a cookie jar that sends forms as a same-origin browser would.
import { env } from "cloudflare:workers";
import { call, ORIGIN } from "./requests";

/**
 * Keeps cookies, sends forms as a same-origin browser would (Sec-Fetch-Site + Origin, and the
 * CSRF token when it holds one), and follows redirects unless told not to.
 */
export class Browser {
  readonly cookies = new Map<string, string>();

  /** `bindings`: the worker's configuration, when a test needs another (e.g. Google sign-in on). */
  constructor(
    readonly userAgent = "vitest-browser",
    private readonly bindings: typeof env = env,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(res: Response): void {
    for (const line of res.headers.getAll("set-cookie")) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { follow?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    headers.set("user-agent", this.userAgent);
    let res = await call(path, { ...init, headers, redirect: "manual" }, this.bindings);
    this.store(res);
    let hops = 0;
    while (init.follow !== false && res.status >= 300 && res.status < 400 && res.headers.get("location") && hops++ < 10) {
      const next = new URL(res.headers.get("location")!, ORIGIN);
      if (next.origin !== ORIGIN) break;
      res = await this.request(next.pathname + next.search, { follow: false });
    }
    return res;
  }

  get(path: string, opts: { follow?: boolean } = {}): Promise<Response> {
    return this.request(path, { method: "GET", follow: opts.follow ?? true, headers: { "sec-fetch-site": "none" } });
  }

  /** A form POST from one of our own pages. `fields` is sent urlencoded, with the CSRF token when we have it. */
  post(path: string, fields: Record<string, string> = {}, opts: { follow?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
    const body = new URLSearchParams(fields);
    const csrf = this.cookies.get("fp_csrf");
    if (csrf && !body.has("_csrf")) body.set("_csrf", csrf);
    return this.request(path, {
      method: "POST",
      body,
      follow: opts.follow ?? true,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "sec-fetch-site": "same-origin", ...opts.headers },
    });
  }

  /** A multipart form POST (a file upload) from one of our own pages, with the CSRF token when we have it, and its Content-Length as browsers send it. */
  async upload(path: string, fields: Record<string, string | File>, opts: { follow?: boolean } = {}): Promise<Response> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const csrf = this.cookies.get("fp_csrf");
    if (csrf && !form.has("_csrf")) form.set("_csrf", csrf);
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());
    return this.request(path, {
      method: "POST",
      body,
      follow: opts.follow ?? true,
      headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(body.length), origin: ORIGIN, "sec-fetch-site": "same-origin" },
    });
  }

  /** The session cookie's value (`<id>.<secret>`), if signed in. */
  get session(): string | undefined {
    return this.cookies.get("fp_session");
  }

  /** The id of the session row the cookie names, if signed in. */
  get sessionId(): string | undefined {
    return this.session?.split(".")[0];
  }
}

/** The text of the page with tags removed and white space folded, for `toContain` checks. */
export async function pageText(res: Response): Promise<string> {
  const html = await res.text();
  return html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");
}
