// Finding 11 of the trust issue (every input but message bodies and the sign-up name): bidirectional
// controls (U+202A–U+202E, U+2066–U+2069) are stripped on input, so `https://school.example.org/
// \u202Egpj.exe` cannot show as another file name; rows stored before are cleaned by a migration.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, Browser, browserAs, insertGuardianship, insertParent, parentOf, type TeacherWorld, teacherWorld, uniq } from "./world";

const RLO = "\u202E";
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const noBidi = (label: string, s: string) => expect(BIDI.test(s), `${label} has a bidi control: ${JSON.stringify(s.match(new RegExp(`.{0,20}${BIDI.source}.{0,20}`))?.[0])}`).toBe(false);

async function parentOfS1(w: TeacherWorld): Promise<Browser> {
  return browserAs("parent", (await parentOf(w.district.id, [w.ids.S1])).id);
}

describe("roster names", () => {
  it("a roster PUT with U+202E: no U+202E in the API read, the teacher's class or the parent's home", async () => {
    const w = await teacherWorld();
    const d = w.district.token;
    expect((await api(d, "PUT", "/schools/SCH1", { name: `Lincoln ${RLO}Elementary` })).status).toBe(200);
    expect((await api(d, "PUT", "/teachers/T1", { name: `Ana \u2066Rivera\u2069`, email: w.emails.t1 })).status).toBe(200);
    expect((await api(d, "PUT", "/students/S1", { firstName: `Maya${RLO}`, lastName: `\u202Anosnhoj\u202C`, schoolSisId: "SCH1", grade: `${RLO}3` })).status).toBe(200);
    expect((await api(d, "PUT", "/sections/SEC1", { name: `Room ${RLO}21`, schoolSisId: "SCH1" })).status).toBe(200);

    for (const path of ["/schools/SCH1", "/teachers/T1", "/students/S1", "/sections/SEC1"]) {
      const res = await api(d, "GET", path);
      expect(res.status).toBe(200);
      noBidi(path, await res.text());
    }
    const student = (await (await api(d, "GET", "/students/S1")).json()) as { firstName: string; lastName: string; grade: string };
    expect([student.firstName, student.lastName, student.grade]).toEqual(["Maya", "nosnhoj", "3"]);

    const teacher = await browserAs("teacher", w.ids.T1);
    const classPage = await teacher.get(`/teacher/sections/${w.ids.SEC1}`);
    expect(classPage.status).toBe(200);
    const classHtml = await classPage.text();
    noBidi("teacher class", classHtml);
    expect(classHtml).toContain("Room 21");

    const home = await (await parentOfS1(w)).get("/");
    const homeHtml = await home.text();
    noBidi("home", homeHtml);
    expect(homeHtml).toContain("Maya");
  });

  it("the bulk roster call strips them too", async () => {
    const w = await teacherWorld();
    const res = await api(w.district.token, "POST", "/roster", {
      schools: [{ sisId: "SCH9", name: `North ${RLO}School` }],
      teachers: [{ sisId: "T9", name: `Kim ${RLO}Lee`, email: `${uniq("kim.")}@school.test` }],
      students: [{ sisId: "S9", firstName: `${RLO}Ava`, lastName: "Stone", schoolSisId: "SCH9" }],
      sections: [{ sisId: "SEC9", name: `Art \u2068club\u2069`, schoolSisId: "SCH9", teacherSisIds: ["T9"], studentSisIds: ["S9"] }],
    });
    expect(res.status).toBe(200);
    for (const path of ["/schools/SCH9", "/teachers/T9", "/students/S9", "/sections/SEC9"]) noBidi(path, await (await api(w.district.token, "GET", path)).text());
  });

  it("a name that is nothing but bidi controls is refused like an empty one", async () => {
    const w = await teacherWorld();
    expect((await api(w.district.token, "PUT", "/schools/SCH1", { name: `${RLO}\u2066` })).status).toBe(422);
  });
});

describe("district links", () => {
  it("a link PUT with U+202E in the title, description and URL: nothing shows it, the URL is stored percent-encoded", async () => {
    const w = await teacherWorld();
    const res = await api(w.district.token, "PUT", "/links/homework", {
      title: `Homework ${RLO}gpj.exe`,
      url: `https://school.example.org/${RLO}gpj.exe`,
      audience: "families",
      description: `Open ${RLO}this\nevery week`,
    });
    expect(res.status).toBeLessThan(300);
    const list = await (await api(w.district.token, "GET", "/links")).text();
    noBidi("GET /links", list);
    const link = (JSON.parse(list) as { data?: { key: string; title: string; url: string; description: string }[] }).data ?? (JSON.parse(list) as { key: string; title: string; url: string; description: string }[]);
    const homework = link.find((l) => l.key === "homework")!;
    expect(homework.title).toBe("Homework gpj.exe");
    expect(homework.url).toBe("https://school.example.org/%E2%80%AEgpj.exe");
    expect(homework.description).toBe("Open this\nevery week");

    const home = await (await parentOfS1(w)).get("/");
    const html = await home.text();
    noBidi("home", html);
    expect(html).toContain('href="https://school.example.org/%E2%80%AEgpj.exe"');
  });

  it("a URL whose host holds a bidi control is refused", async () => {
    const w = await teacherWorld();
    const res = await api(w.district.token, "PUT", "/links/spoof", { title: "Spoof", url: `https://exe.${RLO}gpj.example.org/`, audience: "both" });
    expect(res.status).toBe(422);
  });
});

