// What districts send and set, in the family's language (issue 12, points 4 to 7): `language` on
// invitations (stored with the contact, returned, validated), the invitation email and text — and
// their renewal, reminder and re-sends — in that language with the expiry in the district's time
// zone, the district's `timeZone` setting, and families per language in GET /reports.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { sendExpiryReminders } from "../src/invitations/reminders";
import { buildInvitationMessage, composeInvitationMessage, formatExpiry } from "../src/invitations/messages";
import { invitationLocales, needsEnglishBelow } from "../src/invitations/message-language";
import { localeOf } from "../src/i18n/locale";
import { DAY, HOUR } from "../src/lib/time";
import { englishLeftIn } from "./i18n-helpers";
import {
  api,
  Browser,
  browserAs,
  contactIdFor,
  districtWithStudent,
  freshEmail,
  insertGuardianship,
  insertParent,
  lastMailTo,
  latestLinkToken,
  mailTo,
  pageText,
  postInvitation,
  setInvitation,
  teacherWorld,
  type OutboxRowView,
} from "./world";

const contactLanguage = async (invitationId: string) =>
  (await env.DB.prepare("SELECT language FROM guardian_contacts WHERE id = ?").bind(await contactIdFor(invitationId)).first<{ language: string | null }>())?.language;

/** The email's visible text: the plain version, and the HTML without its tags. */
const visible = (m: OutboxRowView) => `${m.subject}\n${m.body_text}\n${(m.body_html ?? "").replace(/<[^>]+>/g, " ")}`;

