// D1 round trips (a batch is one) and statements per page of the parent, teacher and student
// journeys, read from the development server's `Server-Timing` header. On Cloudflare each round
// trip from a Worker far from the database costs tens of milliseconds before the first byte.
import { PageClient } from "../scripts/page-client.mjs";

/** Each page once as a person would open it; the cost of the request (not of any redirect). */
async function costOf(client, path) {
  const res = await client.get(path);
  if (res.status !== 200) throw new Error(`round trips: ${path} → ${res.status}`);
  if (!res.d1) throw new Error(`round trips: ${path} has no d1 Server-Timing (is ENVIRONMENT development?)`);
  return res.d1;
}

/** Rows for `npm run bench`: `{family, teacher, studentId, sectionId, threadId, threadPath}` from the pages bench. */
export async function benchRoundTrips(origin, { family, teacher, studentId, sectionId, threadId, threadPath }) {
  /** The parent's device handed to the child with Instant Login (which ends the parent's session there): last. */
  async function childDevice() {
    const child = new PageClient(origin);
    for (const [k, v] of family.cookies) child.cookies.set(k, v);
    await child.post(`/children/${studentId}/instant-login`, {});
    return child;
  }

  const journeys = [
    ["parent", () => family, [["home", "/"], ["messages list", "/messages"], ["thread", threadPath], ["account", "/account"], ["badge page", `/children/${studentId}/badge`], ["ideas", "/ideas"], ["help", "/help"]]],
    ["teacher", () => teacher, [["classes", "/teacher"], ["class", `/teacher/sections/${sectionId}`], ["messages list", "/teacher/messages"], ["thread", `/teacher/messages/${threadId}`], ["settings", "/teacher/settings"]]],
    ["signed out", () => new PageClient(origin), [["landing", "/"], ["sign-in", "/sign-in"], ["badge login", "/badges"]]],
    ["student", childDevice, [["portal", "/student"]]],
  ];
  const rows = [];
  // The first look at a badge issues it (a write, once): the row counts a look as parents usually make it.
  await family.get(`/children/${studentId}/badge`);
  // Posting a message (before the child's device ends the parent's session): the session, the
  // person and their grant to the thread in one round trip; the message itself goes to the thread's object.
  const posts = [];
  for (const [who, client, path] of [["parent", family, threadPath], ["teacher", teacher, `/teacher/messages/${threadId}`]]) {
    const res = await client.post(path, { body: `Round-trip bench message from the ${who}.` });
    if (!res.d1) throw new Error(`round trips: POST ${path} has no d1 Server-Timing`);
    posts.push([who, res.d1]);
  }
  rows.push({
    name: "D1 round trips: posting a message (parent / teacher)",
    value: posts.map(([, c]) => c.roundTrips).join(" / "),
    unit: "round trips",
    notes: posts.map(([who, c]) => `${who} ${c.roundTrips} (${c.statements} stmts)`).join(", "),
  });
  for (const [who, clientOf, pages] of journeys) {
    const client = await clientOf();
    const costs = [];
    for (const [name, path] of pages) costs.push([name, await costOf(client, path)]);
    rows.push({
      name: `D1 round trips per page: ${who}`,
      value: costs.map(([, c]) => c.roundTrips).join(" / "),
      unit: "round trips",
      notes: costs.map(([name, c]) => `${name} ${c.roundTrips} (${c.statements} stmts)`).join(", "),
    });
  }
  return rows;
}
