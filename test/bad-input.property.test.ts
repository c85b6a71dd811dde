// Property tests: whatever arrives at a validated input — junk bodies, wrong types, over-long or
// odd Unicode strings, unknown fields — the answer is never a 500, and a refusal writes nothing.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, Browser, browserAs, call, hashOnce, type MessageWorld, messageWorld, startThread } from "./world";

const RUNS = { numRuns: 12 };
const SLOW_RUNS = { numRuns: 5 }; // forms that hash a password (~0.35 s each)

/** Strings people and programs really send: Unicode of every kind, control characters, very long. */
const oddString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", "   ", "\u0000", "\u202e", "ﷺ", "👩‍👩‍👧", "<script>alert(1)</script>", "' OR 1=1 --"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).map((s) => s.repeat(Math.ceil(6000 / s.length))),
);
/** A value that is wrong for a required, bounded string field. */
const badForString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constantFrom("", "   "),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).map((s) => s.repeat(Math.ceil(6000 / s.length))),
);
/** A body that is not what any endpoint wants: raw text, JSON of any shape, or almost-JSON. */
const junkBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom("{", "[", "null", '{"a":', "\u0000", ""),
);

/** A valid body with one field made wrong, or with a field nobody asked for. */
function broken<T extends Record<string, unknown>>(valid: T, fields: (keyof T & string)[]) {
  return fc.oneof(
    fc.record({ field: fc.constantFrom(...fields), value: badForString }).map(({ field, value }) => ({ ...valid, [field]: value })),
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in valid) && k !== "__proto__").map((k) => ({ ...valid, [k]: "extra" })),
  );
}

async function count(sql: string, ...params: unknown[]): Promise<number> {
  return (await env.DB.prepare(sql).bind(...params).first<{ n: number }>())?.n ?? 0;
}

let world: MessageWorld;
let threadId: string;
const password = "a long and quiet harbour morning";
const token = () => world.w.district.token;
const districtId = () => world.w.district.id;

beforeAll(async () => {
  world = await messageWorld();
  await env.DB.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(hashOnce(password), world.users.rosa.id).run();
  const teacher = await browserAs("teacher", world.w.ids.T1);
  threadId = await startThread(teacher, world.w.ids.S1, world.users.rosa.id, "Welcome back!");
});

/** Rows any district call could write, in this district (one query: the checks run many times). */
const districtRows = async () => {
  const counts = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM schools WHERE district_id = ?1) AS schools, (SELECT count(*) FROM teachers WHERE district_id = ?1) AS teachers,
       (SELECT count(*) FROM students WHERE district_id = ?1) AS students, (SELECT count(*) FROM sections WHERE district_id = ?1) AS sections,
       (SELECT count(*) FROM invitations WHERE district_id = ?1) AS invitations, (SELECT count(*) FROM district_links WHERE district_id = ?1) AS links,
       (SELECT count(*) FROM audit_log WHERE district_id = ?1) AS audit, (SELECT count(*) FROM outbox) AS outbox,
       (SELECT max(updated_at) FROM students WHERE district_id = ?1) AS studentsChanged, (SELECT json_array(name, invitation_message, reminder_before_expiry, invitation_ttl_days, badge_pin, updated_at) FROM districts WHERE id = ?1) AS district`,
  )
    .bind(districtId())
    .first();
  return [counts];
};

/** Sends a body; the answer is a 4xx or a 2xx, never a 500, and a 4xx left everything as it was. */
async function refusedOrDone(method: string, path: string, body: string, auth = token(), before?: unknown[]): Promise<number> {
  const snapshot = before ?? (await districtRows());
  const res = await api(auth, method, path, body);
  const text = await res.text();
  expect(res.status, `${method} ${path} ${body.slice(0, 200)} → ${text.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(JSON.parse(text)).toHaveProperty("error.code");
    expect(await districtRows()).toEqual(snapshot);
  }
  return res.status;
}