function expectSpanishEmail(m: OutboxRowView | null | undefined) {
  expect(m).toBeTruthy();
  if (!m) return;
  expect(m.subject).toMatch(/únase a Family Portal para/);
  expect(m.body_text).toContain("le invita a Family Portal");
  expect(m.body_text).toContain("Aceptar la invitación:");
  expect(m.body_text).toMatch(/Vence el (lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de \p{L}+ de \d{4} a las? \d{1,2}:\d\d/u);
  expect(m.body_html).toMatch(/^<!doctype html><html lang="es" dir="ltr">/);
  expect(m.body_html).toContain("O abra este enlace:");
  expect(englishLeftIn(visible(m))).toEqual([]);
}

function expectEnglishEmail(m: OutboxRowView | null | undefined) {
  expect(m?.subject).toMatch(/: join Family Portal for /);
  expect(m?.body_text).toContain("Accept the invitation:");
  expect(m?.body_html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
  expect(m?.body_text).not.toContain("inglés");
}

describe("language on POST /invitations", () => {
  it('"es": stored with the contact, returned, and the email (subject, text, html) is Spanish; the district\'s own words as written', async () => {
    const f = await districtWithStudent({ districtName: "Distrito Río", schoolName: "Escuela Maple", student: { firstName: "Maya", lastName: "Johnson" } });
    await api(f.district.token, "PUT", "/settings", { invitationMessage: "Welcome! Bienvenidos a nuestro portal." });
    const email = freshEmail("familia");
    const { status, json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "es" });
    expect(status).toBe(201);
    expect(json.language).toBe("es");
    expect(await contactLanguage(json.id)).toBe("es");
    const m = await lastMailTo(email);
    expectSpanishEmail(m);
    expect(m?.subject).toBe("Distrito Río: únase a Family Portal para Maya J. en Escuela Maple");
    expect(m?.body_text.startsWith("Welcome! Bienvenidos a nuestro portal.")).toBe(true);
    expect(m?.body_html).toContain("Welcome! Bienvenidos a nuestro portal.");
    // The email names the invitation page's own button, in the same words.
    expect(m?.body_text).toContain('«No es mi hijo ni mi hija»');
    expect(m?.body_text).toContain("Enviado por Distrito Río a través de Family Portal.");
  });

  it('"es" by text message: the SMS is Spanish', async () => {
    const f = await districtWithStudent({ districtName: "Lakeside", schoolName: "Oak Middle", student: { firstName: "Leo", lastName: "Park" } });
    const { status, json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, phone: "(212) 555-0177", language: "es" });
    expect(status).toBe(201);
    expect(json.language).toBe("es");
    const sms = await lastMailTo("+12125550177");
    const token = await latestLinkToken("+12125550177", "/i/");
    expect(sms?.body_text).toBe(`Lakeside: únase a Family Portal para Leo en Oak Middle: http://127.0.0.1:8787/i/${token}`);
  });

  it('"es-MX" is kept as given and gets Spanish; "vi" is kept, listed, and gets English (our closest), without English repeated', async () => {
    const f = await districtWithStudent();
    const mx = freshEmail("mx");
    const vi = freshEmail("vi");
    const a = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: mx, language: "es-MX" });
    const b = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: vi, language: "vi" });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.json.language, b.json.language]).toEqual(["es-MX", "vi"]);
    expectSpanishEmail(await lastMailTo(mx));
    const english = await lastMailTo(vi);
    expectEnglishEmail(english);
    expect(english?.body_text.match(/Accept the invitation:/g)).toHaveLength(1);

    const list = (await (await api(f.district.token, "GET", `/invitations?studentSisId=${f.student.sisId}`)).json()) as { data: { id: string; language: string | null }[] };
    expect(list.data.map((i) => [i.id, i.language])).toEqual([
      [a.json.id, "es-MX"],
      [b.json.id, "vi"],
    ]);
    const one = (await (await api(f.district.token, "GET", `/invitations/${b.json.id}`)).json()) as { language: string };
    expect(one.language).toBe("vi");
  });

  it("no language: English, and language null in the answers", async () => {
    const f = await districtWithStudent();
    const email = freshEmail();
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email });
    expect(json.language).toBeNull();
    expectEnglishEmail(await lastMailTo(email));
  });

  it("refuses a tag that is not BCP 47 with a 422 naming the field, writing nothing", async () => {
    const f = await districtWithStudent();
    for (const language of ["español", "e", "es_MX", "es-", "x".repeat(36), "es-" + "a".repeat(33), 7, ""]) {
      const email = freshEmail();
      const res = await api(f.district.token, "POST", "/invitations", { studentSisId: f.student.sisId, email, language });
      expect(res.status, JSON.stringify(language)).toBe(422);
      const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details.map((d) => d.path)).toContain("language");
      expect(await mailTo(email)).toEqual([]);
    }
  });

  it("the same Idempotency-Key with another language is a 422; with the same body it replays", async () => {
    const f = await districtWithStudent();
    const email = freshEmail();
    const first = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "es" }, { "idempotency-key": "lang-1" });
    expect(first.status).toBe(201);
    const other = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "vi" }, { "idempotency-key": "lang-1" });
    expect(other.status).toBe(422);
    expect(other.json.error?.code).toBe("idempotency_key_reused");
    const again = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "es" }, { "idempotency-key": "lang-1" });
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    expect(await mailTo(email)).toHaveLength(1);
    expect(await contactLanguage(first.json.id)).toBe("es");
  });

  it("a later invitation to the same contact with another language replaces it; one without a language keeps it", async () => {
    const f = await districtWithStudent();
    const email = freshEmail();
    const first = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "vi" });
    await api(f.district.token, "DELETE", `/invitations/${first.json.id}`);
    const second = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "es" });
    expect(second.json.language).toBe("es");
    expect(await contactLanguage(first.json.id)).toBe("es");
    expectSpanishEmail(await lastMailTo(email));
    await api(f.district.token, "DELETE", `/invitations/${second.json.id}`);
    const third = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email });
    // The stored language stands, and the answer says so.
    expect(third.json.language).toBe("es");
    expectSpanishEmail(await lastMailTo(email));
  });
});

describe("language on POST /invitations/batch", () => {
  it("each item carries its own language; a bad tag fails only its item", async () => {
    const f = await districtWithStudent();
    const [es, vi, none, bad] = [freshEmail("es"), freshEmail("vi"), freshEmail("none"), freshEmail("bad")];
    const res = await api(f.district.token, "POST", "/invitations/batch", {
      invitations: [
        { studentSisId: f.student.sisId, email: es, language: "es" },
        { studentSisId: f.student.sisId, phone: "+12125550199", language: "es-US" },
        { studentSisId: f.student.sisId, email: vi, language: "vi" },
        { studentSisId: f.student.sisId, email: none },
        { studentSisId: f.student.sisId, email: bad, language: "Spanish please" },
      ],
    });
    const body = (await res.json()) as { created: number; results: { status: string; invitation?: { language: string | null }; error?: { code: string; message: string } }[] };
    expect(body.created).toBe(4);
    expect(body.results.map((r) => (r.invitation ? r.invitation.language : r.error?.code))).toEqual(["es", "es-US", "vi", null, "validation_failed"]);
    expect(body.results[4]?.error?.message).toMatch(/^language: /);
    expectSpanishEmail(await lastMailTo(es));
    expect((await lastMailTo("+12125550199"))?.body_text).toMatch(/únase a Family Portal/);
    expectEnglishEmail(await lastMailTo(vi));
    expectEnglishEmail(await lastMailTo(none));
    expect(await mailTo(bad)).toEqual([]);
  });
});

