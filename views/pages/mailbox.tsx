import type { OutboxRow } from "../../src/db/schema";
import { splitLinks } from "../../src/outbox/links";
import { Layout } from "../layout";

/** What the dev mailbox shows of one outbox row. */
export type MailboxMessage = Pick<
  OutboxRow,
  | "id"
  | "kind"
  | "channel"
  | "toAddress"
  | "subject"
  | "bodyText"
  | "bodyHtml"
  | "status"
  | "attempts"
  | "lastError"
  | "createdAt"
  | "sentAt"
  | "idempotencyKey"
>;

export interface MailboxPageProps {
  messages: MailboxMessage[];
  /** The recipient filter, if any. */
  to?: string;
  /** Link to the next older page, or null on the last page. */
  olderHref: string | null;
  /** True when this is not the newest page. */
  paged: boolean;
}

const when = (ms: number) => <time datetime={new Date(ms).toISOString()}>{new Date(ms).toISOString().replace("T", " ").slice(0, 19)} UTC</time>;

const title = (m: MailboxMessage) => m.subject || (m.channel === "sms" ? "Text message" : "(no subject)");

/** A text body with its http(s) URLs as links; everything else is escaped text. */
export function LinkedText({ text }: { text: string }) {
  return (
    <pre>
      {splitLinks(text).map((p) => ("href" in p ? <a href={p.href}>{p.href}</a> : p.text))}
    </pre>
  );
}

/** Status, tries and the last delivery error of a message. */
export function DeliveryStatus({ m }: { m: MailboxMessage }) {
  return (
    <p>
      Status: <strong class={m.status === "failed" ? "error" : m.status === "sent" ? "ok" : undefined}>{m.status}</strong>
      {` · ${m.attempts} attempt${m.attempts === 1 ? "" : "s"}`}
      {m.sentAt !== null && <> · sent {when(m.sentAt)}</>}
      {m.status === "held" && <span class="muted"> · no {m.channel === "sms" ? "SMS" : "mail"} API configured</span>}
      {m.lastError && (
        <>
          <br />
          <span class="error">Last error: {m.lastError}</span>
        </>
      )}
    </p>
  );
}

function MessageCard({ m }: { m: MailboxMessage }) {
  return (
    <article class="card">
      <h2>
        <a href={`/dev/mailbox/${m.id}`}>{title(m)}</a>
      </h2>
      <p class="muted">
        {m.channel === "sms" ? "Text" : "Email"} to <a href={`/dev/mailbox?to=${encodeURIComponent(m.toAddress)}`}>{m.toAddress}</a> · {m.kind} · {when(m.createdAt)}
      </p>
      <DeliveryStatus m={m} />
      <LinkedText text={m.bodyText} />
    </article>
  );
}

/** /dev/mailbox: every outgoing message, newest first. */
export function MailboxPage({ messages, to, olderHref, paged }: MailboxPageProps) {
  return (
    <Layout title="Dev mailbox">
      <h1>Dev mailbox</h1>
      <p class="notice">
        Development only: every email and text the portal has queued, newest first. Messages are <strong>held</strong> here when no mail or SMS
        API is configured. Also as JSON: <a href="/dev/mailbox.json">/dev/mailbox.json</a>.
      </p>
      <form method="get" action="/dev/mailbox">
        <label for="mailbox-to">Recipient (email address or phone number)</label>
        <input id="mailbox-to" name="to" type="text" value={to ?? ""} maxlength={254} autocomplete="off" />
        <p>
          <button type="submit">Show</button> {to && <a href="/dev/mailbox">Show everyone's</a>}
        </p>
      </form>
      <form method="post" action="/dev/mailbox/inbound-sms" id="inbound-sms">
        <h2>Reply by text</h2>
        <p class="muted">
          Sends a text from this number to <code>POST /hooks/sms</code>, signed with <code>SMS_WEBHOOK_SECRET</code> as Twilio signs it, so it takes the
          real route (a reply, STOP, START or HELP).
        </p>
        <label for="inbound-from">From (phone number)</label>
        <input id="inbound-from" name="From" type="tel" value={to && !to.includes("@") ? to : ""} maxlength={32} autocomplete="off" required />
        <label for="inbound-body">Text</label>
        <textarea id="inbound-body" name="Body" rows={3} maxlength={1600} required></textarea>
        <p>
          <button type="submit">Send text</button>
        </p>
      </form>
      {messages.length === 0 ? (
        <p>{to ? `No messages to ${to}.` : "No messages yet."}</p>
      ) : (
        messages.map((m) => <MessageCard m={m} />)
      )}
      {(paged || olderHref) && (
        <nav aria-label="Pages">
          <ul>
            {paged && (
              <li>
                <a href={to ? `/dev/mailbox?to=${encodeURIComponent(to)}` : "/dev/mailbox"}>Newest</a>
              </li>
            )}
            {olderHref && (
              <li>
                <a href={olderHref} rel="next">
                  Older
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}

/** /dev/mailbox/:id: one message in full; its HTML body is shown as escaped source, never rendered. */
export function MailboxMessagePage({ m }: { m: MailboxMessage }) {
  return (
    <Layout title={`${title(m)} · Dev mailbox`}>
      <p>
        <a href="/dev/mailbox">← Dev mailbox</a>
      </p>
      <h1>{title(m)}</h1>
      <table>
        <tbody>
          <tr>
            <th scope="row">To</th>
            <td>
              {m.toAddress} ({m.channel === "sms" ? "text" : "email"})
            </td>
          </tr>
          <tr>
            <th scope="row">Kind</th>
            <td>{m.kind}</td>
          </tr>
          <tr>
            <th scope="row">Queued</th>
            <td>{when(m.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">Idempotency key</th>
            <td>
              <code>{m.idempotencyKey}</code>
            </td>
          </tr>
        </tbody>
      </table>
      <DeliveryStatus m={m} />
      <h2>Text</h2>
      <LinkedText text={m.bodyText} />
      {m.bodyHtml !== null && (
        <>
          <h2>HTML source</h2>
          <pre>
            <code>{m.bodyHtml}</code>
          </pre>
        </>
      )}
    </Layout>
  );
}

/** 404 inside the mailbox. */
export function MailboxNotFoundPage() {
  return (
    <Layout title="Message not found · Dev mailbox">
      <h1>Message not found</h1>
      <p>
        <a href="/dev/mailbox">Back to the dev mailbox</a>
      </p>
    </Layout>
  );
}
