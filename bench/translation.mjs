// Translation benchmark row for `npm run bench`: what a kept (cached) translation adds to opening a
// thread. Two families get the same teacher's messages (one broadcast each time): one reads
// Spanish (every message shown translated, from the thread's storage), one English (as
// written). The translator is a stand-in LibreTranslate API on this machine that counts its calls:
// after the first reads none may come, or the row would measure the translator, not the cache.
import { createServer } from "node:http";
import { api, ADMIN_TOKEN, percentile } from "../scripts/local-server.mjs";
import { joinAsGuardian, signInTeacher } from "../scripts/page-client.mjs";

/** Messages in each thread (broadcasts count once against the teacher's limit of 10 a minute). */
const MESSAGES = 8;
const OPENS = 200;

/** A stand-in LibreTranslate API: "[es] <text>"; `calls` counts what it was asked. */
export async function startStandInTranslator() {
  const state = { calls: 0 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      state.calls++;
      const { q, target } = JSON.parse(body || "{}");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ translatedText: `[${target}] ${q}` }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/translate`, state, stop: () => server.close() };
}

const threadOf = (html) => html.match(/\/messages\/(thr_[a-z2-7]{16})/)?.[1];

export async function benchTranslation(origin, translator) {
  const { body: district } = await api(origin, ADMIN_TOKEN, "POST", "/admin/districts", { name: "Bench Translation District" });
  const token = district.token;
  const teacherEmail = "bench.translate.teacher@school.example.org";
  const kids = [0, 1].map((i) => ({ sisId: `tr-${i}`, firstName: `Kid${i}`, lastName: `Lang${i}`, schoolSisId: "tr-sch" }));
  await api(origin, token, "POST", "/roster", {
    schools: [{ sisId: "tr-sch", name: "Bench Bilingual School" }],
    teachers: [{ sisId: "tr-t", name: "Bench Teacher", email: teacherEmail }],
    students: kids,
    sections: [{ sisId: "tr-sec", name: "Room 2", schoolSisId: "tr-sch", teacherSisIds: ["tr-t"], studentSisIds: kids.map((k) => k.sisId) }],
  });
  // The district gives each family's language; the account takes it at sign-up.
  const families = [
    { email: "bench.es@example.com", name: "Familia Uno", password: "bench family password es", language: "es" },
    { email: "bench.en@example.com", name: "Family Two", password: "bench family password en", language: "en" },
  ];
  await api(origin, token, "POST", "/invitations/batch", {
    invitations: families.map((f, i) => ({ studentSisId: kids[i].sisId, email: f.email, name: f.name, language: f.language })),
  });
  const [spanish, english] = await Promise.all(families.map((f) => joinAsGuardian(origin, f)));
  const teacher = await signInTeacher(origin, teacherEmail);
  const sectionId = (await teacher.get("/teacher")).text.match(/\/teacher\/messages\/broadcast\/([a-z]+_[a-z0-9]+)/)?.[1];
  if (!sectionId) throw new Error("no 'Message all families' link on the teacher's classes page");
  for (let i = 0; i < MESSAGES; i++) {
    const res = await teacher.post(`/teacher/messages/broadcast/${sectionId}`, { body: `Note ${i + 1}: the field trip leaves at 8:30 on Friday. Details: https://school.example.org/trip` });
    if (res.location !== "/teacher/messages?sent=2&failed=0") throw new Error(`broadcast → ${res.location}`);
  }
  const esThread = threadOf((await spanish.get("/messages")).text);
  const enThread = threadOf((await english.get("/messages")).text);
  // The first reads translate whatever the background did not; from here on everything is kept.
  const first = await spanish.get(`/messages/${esThread}`);
  if (!first.text.includes("[es] Note 1")) throw new Error("the Spanish family's thread is not translated");
  await english.get(`/messages/${enThread}`);
  const callsBefore = translator.state.calls;

  const open = async (client, thread) => {
    const ms = [];
    for (let i = 0; i < OPENS; i++) {
      const res = await client.get(`/messages/${thread}`);
      if (res.status !== 200) throw new Error(`open thread → ${res.status}`);
      ms.push(res.ms);
    }
    return ms;
  };
  // Interleaved halves, so neither side gets a warmer server.
  const en1 = await open(english, enThread);
  const es1 = await open(spanish, esThread);
  const en2 = await open(english, enThread);
  const es2 = await open(spanish, esThread);
  const en = percentile([...en1, ...en2], 50);
  const es = percentile([...es1, ...es2], 50);
  if (translator.state.calls !== callsBefore) throw new Error(`opening a translated thread called the translator ${translator.state.calls - callsBefore} times`);
  return [
    {
      name: `messages: opening a thread of ${MESSAGES} messages, translated from the thread's storage (es) / as written (en), p50`,
      value: `${es.toFixed(1)} / ${en.toFixed(1)}`,
      unit: "ms",
      notes: `difference (es − en) ${(es - en).toFixed(1)} ms; ${callsBefore} translator calls in all (one per message per language), none while opening`,
    },
  ];
}