describe("district API inputs", () => {
  // Each valid body with its required string fields (optional ones may be blank, arrays may be empty).
  const validBodies: [string, string, Record<string, unknown>, string[]][] = [
    ["PUT", "/schools/SCH9", { name: "Harbour School" }, ["name"]],
    ["PUT", "/teachers/T9", { name: "Noor Haddad", email: "noor.haddad@school.test" }, ["name", "email"]],
    ["PUT", "/students/S9", { firstName: "Iris", lastName: "Vale", schoolSisId: "SCH1", grade: "2" }, ["firstName", "lastName", "schoolSisId"]],
    ["PUT", "/sections/SEC9", { name: "Room 9", schoolSisId: "SCH1", teacherSisIds: ["T1"], studentSisIds: ["S1"] }, ["name", "schoolSisId"]],
    ["POST", "/invitations", { studentSisId: "S2", email: "new.guardian@example.com", name: "New Guardian" }, ["studentSisId"]],
    ["PUT", "/links/lunch", { title: "Lunch menu", url: "https://school.example.org/lunch", audience: "families" }, ["title", "url", "audience"]],
    ["PUT", "/settings", { invitationMessage: "Welcome!", reminderBeforeExpiry: true, invitationTtlDays: 14 }, []],
  ];

  it("junk bodies on every district write: 4xx with an error code, nothing written", async () => {
    for (const [method, path] of [...validBodies.map(([m, p]) => [m, p] as const), ["POST", "/roster"] as const, ["POST", "/invitations/batch"] as const]) {
      await fc.assert(fc.asyncProperty(junkBody, async (body) => void (await refusedOrDone(method, path, body))), { numRuns: 6 });
    }
  });

  it("a valid body with one field wrong (type, length, Unicode, unknown field) is refused whole", async () => {
    for (const [method, path, valid, fields] of validBodies) {
      if (!fields.length) continue;
      await fc.assert(
        fc.asyncProperty(broken(valid, fields), async (body) => {
          expect(await refusedOrDone(method, path, JSON.stringify(body))).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: 8 },
      );
    }
  });

  it("settings: any JSON is either applied as a whole or refused with nothing changed", async () => {
    const settingsValue = fc.oneof(oddString, fc.integer({ min: -5, max: 200 }), fc.boolean(), fc.constant(null));
    const body = fc.record(
      { invitationMessage: settingsValue, reminderBeforeExpiry: settingsValue, invitationTtlDays: settingsValue, badgePin: settingsValue },
      { requiredKeys: [] },
    );
    await fc.assert(fc.asyncProperty(body, async (b) => void (await refusedOrDone("PUT", "/settings", JSON.stringify(b)))), RUNS);
  });

  it("roster bulk: one bad student among good ones writes none of them", async () => {
    const good = (i: number) => ({ sisId: `P${i}`, firstName: "Good", lastName: `Student${i}`, schoolSisId: "SCH1" });
    await fc.assert(
      fc.asyncProperty(broken({ sisId: "PX", firstName: "Bad", lastName: "Student", schoolSisId: "SCH1" }, ["sisId", "firstName", "lastName", "schoolSisId"]), fc.nat(3), async (bad, at) => {
        const students = [good(1), good(2), good(3)];
        students.splice(at, 0, bad as ReturnType<typeof good>);
        expect(await refusedOrDone("POST", "/roster", JSON.stringify({ students }))).toBe(422);
      }),
      RUNS,
    );
  });

  it("invitation batch: items that are all wrong write nothing; the request says which", async () => {
    const item = broken({ studentSisId: "S1", email: "batch.guardian@example.com", name: "Batch Guardian" }, ["studentSisId"]);
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 5 }), async (items) => {
        const before = await districtRows();
        const res = await api(token(), "POST", "/invitations/batch", { invitations: items });
        expect(res.status).toBeLessThan(500);
        const out = (await res.json()) as { failed?: number; error?: unknown };
        if (res.status < 400) expect(out.failed).toBe(items.length);
        expect(await districtRows()).toEqual(before);
      }),
      RUNS,
    );
  });

  it("ids in the path: odd sisIds, link keys and invitation ids are 4xx or the caller's own, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(oddString.filter((s) => s.length < 300), fc.constantFrom("/students/", "/links/", "/invitations/", "/schools/"), async (id, prefix) => {
        const path = prefix + encodeURIComponent(id);
        for (const method of ["GET", "DELETE"]) {
          const res = await api(token(), method, path);
          expect(res.status, `${method} ${path}`).toBeLessThan(500);
        }
      }),
      RUNS,
    );
  });
});

describe("admin API inputs", () => {
  it("districts and ideas: junk and broken bodies are refused with nothing written", async () => {
    const idea = { title: "Read together", source: "Reading Rockets", sourceUrl: "https://example.org/read", summary: "Ten minutes a day.", topic: "reading", gradeBand: "K-2" };
    const rows = async () => [await count("SELECT count(*) AS n FROM districts"), await count("SELECT count(*) AS n FROM ideas")];
    const check = async (method: string, path: string, body: string) => {
      const before = await rows();
      const res = await api(ADMIN_TOKEN, method, path, body);
      expect(res.status, `${method} ${path} ${body.slice(0, 100)}`).toBeLessThan(500);
      if (res.status >= 400) expect(await rows()).toEqual(before);
      return res.status;
    };
    await fc.assert(fc.asyncProperty(junkBody, async (b) => void (await check("POST", "/admin/districts", b))), RUNS);
    await fc.assert(fc.asyncProperty(broken({ name: "A district" }, ["name"]), async (b) => {
      expect(await check("POST", "/admin/districts", JSON.stringify(b))).toBe(422);
    }), RUNS);
    await fc.assert(fc.asyncProperty(junkBody, async (b) => void (await check("PUT", "/admin/ideas/prop-idea", b))), RUNS);
    await fc.assert(
      fc.asyncProperty(broken(idea, ["title", "source", "sourceUrl", "summary", "topic", "gradeBand"]), async (b) => {
        expect(await check("PUT", "/admin/ideas/prop-idea", JSON.stringify(b))).toBe(422);
      }),
      RUNS,
    );
  });
});

