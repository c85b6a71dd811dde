#!/usr/bin/env node
// A local stand-in for the HTTP mail and SMS APIs (SPEC 3.9), for trying real delivery:
//   node scripts/mail-stand-in.mjs [port] [--fail N]
// then MAIL_API_URL=http://127.0.0.1:<port>/mail and SMS_API_URL=http://127.0.0.1:<port>/sms in
// .dev.vars. It prints every message it accepts; with --fail N it answers 500 to the first N
// calls, to watch the outbox retry. A repeated Idempotency-Key is accepted but not kept twice.
// The end-to-end tests import startMailStandIn() and read the messages it received.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

/** Starts the stand-in; `messages` holds every distinct message received, oldest first. */
export function startMailStandIn({ port = 0, failFirst = 0, log = false } = {}) {
  const messages = [];
  const seen = new Set();
  let failuresLeft = failFirst;
  let calls = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      calls++;
      if (req.method !== "POST") return res.writeHead(405).end();
      if (failuresLeft > 0) {
        failuresLeft--;
        if (log) console.log(`[stand-in] answering 500 to ${req.url} (${failuresLeft} more failures to go)`);
        return res.writeHead(500, { "content-type": "application/json" }).end('{"error":"simulated outage"}');
      }
      let msg;
      try {
        msg = JSON.parse(body);
      } catch {
        return res.writeHead(400).end('{"error":"not json"}');
      }
      const key = req.headers["idempotency-key"];
      const duplicate = Boolean(key && seen.has(key));
      if (key) seen.add(key);
      if (!duplicate) {
        const entry = { path: req.url, key, authorization: req.headers.authorization ?? null, ...msg };
        messages.push(entry);
        if (log) {
          const to = Array.isArray(msg.to) ? msg.to.join(", ") : msg.to;
          console.log(`\n[stand-in] ${req.url} key=${key}\n  to: ${to}\n  ${msg.subject ? `subject: ${msg.subject}\n  ` : ""}${(msg.text ?? msg.body ?? "").replace(/\n/g, "\n  ")}`);
        }
      } else if (log) {
        console.log(`[stand-in] duplicate Idempotency-Key ${key}: accepted, not delivered again`);
      }
      res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ id: key ?? null, duplicate }));
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}`,
        messages,
        get calls() {
          return calls;
        },
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 9025);
  const failFirst = args.includes("--fail") ? Number(args[args.indexOf("--fail") + 1]) || 0 : 0;
  const s = await startMailStandIn({ port, failFirst, log: true });
  console.log(`[stand-in] mail/SMS API listening on ${s.url} (/mail, /sms)`);
}
