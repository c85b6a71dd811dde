#!/usr/bin/env node
// A local stand-in for the HTTP mail and SMS APIs (SPEC 3.9), for trying real delivery:
//   node scripts/mail-stand-in.mjs [port] [--fail N]
// then MAIL_API_URL=http://127.0.0.1:<port>/mail and SMS_API_URL=http://127.0.0.1:<port>/sms in
// .dev.vars. It prints every message it accepts; with --fail N it answers 500 to the first N
// calls, to watch the outbox retry. A repeated Idempotency-Key is accepted but not printed twice.
import { createServer } from "node:http";

const args = process.argv.slice(2);
const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 9025);
let failuresLeft = Number(args[args.indexOf("--fail") + 1] ?? 0) || 0;
const seen = new Set();

createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    if (req.method !== "POST") return res.writeHead(405).end();
    if (failuresLeft > 0) {
      failuresLeft--;
      console.log(`[stand-in] answering 500 to ${req.url} (${failuresLeft} more failures to go)`);
      return res.writeHead(500, { "content-type": "application/json" }).end('{"error":"simulated outage"}');
    }
    const key = req.headers["idempotency-key"];
    const duplicate = key && seen.has(key);
    if (key) seen.add(key);
    let msg;
    try {
      msg = JSON.parse(body);
    } catch {
      return res.writeHead(400).end('{"error":"not json"}');
    }
    if (!duplicate) {
      const to = Array.isArray(msg.to) ? msg.to.join(", ") : msg.to;
      console.log(`\n[stand-in] ${req.url} key=${key} auth=${req.headers.authorization ? "yes" : "no"}\n  to: ${to}\n  ${msg.subject ? `subject: ${msg.subject}\n  ` : ""}${(msg.text ?? msg.body ?? "").replace(/\n/g, "\n  ")}`);
    } else {
      console.log(`[stand-in] duplicate Idempotency-Key ${key}: accepted, not delivered again`);
    }
    res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ id: key ?? null, duplicate: Boolean(duplicate) }));
  });
}).listen(port, "127.0.0.1", () => console.log(`[stand-in] mail/SMS API listening on http://127.0.0.1:${port} (/mail, /sms)`));