/** Arbitrary urlencoded form fields, with the given names sometimes present and holding odd values. */
const formFields = (names: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...names, "_csrf", "extra"), fc.string({ maxLength: 10 })), oddString, { maxKeys: names.length + 2 });

describe("page forms", () => {
  it("sign-in, forgot password and the teacher's sign-in: odd fields never 500 and write no account or email", async () => {
    const rows = async () => [await count("SELECT count(*) AS n FROM users"), await count("SELECT count(*) AS n FROM outbox"), await count("SELECT count(*) AS n FROM sessions WHERE kind = 'parent'")];
    const b = new Browser();
    await b.get("/sign-in");
    for (const [path, names, runs] of [
      ["/sign-in", ["email", "password", "next"], SLOW_RUNS],
      ["/forgot-password", ["email"], RUNS],
      ["/teacher/sign-in", ["email"], RUNS],
      ["/verify-email/resend", ["email"], RUNS],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(formFields([...names]), async (fields) => {
          const before = await rows();
          const res = await b.post(path, fields, { follow: false });
          expect(res.status, `${path} ${JSON.stringify(fields).slice(0, 200)}`).toBeLessThan(500);
          expect(await rows()).toEqual(before);
        }),
        runs,
      );
    }
  });

  it("join: with a confirmed invitation, a sign-up form with any field wrong creates no account", async () => {
    const email = `prop.join.${Date.now()}@example.com`;
    const res = await api(token(), "POST", "/invitations", { studentSisId: "S2", email, name: "Prop Join" });
    expect(res.status).toBe(201);
    const mail = await env.DB.prepare("SELECT body_text FROM outbox WHERE to_address = ?").bind(email).first<{ body_text: string }>();
    const link = mail!.body_text.match(/\/i\/[A-Za-z0-9_-]+/)![0];
    const b = new Browser();
    await b.get(link);
    expect((await b.post(`${link}/confirm`, {}, { follow: false })).status).toBe(303);
    const valid = { name: "Prop Join", email: `prop.${Date.now()}@example.com`, password: "a long and quiet harbour morning" };
    const users = () => count("SELECT count(*) AS n FROM users");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ field: fc.constant("name"), value: fc.constantFrom("", "   ", "\t\n") }),
          fc.record({ field: fc.constant("email"), value: fc.oneof(fc.constantFrom("", "   ", "not-an-email", "a@", "@b.c"), fc.string({ unit: "binary", maxLength: 30 }).filter((s) => !s.includes("@"))) }),
        ),
        async ({ field, value }) => {
          const before = await users();
          const r = await b.post("/join/email", { ...valid, [field]: value }, { follow: false });
          expect(r.status).toBeLessThan(500);
          expect(r.status).toBe(422);
          expect(await users()).toBe(before);
        },
      ),
      RUNS,
    );
  });

  it("account name and password, and a message reply: refused input changes nothing", async () => {
    const parent = await browserAs("parent", world.users.rosa.id);
    const user = () => env.DB.prepare("SELECT name, password_hash FROM users WHERE id = ?").bind(world.users.rosa.id).first<{ name: string; password_hash: string }>();
    const before = await user();
    await fc.assert(
      fc.asyncProperty(formFields(["name"]), async (fields) => {
        const res = await parent.post("/account/name", fields, { follow: false });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect((await user())?.name).toBe(before?.name);
        else await env.DB.prepare("UPDATE users SET name = ? WHERE id = ?").bind(before!.name, world.users.rosa.id).run();
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(formFields(["current", "password", "confirm", "currentPassword", "newPassword"]), async (fields) => {
        const res = await parent.post("/account/password", fields, { follow: false });
        expect(res.status).toBeLessThan(500);
        expect((await user())?.password_hash).toBe(before?.password_hash);
      }),
      SLOW_RUNS,
    );
    const lastAt = async () => (await env.DB.prepare("SELECT last_message_at FROM threads WHERE id = ?").bind(threadId).first<{ last_message_at: number }>())?.last_message_at;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom("", "   ", "\n\t"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }).map((s) => s.repeat(Math.ceil(20_000 / s.length)))),
        async (body) => {
          const at = await lastAt();
          const res = await parent.post(`/messages/${threadId}`, { body }, { follow: false });
          expect(res.status).toBeLessThan(500);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(await lastAt()).toBe(at);
        },
      ),
      RUNS,
    );
  });

  it("forms posted as JSON, multipart junk or with no body at all never 500", async () => {
    const parent = await browserAs("parent", world.users.rosa.id);
    const cookie = `fp_session=${parent.session}`;
    for (const path of ["/sign-in", "/forgot-password", "/account/name", "/account/password", `/messages/${threadId}`, "/join/email"]) {
      await fc.assert(
        fc.asyncProperty(junkBody, fc.constantFrom("application/json", "multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded"), async (body, type) => {
          const res = await call(path, { method: "POST", body, headers: { cookie, "content-type": type, "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:8787" }, redirect: "manual" });
          expect(res.status, `${path} ${type} ${body.slice(0, 80)}`).toBeLessThan(500);
        }),
        { numRuns: 10 },
      );
    }
  });
});
