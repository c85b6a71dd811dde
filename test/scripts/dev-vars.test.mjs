// `npm start`'s handling of .dev.vars and PORT (scripts/dev-vars.mjs), in plain Node: how a value
// is read (the way wrangler reads it), how empty secrets are filled in, and which PUBLIC_URL the
// mailed links get. test/e2e/start.test.mjs runs the real `npm start` on another port.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { completeDevVars, parseDevVars, portFrom, publicUrlFor } from "../../scripts/dev-vars.mjs";

let n = 0;
const secret = (bytes) => `generated-${bytes}-${++n}`;

describe(".dev.vars read as wrangler reads it", () => {
  it("takes values plain, in double, single or back quotes, with the quotes removed", () => {
    const vars = parseDevVars(['A=plain', 'B="double quoted"', "C='single quoted'", "D=`back quoted`", 'E = "spaced" ', "export F=exported"].join("\n"));
    assert.deepEqual(vars, { A: "plain", B: "double quoted", C: "single quoted", D: "back quoted", E: "spaced", F: "exported" });
  });

  it("drops comments (whole lines and after an unquoted value) but keeps # inside quotes", () => {
    const vars = parseDevVars("# a comment\nA=value # trailing\nB=\"has # inside\"\n\n#C=commented out\n");
    assert.deepEqual(vars, { A: "value", B: "has # inside" });
  });

  it("expands \\n in double quotes only, reads CRLF files, and lets a later line win", () => {
    const vars = parseDevVars('A="one\\ntwo"\r\nB=\'one\\ntwo\'\r\nC=first\r\nC=second\r\n');
    assert.deepEqual(vars, { A: "one\ntwo", B: "one\\ntwo", C: "second" });
  });

  it("reads KEY=, KEY=\"\" and KEY='' as empty", () => {
    assert.deepEqual(parseDevVars("A=\nB=\"\"\nC=''\n"), { A: "", B: "", C: "" });
  });
});

describe("an existing .dev.vars completed by npm start", () => {
  it("fills in empty secrets, quoted or not, in place, and keeps every other line as written", () => {
    const before = '# mine\nENVIRONMENT="development"\nADMIN_TOKEN=""\nBADGE_SECRET= # fill me\nMAIL_FROM="Lakeside <no-reply@lakeside.example>"\n';
    const { text, changes } = completeDevVars(before, secret);
    const vars = parseDevVars(text);
    assert.match(vars.ADMIN_TOKEN, /^generated-24-\d+$/);
    assert.match(vars.BADGE_SECRET, /^generated-32-\d+$/);
    assert.equal(vars.MAIL_FROM, "Lakeside <no-reply@lakeside.example>");
    assert.equal(vars.ENVIRONMENT, "development");
    assert.deepEqual(changes, ["filled in the empty ADMIN_TOKEN", "filled in the empty BADGE_SECRET", "added SMS_WEBHOOK_SECRET"]);
    // Same lines in the same order: only the two empty values changed (and the missing secret added at the end).
    assert.deepEqual(
      text.split("\n").map((l) => l.replace(/generated-\d+-\d+/, "X")),
      ["# mine", 'ENVIRONMENT="development"', "ADMIN_TOKEN=X", "BADGE_SECRET=X # fill me", 'MAIL_FROM="Lakeside <no-reply@lakeside.example>"', "SMS_WEBHOOK_SECRET=X", ""],
    );
  });

  it("leaves secrets that have a value alone, quoted or not", () => {
    const before = 'ENVIRONMENT=development\nADMIN_TOKEN="my-admin-token"\nBADGE_SECRET=\'my-badge-secret\'\nSMS_WEBHOOK_SECRET=my-webhook-secret\n';
    assert.deepEqual(completeDevVars(before, secret), { text: before, changes: [] });
  });

  it("adds missing secrets and ENVIRONMENT=development (a file without a final newline too)", () => {
    const { text, changes } = completeDevVars("MAIL_API_URL=http://127.0.0.1:9025/mail", secret);
    const vars = parseDevVars(text);
    assert.equal(vars.MAIL_API_URL, "http://127.0.0.1:9025/mail");
    assert.ok(vars.ADMIN_TOKEN && vars.BADGE_SECRET);
    assert.equal(vars.ENVIRONMENT, "development");
    assert.deepEqual(changes, ["added ADMIN_TOKEN", "added BADGE_SECRET", "added SMS_WEBHOOK_SECRET", "added ENVIRONMENT=development"]);
  });

  it("never turns on development when the file says another ENVIRONMENT", () => {
    const { text } = completeDevVars("ENVIRONMENT=staging\nADMIN_TOKEN=a\nBADGE_SECRET=b\n", secret);
    assert.equal(parseDevVars(text).ENVIRONMENT, "staging");
  });
});

describe(".dev.vars.example, as npm start copies it for a fresh clone", () => {
  it("gets every secret filled in, says development, and leaves PUBLIC_URL to follow PORT", () => {
    const example = readFileSync(new URL("../../.dev.vars.example", import.meta.url), "utf8");
    const { text, changes } = completeDevVars(example, secret);
    const vars = parseDevVars(text);
    assert.deepEqual(changes, ["filled in the empty ADMIN_TOKEN", "filled in the empty BADGE_SECRET", "filled in the empty SMS_WEBHOOK_SECRET"]);
    assert.equal(vars.ENVIRONMENT, "development");
    assert.equal(vars.PUBLIC_URL, undefined);
    assert.equal(publicUrlFor({ port: 8799, devVars: vars }), "http://127.0.0.1:8799");
  });
});

describe("PORT and PUBLIC_URL", () => {
  it("PUBLIC_URL follows PORT unless it is set", () => {
    assert.equal(publicUrlFor({ port: 8799, devVars: {} }), "http://127.0.0.1:8799");
    assert.equal(publicUrlFor({ port: portFrom(undefined), devVars: {} }), "http://127.0.0.1:8787");
    assert.equal(publicUrlFor({ port: 8799, devVars: { PUBLIC_URL: "" } }), "http://127.0.0.1:8799");
    assert.equal(publicUrlFor({ port: 8799, devVars: { PUBLIC_URL: "https://portal.tunnel.example/" } }), "https://portal.tunnel.example");
    assert.equal(publicUrlFor({ port: 8799, shellValue: "https://shell.example", devVars: { PUBLIC_URL: "https://file.example" } }), "https://shell.example");
  });

  it("PORT must be a port number", () => {
    assert.equal(portFrom("8799"), 8799);
    assert.equal(portFrom(""), 8787);
    for (const bad of ["http", "0", "70000", "87.99", "-1"]) assert.throws(() => portFrom(bad), /PORT must be a port number/);
  });
});