describe("invitations and district settings", () => {
  it("the invitation's name and relationship, and the district's invitation message", async () => {
    const w = await teacherWorld();
    const d = w.district.token;
    const res = await api(d, "POST", "/invitations", { studentSisId: "S1", email: `${uniq("p.")}@example.com`, name: `Jordan ${RLO}Johnson`, relationship: `${RLO}mother` });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    noBidi("GET /invitations/:id", await (await api(d, "GET", `/invitations/${id}`)).text());
    const contact = await env.DB.prepare("SELECT c.name, c.relationship FROM guardian_contacts c JOIN invitations i ON i.contact_id = c.id WHERE i.id = ?").bind(id).first<{ name: string; relationship: string }>();
    expect(contact).toEqual({ name: "Jordan Johnson", relationship: "mother" });

    expect((await api(d, "PUT", "/settings", { invitationMessage: `Welcome ${RLO}to school!\nSee you soon.` })).status).toBe(200);
    const settings = (await (await api(d, "GET", "/settings")).json()) as { invitationMessage: string };
    expect(settings.invitationMessage).toBe("Welcome to school!\nSee you soon.");
  });
});

describe("names people give themselves", () => {
  it("the parent's name in Account settings", async () => {
    const userId = (await insertParent()).id;
    const b = await browserAs("parent", userId);
    await b.get("/account");
    const res = await b.post("/account/name", { name: `Jordan ${RLO}nosnhoJ` });
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("SELECT name FROM users WHERE id = ?").bind(userId).first<{ name: string }>();
    expect(row?.name).toBe("Jordan nosnhoJ");
    noBidi("account", await (await b.get("/account")).text());
  });

  it("the teacher's display name", async () => {
    const w = await teacherWorld();
    const b = await browserAs("teacher", w.ids.T1);
    await b.get("/teacher/settings");
    const res = await b.post("/teacher/settings/name", { displayName: `Ms ${RLO}Rivera` });
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("SELECT display_name FROM teachers WHERE id = ?").bind(w.ids.T1).first<{ display_name: string }>();
    expect(row?.display_name).toBe("Ms Rivera");
  });
});

describe("ideas", () => {
  it("a parent's suggestion keeps its line breaks and loses the controls", async () => {
    const userId = (await insertParent()).id;
    const b = await browserAs("parent", userId);
    await b.get("/ideas");
    const res = await b.post("/ideas/suggest", { text: `Read together ${RLO}every night\nand talk about it`, topic: "" });
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("SELECT text FROM idea_suggestions WHERE user_id = ?").bind(userId).first<{ text: string }>();
    expect(row?.text).toBe("Read together every night\nand talk about it");
    noBidi("GET /admin/idea-suggestions", await (await api(ADMIN_TOKEN, "GET", "/admin/idea-suggestions")).text());
  });

  it("an admin's idea", async () => {
    const slug = uniq("bidi-idea-");
    const res = await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${slug}`, {
      title: `Count ${RLO}the stairs`,
      source: `Math ${RLO}at Home`,
      sourceUrl: `https://math.example.org/${RLO}stairs`,
      summary: `Count steps ${RLO}together.\nThen count back.`,
      topic: "math",
      gradeBand: "K-2",
    });
    expect(res.status).toBeLessThan(300);
    const body = await (await api(ADMIN_TOKEN, "GET", "/admin/ideas")).text();
    noBidi("GET /admin/ideas", body);
    const row = await env.DB.prepare("SELECT title, source, source_url, summary FROM ideas WHERE slug = ?").bind(slug).first();
    expect(row).toEqual({ title: "Count the stairs", source: "Math at Home", source_url: "https://math.example.org/%E2%80%AEstairs", summary: "Count steps together.\nThen count back." });
  });
});