describe("renewal, reminder and re-sends in the invitation's language", () => {
  it("the family's “send me a fresh invitation” from an expired link comes in Spanish", async () => {
    const f = await districtWithStudent();
    const email = freshEmail();
    const { json } = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "es-MX" });
    const token = await latestLinkToken(email, "/i/");
    await setInvitation(json.id, { expires_at: Date.now() - 1000 });
    await new Browser().post(`/i/${token}/renew`);
    const mail = await mailTo(email);
    expect(mail).toHaveLength(2);
    expectSpanishEmail(mail[1]);
  });

  it("the reminder on the last day is Spanish (subject, note, message), by email and by text", async () => {
    const f = await districtWithStudent();
    await api(f.district.token, "PUT", "/settings", { reminderBeforeExpiry: true });
    const email = freshEmail();
    const byEmail = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email, language: "es" });
    const byText = await postInvitation(f.district.token, { studentSisId: f.student.sisId, phone: "+12125550133", language: "es" });
    const english = freshEmail("en");
    const inEnglish = await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: english });
    const now = Date.now();
    for (const id of [byEmail.json.id, byText.json.id, inEnglish.json.id]) await setInvitation(id, { sent_at: now - 13.5 * DAY, expires_at: now + 12 * HOUR });
    expect(await sendExpiryReminders(getDb(env.DB), "http://127.0.0.1:8787", now)).toBeGreaterThanOrEqual(3);

    const reminder = await lastMailTo(email);
    expect(reminder?.kind).toBe("invitation_reminder");
    expect(reminder?.subject).toMatch(/^Recordatorio: .*únase a Family Portal/);
    expect(reminder?.body_text.startsWith("Recordatorio: esta invitación vence en menos de un día.")).toBe(true);
    expectSpanishEmail(reminder);
    expect((await lastMailTo("+12125550133"))?.body_text).toMatch(/^Recordatorio, vence mañana: .*únase a Family Portal/);

    const englishReminder = await lastMailTo(english);
    expect(englishReminder?.subject).toMatch(/^Reminder: .*join Family Portal/);
    expect(englishReminder?.body_text.startsWith("Reminder: this invitation expires within a day.")).toBe(true);
    expect(englishReminder?.body_html).toMatch(/^<!doctype html>/);
  });

  it("the district's resend and the teacher's re-send use the contact's language", async () => {
    const w = await teacherWorld();
    const email = freshEmail();
    const { json } = await postInvitation(w.district.token, { studentSisId: "S1", email, language: "es" });
    expect((await api(w.district.token, "POST", `/invitations/${json.id}/resend`)).status).toBe(200);
    const teacher = await browserAs("teacher", w.ids.T1);
    const res = await teacher.post(`/teacher/students/${w.ids.S1}/contacts/${await contactIdFor(json.id)}/invite`, { back: "/teacher" }, { follow: false });
    expect(res.headers.get("location")).toContain("notice=resent");
    const mail = await mailTo(email);
    expect(mail).toHaveLength(3);
    for (const m of mail) expectSpanishEmail(m);
  });

  it("a teacher's first invitation to a contact on record goes in the contact's language", async () => {
    const w = await teacherWorld();
    const email = freshEmail();
    const t = Date.now();
    const contact = `gcn_${t.toString(36)}`;
    await env.DB.prepare("INSERT INTO guardian_contacts (id, district_id, student_id, channel, address, name, language, created_at, updated_at) VALUES (?, ?, ?, 'email', ?, 'Rosa', 'es', ?, ?)")
      .bind(contact, w.district.id, w.ids.S1, email, t, t)
      .run();
    const teacher = await browserAs("teacher", w.ids.T1);
    const res = await teacher.post(`/teacher/students/${w.ids.S1}/contacts/${contact}/invite`, { back: "/teacher" }, { follow: false });
    expect(res.headers.get("location")).toContain("notice=created");
    expectSpanishEmail(await lastMailTo(email));
  });
});

