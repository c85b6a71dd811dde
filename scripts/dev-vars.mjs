// `.dev.vars` as wrangler reads it, and what `npm start` derives from it: pure functions of text
// and values (no files, no network), so test/scripts/dev-vars.test.mjs can check each case.

/**
 * The line grammar of dotenv's parse(), which wrangler uses for `.dev.vars` (see wrangler-dist
 * cli.js, `tryLoadDotDevDotVars`): `KEY=value`, an optional `export `, values in '…', "…" or `…`,
 * `# comments` (after an unquoted value too), and \n / \r expanded inside double quotes only.
 */
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

/** name → value, exactly as wrangler dev would bind them (a later line with the same name wins). */
export function parseDevVars(text) {
  const vars = {};
  const src = text.replace(/\r\n?/g, "\n");
  for (const m of src.matchAll(LINE)) {
    let value = (m[2] ?? "").trim();
    const quote = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, "$2");
    if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
    vars[m[1]] = value;
  }
  return vars;
}

/** The secrets `npm start` makes up when they are missing or empty: without them the admin API and badges are off. */
// SMS_WEBHOOK_SECRET: the dev mailbox's "Reply by text" form signs with it, as Twilio would.
export const GENERATED_SECRETS = { ADMIN_TOKEN: 24, BADGE_SECRET: 32, SMS_WEBHOOK_SECRET: 24 };

const DEV_ENVIRONMENT = "# Turns on /dev/* (the dev mailbox). wrangler.toml itself says production.\nENVIRONMENT=development\n";

/**
 * An existing `.dev.vars` made ready for `npm start`: each generated secret that is empty
 * (`KEY=`, `KEY=""`, `KEY=''`) gets a value in its own line, one that is missing is added, and
 * ENVIRONMENT=development is added when ENVIRONMENT is not there at all (a .dev.vars from before
 * wrangler.toml said production). Everything else, comments and quoting included, stays as written.
 * `secret(bytes)` makes a random value. Returns the new text and what changed (for the console).
 */
export function completeDevVars(text, secret) {
  const vars = parseDevVars(text);
  const changes = [];
  let out = text;
  const append = (block) => {
    out += `${out === "" || out.endsWith("\n") ? "" : "\n"}${block}`;
  };
  for (const [name, bytes] of Object.entries(GENERATED_SECRETS)) {
    if (vars[name]) continue;
    const value = secret(bytes);
    // The line(s) that set it empty; the last one is what wrangler reads, so fill every such line.
    const empty = new RegExp(`^(\\s*(?:export\\s+)?${name}\\s*=\\s*)(""|''|\`\`)?(\\s*(?:#.*)?)$`, "gm");
    if (name in vars && empty.test(out)) {
      out = out.replace(empty, (_, head, _quotes, tail) => `${head.trimEnd()}${value}${tail.trim() ? ` ${tail.trim()}` : ""}`);
      changes.push(`filled in the empty ${name}`);
    } else {
      append(`${name}=${value}\n`);
      changes.push(`added ${name}`);
    }
  }
  if (!("ENVIRONMENT" in vars)) {
    append(DEV_ENVIRONMENT);
    changes.push("added ENVIRONMENT=development");
  }
  return { text: out, changes };
}

/** The port `npm start` serves on: PORT when it is a port number, else 8787 (a bad PORT is an error, not a surprise). */
export function portFrom(value) {
  if (value === undefined || value === "") return 8787;
  const port = Number(value);
  if (!/^\d+$/.test(String(value).trim()) || port < 1 || port > 65535) throw new Error(`PORT must be a port number (1-65535), not ${JSON.stringify(value)}`);
  return port;
}

/**
 * PUBLIC_URL (the origin in every emailed and texted link) for `npm start`: the one set in the
 * shell or in `.dev.vars` if any (say, a tunnel's https address), else this server's own address,
 * so `PORT=8799 npm start` mails links on 8799.
 */
export function publicUrlFor({ port, shellValue, devVars }) {
  const set = shellValue?.trim() || devVars.PUBLIC_URL?.trim();
  return (set || `http://127.0.0.1:${port}`).replace(/\/+$/, "");
}
