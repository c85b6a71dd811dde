import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { outbox, type OutboxRow } from "../src/db/schema";
import { app } from "../src/index";
import { deliverDue, deliveryConfig } from "../src/outbox/deliver";
import { outboxRow, type OutgoingMessage } from "../src/outbox/enqueue";
import { findLinks, splitLinks } from "../src/outbox/links";
import { call, freshEmail } from "./world";

const db = getDb(env.DB);

/** A unique recipient per test, since storage is shared by the tests of this file. */
const freshAddress = () => freshEmail("guardian", "example.org");

async function insertMessage(msg: Partial<OutgoingMessage> & { to: string }, at = Date.now()): Promise<OutboxRow> {
  const row = outboxRow({ kind: "invitation", channel: "email", subject: "You are invited", text: "Hello", ...msg }, at);
  await db.insert(outbox).values(row);
  const [stored] = await db.select().from(outbox).where(eq(outbox.id, row.id));
  if (!stored) throw new Error("insert failed");
  return stored;
}

interface MailboxJson {
  messages: {
    id: string;
    kind: string;
    channel: string;
    to: string;
    subject: string | null;
    text: string;
    html: string | null;
    status: string;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    sentAt: string | null;
    links: string[];
  }[];
}

describe("/dev/mailbox", () => {
  it("shows a message held because no mail API is configured, with its links clickable", async () => {
    const to = freshAddress();
    const link = "http://127.0.0.1:8787/invitations/accept?token=abc123&x=1";
    const row = await insertMessage({ to, text: `Maple Elementary invites you to connect with Ada.\nAccept: ${link}.\nNot your child? Ignore this.` });
    const noMailApi = deliveryConfig({ ...env, MAIL_API_URL: undefined });
    await deliverDue(db, noMailApi, () => Promise.reject(new Error("must not be called")), Date.now());
    expect((await db.select().from(outbox).where(eq(outbox.id, row.id)))[0]?.status).toBe("held");

    const res = await call(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("<!doctype html>");
    expect(html).toContain("You are invited");
    expect(html).toContain(to);
    expect(html).toContain("<strong>held</strong>");
    expect(html).toContain(`<a href="http://127.0.0.1:8787/invitations/accept?token=abc123&amp;x=1">http://127.0.0.1:8787/invitations/accept?token=abc123&amp;x=1</a>.`);
    expect(html).toContain(`href="/dev/mailbox/${row.id}"`);
  });

  it("shows status, attempts and the last error of a message that is being retried or failed", async () => {
    const to = freshAddress();
    const row = await insertMessage({ to });
    await db.update(outbox).set({ status: "failed", attempts: 3, lastError: "HTTP 400: invalid recipient" }).where(eq(outbox.id, row.id));
    const html = await (await call(`/dev/mailbox?to=${encodeURIComponent(to)}`)).text();
    expect(html).toContain("failed");
    expect(html).toContain("3 attempts");
    expect(html).toContain("Last error: HTTP 400: invalid recipient");
  });

  it("escapes HTML in subjects, bodies and errors, and links only http(s) URLs", async () => {
    const to = freshAddress();
    const row = await insertMessage({
      to,
      subject: `<img src=x onerror=alert(1)>`,
      text: `<script>alert("text")</script> javascript:alert(1) http://ok.test/"onmouseover="alert(1)`,
      html: `<p onclick="alert(1)">Hi</p><script>alert("html")</script>`,
    });
    await db.update(outbox).set({ lastError: "<b>boom</b>" }).where(eq(outbox.id, row.id));
    for (const path of [`/dev/mailbox?to=${encodeURIComponent(to)}`, `/dev/mailbox/${row.id}`]) {
      const html = await (await call(path)).text();
      expect(html, path).not.toContain("<script>alert");
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).not.toContain("<b>boom");
      expect(html, path).not.toContain('href="javascript:');
      expect(html, path).not.toContain("<p onclick");
      expect(html, path).toContain("&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;");
      expect(html, path).toContain('<a href="http://ok.test/">http://ok.test/</a>');
    }
    const detail = await (await call(`/dev/mailbox/${row.id}`)).text();
    expect(detail).toContain("HTML source");
    expect(detail).toContain("&lt;p onclick=&quot;alert(1)&quot;&gt;Hi&lt;/p&gt;");
  });

  it("lists every recipient's messages newest first, 50 a page, with an Older link", async () => {
    const to = freshAddress();
    const base = Date.now() - 1_000_000;
    for (let i = 0; i < 55; i++) await insertMessage({ to, subject: `Message number ${i}` }, base + i * 1000);
    const first = await (await call(`/dev/mailbox?to=${encodeURIComponent(to)}`)).text();
    expect(first.match(/Message number \d+/g)?.length).toBe(50);
    expect(first.indexOf("Message number 54")).toBeLessThan(first.indexOf("Message number 53"));
    expect(first).not.toContain("Message number 4<");
    const older = /<a href="([^"]+)" rel="next">/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(older).toBeDefined();
    const second = await (await call(older ?? "")).text();
    expect(second.match(/Message number \d+/g)).toEqual(["Message number 4", "Message number 3", "Message number 2", "Message number 1", "Message number 0"]);
    expect(second).not.toContain('rel="next"');
    expect(second).toContain(">Newest</a>");

    // Without a filter, other recipients' messages appear too.
    const other = freshAddress();
    await insertMessage({ to: other, subject: "For someone else" });
    const all = await (await call("/dev/mailbox")).text();
    expect(all).toContain("For someone else");
  });

  it("filters by recipient, case-insensitively for email addresses", async () => {
    const to = freshAddress();
    await insertMessage({ to, subject: "Mine" });
    await insertMessage({ to: freshAddress(), subject: "Not mine" });
    const html = await (await call(`/dev/mailbox?to=${encodeURIComponent(`  ${to.toUpperCase()} `)}`)).text();
    expect(html).toContain("Mine");
    expect(html).not.toContain("Not mine");
    expect(html).toContain(`value="${to}"`);
  });

  it("rejects a malformed query with 400", async () => {
    expect((await call(`/dev/mailbox?to=${"x".repeat(255)}`)).status).toBe(400);
    expect((await call("/dev/mailbox?before=not-a-cursor")).status).toBe(400);
  });

  it("shows one message in full, and 404 for an unknown id", async () => {
    const row = await insertMessage({ to: freshAddress(), channel: "sms", subject: undefined, text: "Join your child's school: https://portal.test/i/xyz" });
    const res = await call(`/dev/mailbox/${row.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Text message");
    expect(html).toContain(row.toAddress);
    expect(html).toContain(row.idempotencyKey);
    expect(html).toContain('<a href="https://portal.test/i/xyz">https://portal.test/i/xyz</a>');
    expect(html).not.toContain("HTML source");
    expect((await call("/dev/mailbox/msg_doesnotexist")).status).toBe(404);
    expect((await call("/dev/mailbox/%3Cscript%3E")).status).toBe(404);
  });

  it("is a 404 in production, the JSON form too", async () => {
    const row = await insertMessage({ to: freshAddress() });
    const production = { ...env, ENVIRONMENT: "production" };
    for (const path of ["/dev/mailbox", `/dev/mailbox/${row.id}`, "/dev/mailbox.json"]) {
      const res = await app.request(path, {}, production);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain(row.toAddress);
    }
    expect((await app.request("/dev/mailbox", {}, env)).status).toBe(200);
  });
});

describe("/dev/mailbox.json", () => {
  it("returns messages with their links, filtered by recipient and kind", async () => {
    const to = freshAddress();
    const invite = await insertMessage({ to, text: "Accept: http://127.0.0.1:8787/i/tok1 or https://help.test/faq." }, Date.now() - 5000);
    await insertMessage({ to, kind: "reminder", text: "Reminder http://127.0.0.1:8787/i/tok1" });
    await insertMessage({ to: freshAddress(), text: "other" });

    const res = await call(`/dev/mailbox.json?to=${encodeURIComponent(to)}&kind=invitation`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as MailboxJson;
    expect(body.messages).toEqual([
      {
        id: invite.id,
        kind: "invitation",
        channel: "email",
        to,
        subject: "You are invited",
        text: invite.bodyText,
        html: null,
        status: "pending",
        attempts: 0,
        lastError: null,
        createdAt: new Date(invite.createdAt).toISOString(),
        sentAt: null,
        links: ["http://127.0.0.1:8787/i/tok1", "https://help.test/faq"],
      },
    ]);

    const both = (await (await call(`/dev/mailbox.json?to=${encodeURIComponent(to)}`)).json()) as MailboxJson;
    expect(both.messages.map((m) => m.kind)).toEqual(["reminder", "invitation"]);
  });

  it("rejects unknown or malformed query parameters with 422", async () => {
    for (const q of ["?limit=0", "?limit=501", "?limit=abc", "?colour=red", `?kind=${"k".repeat(65)}`]) {
      const res = await call(`/dev/mailbox.json${q}`);
      expect(res.status, q).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    }
  });
});

describe("link finding", () => {
  it("finds http(s) URLs, drops sentence punctuation, ignores other schemes", () => {
    expect(findLinks("Go to https://a.test/x?y=1, then (http://b.test/p). Not ftp://c.test or javascript:alert(1).")).toEqual([
      "https://a.test/x?y=1",
      "http://b.test/p",
    ]);
    expect(splitLinks("a http://x.test b")).toEqual([{ text: "a " }, { href: "http://x.test" }, { text: " b" }]);
    expect(findLinks("no links here")).toEqual([]);
  });
});