describe("dates in the reader's language and the district's time zone", () => {
  it("formats the expiry with Intl, naming the zone", () => {
    const at = Date.UTC(2026, 2, 4, 19, 5);
    const en = formatExpiry(at, { tag: "en", timeZone: "America/Chicago" });
    expect(en.date).toBe("Wednesday, March 4, 2026");
    expect(en.time).toMatch(/^1:05\sPM CST$/);
    const es = formatExpiry(at, { tag: "es", timeZone: "America/Los_Angeles" });
    expect(es.date).toBe("miércoles, 4 de marzo de 2026");
    expect(es.time).toBe("11:05 GMT-8");
  });

  it("an invitation from a district in Los Angeles says its expiry in Pacific time", async () => {
    const f = await districtWithStudent();
    expect((await api(f.district.token, "PUT", "/settings", { timeZone: "America/Los_Angeles" })).status).toBe(200);
    const [en, es] = [freshEmail("en"), freshEmail("es")];
    await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: en });
    await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: es, language: "es" });
    expect((await lastMailTo(en))?.body_text).toMatch(/It expires on \w+, \w+ \d{1,2}, \d{4} at \d{1,2}:\d\d\s[AP]M P[SD]T;/);
    expect((await lastMailTo(es))?.body_text).toMatch(/Vence el .* a las? \d{1,2}:\d\d GMT-[78];/);
  });

  it("Spanish says “a la” at one o'clock", async () => {
    const m = await buildInvitationMessage({
      channel: "email",
      link: "https://x.test/i/abc",
      expiresAt: Date.UTC(2026, 2, 4, 13, 30),
      language: "es",
      district: { name: "D", invitationMessage: null, timeZone: "UTC" },
      school: { name: "S" },
      student: { firstName: "Ana", lastName: "Ruiz" },
    });
    expect(m.text).toContain("Vence el miércoles, 4 de marzo de 2026 a las 13:30 UTC;");
    const one = await buildInvitationMessage({
      channel: "email",
      link: "https://x.test/i/abc",
      expiresAt: Date.UTC(2026, 2, 4, 1, 30),
      language: "es",
      district: { name: "D", invitationMessage: null, timeZone: "UTC" },
      school: { name: "S" },
      student: { firstName: "Ana", lastName: "Ruiz" },
    });
    expect(one.text).toContain("a la 1:30 UTC;");
  });
});

describe("which catalog, and when English goes below", () => {
  it("the closest catalog; English below only when that catalog is another language than the one asked for, and not English", async () => {
    expect(await invitationLocales("es-MX", "UTC")).toMatchObject({ main: { tag: "es" }, englishBelow: null });
    expect(await invitationLocales("vi", "UTC")).toMatchObject({ main: { tag: "en" }, englishBelow: null });
    expect(await invitationLocales(null, "UTC")).toMatchObject({ main: { tag: "en" }, englishBelow: null });
    expect(needsEnglishBelow("es-MX", "es")).toBe(false);
    expect(needsEnglishBelow("vi", "en")).toBe(false);
    // A language served by a neighbour's catalog (no such fallback today): English follows.
    expect(needsEnglishBelow("gl", "es")).toBe(true);
  });

  it("with English below: the message, then the same in English (its own button, lang=en), the district's words once", async () => {
    const input = {
      link: "https://x.test/i/abc",
      expiresAt: Date.UTC(2026, 2, 4, 13, 30),
      district: { name: "D", invitationMessage: "Our words", timeZone: "UTC" },
      school: { name: "S" },
      student: { firstName: "Ana", lastName: "Ruiz" },
      reminder: true,
    };
    const locales = { main: await localeOf("es", "UTC"), englishBelow: await localeOf("en", "UTC") };
    const email = composeInvitationMessage({ ...input, channel: "email" }, locales);
    expect(email.subject).toBe("Recordatorio: D: únase a Family Portal para Ana R. en S");
    const [spanish = "", english = ""] = email.text.split("\n---\nEl mismo mensaje en inglés:\n");
    expect(spanish).toContain("Aceptar la invitación:");
    expect(spanish).not.toContain("Accept the invitation");
    expect(english).toContain("Reminder: this invitation expires within a day.");
    expect(english).toContain("Accept the invitation:\nhttps://x.test/i/abc");
    expect(english).toContain("It expires on Wednesday, March 4, 2026 at 1:30");
    expect(email.text.match(/Our words/g)).toHaveLength(1);
    expect(email.html).toMatch(/^<!doctype html><html lang="es"/);
    expect(email.html).toContain('<div lang="en" dir="ltr">');
    expect(email.html).toContain("Or open this link:");
    const sms = composeInvitationMessage({ ...input, channel: "sms" }, locales);
    expect(sms.text).toBe("Recordatorio, vence mañana: D: únase a Family Portal para Ana en S: https://x.test/i/abc\n\nReminder, expires tomorrow: D: join Family Portal for Ana at S: https://x.test/i/abc");
  });
});

