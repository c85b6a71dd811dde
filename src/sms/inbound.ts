/**
 * One inbound text (already signed-checked): STOP/START/HELP for any number; otherwise a reply
 * from a verified number goes into the thread of its most recent notice (within 7 days), through
 * the same posting path as the page, checked now against the guardianship. Every answer by text
 * is keyed by the provider's MessageSid, so a retried webhook sends nothing twice; the message is
 * stored once per MessageSid through the thread's one-time key.
 */
import { and, desc, eq, gt, isNotNull } from "drizzle-orm";
import { config } from "../config";
import type { Db } from "../db/client";
import { getDb } from "../db/client";
import { outbox, smsNotices, users } from "../db/schema";
import type { Bindings } from "../env";
import { localeFor } from "../i18n/locale";
import { normalizePhone } from "../invitations/normalize";
import { DAY, HOUR } from "../lib/time";
import { siteUrl } from "../lib/url";
import { checkBody } from "../messaging/body";
import { postReply } from "../messaging/post-reply";
import { findThreadFor, type ThreadHeader } from "../messaging/threads";
import { kickOutbox, outboxRow } from "../outbox/enqueue";
import { personLanguage } from "../translation/language";
import { keywordOf, startStatement, stopStatement } from "./opt-out";

/** A reply finds the thread of a notice at most this old. */
export const REPLY_WINDOW_MS = 7 * DAY;
/** Another thread's notice this shortly before the newest one: the parent may mean either, so we ask. */
export const AMBIGUOUS_WITHIN_MS = HOUR;

export interface InboundText {
  from: string;
  body: string;
  messageSid: string;
}

export type InboundResult = "stopped" | "started" | "help" | "posted" | "repeated" | "choose" | "not_sent" | "unknown";

type Waiter = (p: Promise<unknown>) => void;

export async function handleInbound(env: Bindings, waitUntil: Waiter, text: InboundText): Promise<InboundResult> {
  const db = getDb(env.DB);
  const from = normalizePhone(text.from);
  if (!from) return "unknown";
  const at = Date.now();
  const account = await accountFor(db, from);
  const keyword = keywordOf(text.body);
  if (keyword) {
    // Spanish words are answered in Spanish; otherwise in the number's account's language.
    const locale = await localeFor(keyword.spanish ? "es" : (account?.language ?? null));
    const t = locale.t.messages.sms;
    const answer = (kind: string, words: string) => answerRow(kind, from, words, text.messageSid, at);
    if (keyword.keyword === "stop") await db.batch([stopStatement(db, from, at), db.insert(outbox).values(answer("sms_stopped", t.stopped)).onConflictDoNothing()]);
    else if (keyword.keyword === "start") await db.batch([startStatement(db, from), db.insert(outbox).values(answer("sms_started", t.started)).onConflictDoNothing()]);
    else await db.insert(outbox).values(answer("sms_help", `${t.help} ${siteUrl(config(env).publicUrl, "/help")}`)).onConflictDoNothing();
    waitUntil(kickOutbox(env));
    return keyword.keyword === "stop" ? "stopped" : keyword.keyword === "start" ? "started" : "help";
  }
  // A number that is no account's verified phone: answered (200) and nothing stored.
  if (!account) return "unknown";

  const { publicUrl } = config(env);
  const notices = await db
    .select({ threadId: smsNotices.threadId, userId: smsNotices.userId, createdAt: smsNotices.createdAt })
    .from(smsNotices)
    .where(and(eq(smsNotices.phone, from), gt(smsNotices.createdAt, at - REPLY_WINDOW_MS)))
    .orderBy(desc(smsNotices.createdAt))
    .limit(10);
  const latest = notices[0];
  const ambiguous = latest !== undefined && notices.some((n) => n.threadId !== latest.threadId && n.createdAt > latest.createdAt - AMBIGUOUS_WITHIN_MS);
  const user = latest ? await verifiedUser(db, latest.userId, from) : null;
  const locale = await localeFor((user ?? account).language);
  const t = locale.t.messages.sms;
  const reply = async (kind: string, words: string, link: string): Promise<void> => {
    await db.insert(outbox).values(answerRow(kind, from, `${words} ${link}`, text.messageSid, at)).onConflictDoNothing();
    waitUntil(kickOutbox(env));
  };
  if (!latest || ambiguous || !user) {
    await reply("sms_choose", t.choose, siteUrl(publicUrl, "/messages"));
    return "choose";
  }
  // Checked now: a parent who lost the grant (or whose teacher left the class) cannot post.
  const thread = await findThreadFor(db, { kind: "guardian", userId: user.id }, latest.threadId);
  const threadLink = siteUrl(publicUrl, `/messages/${latest.threadId}`);
  if (!thread || !mayReply(thread)) {
    await reply("sms_not_sent", t.notSent, thread ? threadLink : siteUrl(publicUrl, "/messages"));
    return "not_sent";
  }
  const checked = checkBody(text.body, locale.tag, locale.t.messages.form);
  if (!checked.ok) {
    await reply("sms_not_sent", t.notSent, threadLink);
    return "not_sent";
  }
  const outcome = await postReply(env, waitUntil, {
    thread,
    sender: { kind: "guardian", id: user.id },
    senderName: user.name,
    body: checked.body,
    key: `sms:${text.messageSid}`,
    lang: personLanguage(user.language, locale.tag),
    via: "sms",
  });
  if (!outcome.ok) {
    await reply("sms_not_sent", t.notSent, threadLink);
    return "not_sent";
  }
  return outcome.repeated ? "repeated" : "posted";
}

/** The same rule as the parent's page (src/family/messages-routes.tsx): the teacher takes replies and still teaches the child. */
const mayReply = (thread: ThreadHeader): boolean => thread.teacherMessagesEnabled && thread.teacherTeaches;

/** A text back to the number, once per inbound MessageSid (the provider retries webhooks). */
function answerRow(kind: string, to: string, text: string, messageSid: string, at: number): typeof outbox.$inferInsert {
  return { ...outboxRow({ kind, channel: "sms", to, text }, at), idempotencyKey: `sms-in:${messageSid}` };
}

/** Some account whose verified phone this is (for the language of an answer), or null. */
async function accountFor(db: Db, phone: string): Promise<{ id: string; language: string | null } | null> {
  return (await db.select({ id: users.id, language: users.language }).from(users).where(and(eq(users.phone, phone), isNotNull(users.phoneVerifiedAt))).get()) ?? null;
}

/** The notice's account, if this is still its verified phone. */
async function verifiedUser(db: Db, userId: string, phone: string): Promise<{ id: string; name: string; language: string | null } | null> {
  return (
    (await db
      .select({ id: users.id, name: users.name, language: users.language })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.phone, phone), isNotNull(users.phoneVerifiedAt)))
      .get()) ?? null
  );
}

