import { renderFragment } from "../render";
import { Hono } from "hono";
import * as z from "zod/mini";
import { preprocess } from "../lib/preprocess";
import { validate } from "../api/validate";
import { getDb } from "../db/client";
import { config } from "../config";
import { localeOf } from "../i18n/locale";
import { DEFAULT_LANGUAGE } from "../i18n/negotiate";
import type { AppEnv } from "../env";
import { isoDate } from "../lib/time";
import { findLinks } from "../outbox/links";
import { getMailboxMessage, isMailboxCursor, listMailbox } from "../outbox/mailbox";
import { MailboxMessagePage, MailboxNotFoundPage, MailboxPage } from "../../views/pages/mailbox";

/** `/dev/*`: development-only pages (the mailbox). 404 in production, and not in the deployed worker's code (mount.ts). */
export function devRoutes() {
  const devRoutes = new Hono<AppEnv>();

  devRoutes.use(async (c, next) => {
    if (!config(c.env).isDevelopment) return c.notFound();
    // A developer's tool, outside the pages' middleware: the layout's words in English.
    c.set("locale", await localeOf(DEFAULT_LANGUAGE));
    await next();
    // Always the current state of the outbox.
    c.header("cache-control", "no-store");
  });

  const PAGE_SIZE = 50;

  // An empty form field means "no filter".
  const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
  // Emails are stored lower-cased; phone numbers are left as typed (E.164 in the outbox).
  const recipient = preprocess(
    blankToUndefined,
    z.optional(
      z.pipe(
        z.string().check(z.trim(), z.maxLength(254)),
        z.transform((v: string) => (v.includes("@") ? v.toLowerCase() : v)),
      ),
    ),
  );
  const kind = preprocess(blankToUndefined, z.optional(z.string().check(z.trim(), z.maxLength(64))));

  const pageQuery = z.object({
    to: recipient,
    before: preprocess(blankToUndefined, z.optional(z.string().check(z.trim(), z.maxLength(100), z.refine(isMailboxCursor, "not a mailbox cursor")))),
  });

  devRoutes.get("/mailbox", async (c) => {
    const parsed = pageQuery.safeParse(c.req.query());
    if (!parsed.success) return c.text("Bad mailbox query: to is at most 254 characters; before comes from an Older link.", 400);
    const { to, before } = parsed.data;
    const page = await listMailbox(getDb(c.env.DB), { to, before, limit: PAGE_SIZE });
    const olderHref = page.older ? `/dev/mailbox?${new URLSearchParams({ ...(to ? { to } : {}), before: page.older })}` : null;
    return renderFragment(c, <MailboxPage messages={page.messages} to={to} olderHref={olderHref} paged={before !== undefined} />);
  });

  const jsonQuery = z.strictObject({
    to: recipient,
    kind,
    limit: preprocess(blankToUndefined, z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100)),
  });

  /** For scripts and end-to-end tests: the newest messages, optionally to one recipient or of one kind. */
  devRoutes.get("/mailbox.json", validate("query", jsonQuery), async (c) => {
    const { to, kind, limit } = c.req.valid("query");
    const page = await listMailbox(getDb(c.env.DB), { to, kind, limit });
    return c.json({
      messages: page.messages.map((m) => ({
        id: m.id,
        kind: m.kind,
        channel: m.channel,
        to: m.toAddress,
        subject: m.subject,
        text: m.bodyText,
        html: m.bodyHtml,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: isoDate(m.createdAt),
        sentAt: m.sentAt === null ? null : isoDate(m.sentAt),
        links: findLinks(m.bodyText),
      })),
    });
  });

  devRoutes.get("/mailbox/:id", async (c) => {
    const id = c.req.param("id");
    const message = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getMailboxMessage(getDb(c.env.DB), id) : null;
    if (!message) return renderFragment(c, <MailboxNotFoundPage />, 404);
    return renderFragment(c, <MailboxMessagePage m={message} />);
  });
  return devRoutes;
}
