// A tiny cookie-keeping client for the server-rendered pages, for scripts (the demo seed and the
// benchmark): it signs people in through the same pages and dev mailbox links a person would use.
// Forms are posted as a same-origin browser would post them (Origin + Sec-Fetch-Site).

export class PageClient {
  constructor(origin) {
    this.origin = origin;
    this.cookies = new Map();
  }

  async request(method, path, fields) {
    const headers = { "user-agent": "family-portal-script" };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let body;
    if (fields) {
      body = new URLSearchParams(fields);
      const csrf = this.cookies.get("fp_csrf");
      if (csrf && !body.has("_csrf")) body.set("_csrf", csrf);
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers.origin = this.origin;
      headers["sec-fetch-site"] = "same-origin";
    }
    const t0 = performance.now();
    const res = await fetch(this.origin + path, { method, headers, body, redirect: "manual" });
    const text = await res.text();
    const ms = performance.now() - t0;
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || attrs.some((a) => /max-age=0\b/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, location: res.headers.get("location"), text, ms, d1: d1Cost(res.headers.get("server-timing")), rowsWritten: Number(res.headers.get("x-d1-rows-written") ?? NaN) };
  }

  get(path) {
    return this.request("GET", path);
  }

  /** POST a form; a 303 is expected unless `expect` says otherwise. */
  async post(path, fields, expect = 303) {
    const res = await this.request("POST", path, fields);
    if (res.status !== expect) throw new Error(`POST ${path} → ${res.status} (expected ${expect}): ${res.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 300)}`);
    return res;
  }
}

/** What a response cost in D1, from its development-only `Server-Timing` (null when absent). */
export function d1Cost(serverTiming) {
  const m = (serverTiming ?? "").match(/d1;dur=([\d.]+);desc="(\d+) round trips?, (\d+) statements?"/);
  return m ? { ms: Number(m[1]), roundTrips: Number(m[2]), statements: Number(m[3]) } : null;
}

/** The newest link in mail to `to` whose path starts with `prefix`, from the dev mailbox (waits a little for it). */
export async function mailboxLink(origin, to, prefix, { notIn = new Set(), timeoutMs = 10_000 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${origin}/dev/mailbox.json?${new URLSearchParams({ to, limit: "50" })}`);
    if (!res.ok) throw new Error(`dev mailbox → ${res.status}`);
    const { messages } = await res.json();
    for (const m of messages) {
      const link = (m.links ?? []).find((l) => new URL(l).pathname.startsWith(prefix) && !notIn.has(l));
      if (link) return new URL(link).pathname;
    }
    if (Date.now() > until) throw new Error(`no ${prefix} link in mail to ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A guardian joins as a parent would: the invitation link, "Yes, this is my child" (for every
 * pending sibling), continue with email, then the confirmation link. Returns a signed-in client.
 */
export async function joinAsGuardian(origin, { email, name, password }) {
  const b = new PageClient(origin);
  const invite = await mailboxLink(origin, email, "/i/");
  await b.get(invite);
  await b.post(`${invite}/confirm`, {});
  // Siblings sent to the same address follow at once; confirm each.
  for (let i = 0; i < 20; i++) {
    const next = await b.get("/join/next");
    const sibling = next.status === 200 ? next.text.match(/\/join\/siblings\/([a-z]+_[a-z0-9]+)\/confirm/) : null;
    if (!sibling) break;
    await b.post(`/join/siblings/${sibling[1]}/confirm`, {});
  }
  await b.get("/join");
  await b.post("/join/email", { name, email, password });
  const verify = await mailboxLink(origin, email, "/verify-email/");
  await b.get(verify);
  await b.post(verify, {});
  return b;
}

/** A teacher signs in with the one-time link emailed to their roster address. */
export async function signInTeacher(origin, email) {
  const b = new PageClient(origin);
  await b.get("/teacher/sign-in");
  const before = new Set();
  try {
    before.add(origin + (await mailboxLink(origin, email, "/teacher/sign-in/", { timeoutMs: 0 })));
  } catch {
    // No earlier link.
  }
  await b.post("/teacher/sign-in", { email });
  const link = await mailboxLink(origin, email, "/teacher/sign-in/", { notIn: before });
  await b.get(link);
  await b.post(link, {});
  return b;
}
