import type { OutboxRow } from "../db/schema";
import { parseRetryAfter } from "./backoff";

/** Where one channel's messages go; `key` is sent as a bearer token when set. */
export interface ChannelApi {
  url: string;
  key?: string;
}

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** What became of one delivery attempt. */
export type SendOutcome =
  | { result: "sent" }
  | { result: "retry"; error: string; retryAfterMs: number | null }
  | { result: "failed"; error: string };

const MAX_ERROR_CHARS = 300;

/** The JSON body of SPEC 3.9 for the row's channel. */
export function requestBody(row: OutboxRow, from: string): string {
  if (row.channel === "sms") return JSON.stringify({ to: row.toAddress, body: row.bodyText });
  return JSON.stringify({
    from,
    to: [row.toAddress],
    subject: row.subject ?? "",
    text: row.bodyText,
    // Omitted (not null) for a text-only email.
    html: row.bodyHtml ?? undefined,
  });
}

/**
 * One POST to the mail or SMS API. Never throws: network errors and timeouts become a retry.
 * The row's idempotency key goes with every try, so the API drops a repeat of a delivery whose
 * 2xx we never saw.
 */
export async function sendOne(
  row: OutboxRow,
  api: ChannelApi,
  from: string,
  fetchFn: FetchFn,
  timeoutMs: number,
  now: number,
): Promise<SendOutcome> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "idempotency-key": row.idempotencyKey,
  };
  if (api.key) headers.authorization = `Bearer ${api.key}`;
  const signal = AbortSignal.timeout(timeoutMs);
  const secrets = [api.key, api.url];
  try {
    const res = await fetchFn(api.url, {
      method: "POST",
      headers,
      body: requestBody(row, from),
      signal,
      // A mail API that redirects is misconfigured; following would re-send the key elsewhere.
      redirect: "manual",
    });
    if (res.status >= 200 && res.status < 300) {
      await res.body?.cancel();
      return { result: "sent" };
    }
    const error = redact(`HTTP ${res.status}${await bodySnippet(res)}`, secrets);
    if (res.status >= 500 || res.status === 408 || res.status === 429) {
      return { result: "retry", error, retryAfterMs: parseRetryAfter(res.headers.get("retry-after"), now) };
    }
    return { result: "failed", error };
  } catch (err) {
    const error = signal.aborted
      ? `timed out after ${timeoutMs} ms`
      : redact(`network error: ${err instanceof Error ? err.message : String(err)}`, secrets);
    return { result: "retry", error, retryAfterMs: null };
  }
}

/** The start of an error response's body (APIs say there which field they refused). */
async function bodySnippet(res: Response): Promise<string> {
  try {
    const text = (await res.text()).replace(/\s+/g, " ").trim();
    return text ? `: ${text.slice(0, MAX_ERROR_CHARS)}` : "";
  } catch {
    return "";
  }
}

/** Keep the API key and URL (which may carry credentials) out of last_error. */
function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("[redacted]");
  return out.replace(/Bearer\s+\S+/gi, "Bearer [redacted]").slice(0, MAX_ERROR_CHARS + 40);
}