describe("rows stored before the fix", () => {
  it("the strip_bidi_controls migration cleans every such column and percent-encodes URLs", async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.includes("strip_bidi_controls"));
    expect(migration, "migration strip_bidi_controls").toBeDefined();
    const w = await teacherWorld();
    const dirty = (s: string) => `${s.slice(0, 2)}\u202A\u202B\u202C\u202D${RLO}\u2066\u2067\u2068\u2069${s.slice(2)}`;
    const db = env.DB;
    const userId = (await insertParent({ name: dirty("Jordan Johnson") })).id;
    await db.batch([
      db.prepare("UPDATE districts SET name = ?, invitation_message = ? WHERE id = ?").bind(dirty("Old District"), dirty("Hello\nthere"), w.district.id),
      db.prepare("UPDATE schools SET name = ? WHERE district_id = ?").bind(dirty("Lincoln"), w.district.id),
      db.prepare("UPDATE teachers SET name = ?, display_name = ? WHERE id = ?").bind(dirty("Ana Rivera"), dirty("Ms R"), w.ids.T1),
      db.prepare("UPDATE students SET first_name = ?, last_name = ?, grade = ? WHERE id = ?").bind(dirty("Maya"), dirty("Johnson"), dirty("3rd"), w.ids.S1),
      db.prepare("UPDATE sections SET name = ? WHERE id = ?").bind(dirty("Room 12"), w.ids.SEC1),
    ]);
    await insertGuardianship(w.district.id, userId, w.ids.S1);
    await db.prepare("UPDATE guardianships SET relationship = ? WHERE user_id = ?").bind(dirty("mother"), userId).run();
    const inv = await api(w.district.token, "POST", "/invitations", { studentSisId: "S2", email: `${uniq("g.")}@example.com`, name: "Sam", relationship: "father" });
    const invId = ((await inv.json()) as { id: string }).id;
    await db.prepare("UPDATE guardian_contacts SET name = ?, relationship = ? WHERE id = (SELECT contact_id FROM invitations WHERE id = ?)").bind(dirty("Sam Brown"), dirty("father"), invId).run();
    expect((await api(w.district.token, "PUT", "/links/old", { title: "Old", url: "https://old.example.org/x", audience: "both" })).status).toBeLessThan(300);
    await db.prepare("UPDATE district_links SET title = ?, description = ?, url = ? WHERE district_id = ?").bind(dirty("Old link"), dirty("About\nit"), `https://old.example.org/${RLO}gpj.exe`, w.district.id).run();
    const slug = uniq("old-idea-");
    await api(ADMIN_TOKEN, "PUT", `/admin/ideas/${slug}`, { title: "T", source: "S", sourceUrl: "https://i.example.org/", summary: "Sum", topic: "math", gradeBand: "all" });
    await db.prepare("UPDATE ideas SET title = ?, source = ?, summary = ?, source_url = ? WHERE slug = ?").bind(dirty("Idea"), dirty("Source"), dirty("Sum\nmary"), `https://i.example.org/${RLO}x`, slug).run();
    await db.prepare("INSERT INTO idea_suggestions (id, user_id, text, topic, created_at) VALUES (?, ?, ?, NULL, ?)").bind(uniq("sug_"), userId, dirty("A suggestion\nwith lines"), Date.now()).run();

    for (const query of migration!.queries) await db.prepare(query).run();

    const one = async (sql: string, ...args: unknown[]) => db.prepare(sql).bind(...args).first<Record<string, string>>();
    expect(await one("SELECT name, invitation_message FROM districts WHERE id = ?", w.district.id)).toEqual({ name: "Old District", invitation_message: "Hello\nthere" });
    expect(await one("SELECT name FROM schools WHERE district_id = ?", w.district.id)).toEqual({ name: "Lincoln" });
    expect(await one("SELECT name, display_name FROM teachers WHERE id = ?", w.ids.T1)).toEqual({ name: "Ana Rivera", display_name: "Ms R" });
    expect(await one("SELECT first_name, last_name, grade FROM students WHERE id = ?", w.ids.S1)).toEqual({ first_name: "Maya", last_name: "Johnson", grade: "3rd" });
    expect(await one("SELECT name FROM sections WHERE id = ?", w.ids.SEC1)).toEqual({ name: "Room 12" });
    expect(await one("SELECT name FROM users WHERE id = ?", userId)).toEqual({ name: "Jordan Johnson" });
    expect(await one("SELECT relationship FROM guardianships WHERE user_id = ?", userId)).toEqual({ relationship: "mother" });
    expect(await one("SELECT name, relationship FROM guardian_contacts WHERE id = (SELECT contact_id FROM invitations WHERE id = ?)", invId)).toEqual({ name: "Sam Brown", relationship: "father" });
    expect(await one("SELECT title, description, url FROM district_links WHERE district_id = ?", w.district.id)).toEqual({ title: "Old link", description: "About\nit", url: "https://old.example.org/%E2%80%AEgpj.exe" });
    expect(await one("SELECT title, source, summary, source_url FROM ideas WHERE slug = ?", slug)).toEqual({ title: "Idea", source: "Source", summary: "Sum\nmary", source_url: "https://i.example.org/%E2%80%AEx" });
    expect(await one("SELECT text FROM idea_suggestions WHERE user_id = ?", userId)).toEqual({ text: "A suggestion\nwith lines" });
  });
});