describe("the district's time zone (PUT/GET /settings)", () => {
  it("round-trips an IANA name in its canonical spelling; America/New_York by default", async () => {
    const f = await districtWithStudent();
    expect(((await (await api(f.district.token, "GET", "/settings")).json()) as { timeZone: string }).timeZone).toBe("America/New_York");
    const res = await api(f.district.token, "PUT", "/settings", { timeZone: "america/chicago" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { timeZone: string }).timeZone).toBe("America/Chicago");
    expect(((await (await api(f.district.token, "GET", "/settings")).json()) as { timeZone: string }).timeZone).toBe("America/Chicago");
    expect((await env.DB.prepare("SELECT time_zone FROM districts WHERE id = ?").bind(f.district.id).first<{ time_zone: string }>())?.time_zone).toBe("America/Chicago");
  });

  it("refuses an unknown zone with a 422 and changes nothing", async () => {
    const f = await districtWithStudent();
    await api(f.district.token, "PUT", "/settings", { timeZone: "Pacific/Honolulu" });
    for (const timeZone of ["Mars/Olympus_Mons", "", "x".repeat(65), 5, null]) {
      const res = await api(f.district.token, "PUT", "/settings", { timeZone });
      expect(res.status, JSON.stringify(timeZone)).toBe(422);
    }
    expect(((await (await api(f.district.token, "GET", "/settings")).json()) as { timeZone: string }).timeZone).toBe("Pacific/Honolulu");
  });
});

describe("families per language in GET /reports", () => {
  it("counts contacts once per address by the district's language, connected guardians by their account's, and unknown for none", async () => {
    const f = await districtWithStudent();
    const sibling = (await env.DB.prepare("INSERT INTO students (id, district_id, sis_id, school_id, first_name, last_name, created_at, updated_at) VALUES (?, ?, 'sib', ?, 'Leo', 'Johnson', 0, 0) RETURNING id").bind(`stu_sib${Date.now()}`, f.district.id, f.school.id).first<{ id: string }>())!.id;
    const rosa = freshEmail("rosa");
    // Rosa is invited for both children (one family), in Spanish; a cousin as ES-mx (the same tag in another case).
    await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: rosa, language: "es" });
    await postInvitation(f.district.token, { studentSisId: "sib", email: rosa, language: "es" });
    await postInvitation(f.district.token, { studentSisId: f.student.sisId, phone: "+12125550111", language: "ES-mx" });
    await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("mx"), language: "es-MX" });
    await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("vi"), language: "vi" });
    await postInvitation(f.district.token, { studentSisId: f.student.sisId, email: freshEmail("none") });
    await postInvitation(f.district.token, { studentSisId: "sib", email: freshEmail("none") });
    // Connected guardians: one saved Spanish (connected to both children), one with nothing saved.
    const lucia = await insertParent();
    await env.DB.prepare("UPDATE users SET language = 'es' WHERE id = ?").bind(lucia.id).run();
    await insertGuardianship(f.district.id, lucia.id, f.student.id);
    await insertGuardianship(f.district.id, lucia.id, sibling);
    const tom = await insertParent();
    await insertGuardianship(f.district.id, tom.id, sibling);
    // Another district's families are not counted.
    const other = await districtWithStudent();
    await postInvitation(other.district.token, { studentSisId: other.student.sisId, email: freshEmail(), language: "es" });

    const report = (await (await api(f.district.token, "GET", "/reports")).json()) as { languages: { language: string; families: number; guardians: number }[] };
    expect(report.languages).toEqual([
      // Most families first, then most guardians.
      { language: "unknown", families: 2, guardians: 1 },
      { language: "es-MX", families: 2, guardians: 0 },
      { language: "es", families: 1, guardians: 1 },
      { language: "vi", families: 1, guardians: 0 },
    ]);
  });
});
