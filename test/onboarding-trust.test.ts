// Trust issue, findings 1, 2 and 13, as an attacker would try them over HTTP: an account taken
// before its owner signs up, the sign-up form as an email relay, and one district's roster
// blocking another district's parents.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Browser, confirmChild, countRows, createDistrict, districtWithSiblings, freshEmail, insertParent, insertSchool, insertStudent, invitationRow, inviteTo, mailTo, pageText, postSignInForm, postSignUpForm, signUpThrough } from "./world";


const P1 = "attacker chosen passphrase 1";
const P2 = "victims own passphrase 2";

/** Every confirmation link mailed to `address`, oldest first. */
async function verifyTokens(address: string): Promise<string[]> {
  return (await mailTo(address)).flatMap((m) => [...m.body_text.matchAll(/\/verify-email\/([a-z2-7]{16,64})/g)].map((x) => x[1]!)).filter((t, i, all) => all.indexOf(t) === i);
}

/** True when email + password open a session. */
async function passwordWorks(email: string, password: string): Promise<boolean> {
  const b = new Browser();
  await postSignInForm(b, email, password);
  return b.session !== undefined;
}

async function childrenOf(email: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT s.first_name AS name FROM guardianships g JOIN users u ON u.id = g.user_id JOIN students s ON s.id = g.student_id WHERE u.email = ? ORDER BY s.first_name")
    .bind(email)
    .all<{ name: string }>();
  return results.map((r) => r.name);
}

describe("finding 1: no account is taken before its owner signs up", () => {
  it("the attacker's sign-up for the victim's address is replaced by the victim's own: P1 never signs in, the victim has only their own child", async () => {
    const f = await districtWithSiblings();
    const victim = freshEmail("victim");
    const x = await inviteTo(f.district, f.maya.sisId, freshEmail("attacker.inbox"));
    const y = await inviteTo(f.district, f.leo.sisId, freshEmail("victim.inbox"));

    const { page: attackerPage } = await signUpThrough(x, victim, { password: P1 });
    expect(await pageText(attackerPage)).toContain("Check your email");

    const { browser: owner, page: ownerPage } = await signUpThrough(y, victim, { password: P2 });
    expect(await pageText(ownerPage)).toContain("Check your email");
    // The victim uses the newest confirmation link in their mailbox.
    const links = await verifyTokens(victim);
    const newest = links[links.length - 1]!;
    expect((await owner.get(`/verify-email/${newest}`)).status).toBe(200);
    const home = await owner.post(`/verify-email/${newest}`);
    expect(home.status).toBe(200);
    expect(owner.session).toBeDefined();

    expect(await passwordWorks(victim, P1)).toBe(false);
    expect(await passwordWorks(victim, P2)).toBe(true);
    const text = await pageText(home);
    expect(text).toContain("Leo Johnson");
    expect(text).not.toContain("Maya Johnson");
    expect(links).toHaveLength(2);
    expect(await childrenOf(victim)).toEqual(["Leo"]);
    expect((await invitationRow(x.id))?.status).toBe("pending");
    expect((await invitationRow(y.id))?.status).toBe("accepted");
  });

  it("the first, attacker-triggered link does not confirm anything once the victim signed up themselves", async () => {
    const f = await districtWithSiblings();
    const victim = freshEmail("victim");
    const x = await inviteTo(f.district, f.maya.sisId, freshEmail("attacker.inbox"));
    const y = await inviteTo(f.district, f.leo.sisId, freshEmail("victim.inbox"));
    await signUpThrough(x, victim, { password: P1 });
    await signUpThrough(y, victim, { password: P2 });

    const [first] = await verifyTokens(victim);
    const clicker = new Browser();
    const page = await clicker.get(`/verify-email/${first}`);
    expect(page.status).toBe(404);
    const used = await clicker.post(`/verify-email/${first}`);
    expect(used.status).toBe(404);
    expect(await pageText(used)).toContain("This link doesn't work any more");
    expect(clicker.session).toBeUndefined();
    expect(await passwordWorks(victim, P1)).toBe(false);
    expect(await countRows("users", "email = ? AND email_verified_at IS NOT NULL", victim)).toBe(0);
    expect((await invitationRow(x.id))?.status).toBe("pending");
  });

  it("an address with a confirmed account gets the 'sign in or reset' email; its password never changes", async () => {
    const f = await districtWithSiblings();
    const owner = freshEmail("owner");
    const mine = await inviteTo(f.district, f.leo.sisId, freshEmail("owner.inbox"));
    const { browser: b } = await signUpThrough(mine, owner, { password: P2 });
    const [link] = await verifyTokens(owner);
    await b.post(`/verify-email/${link}`);
    expect(await passwordWorks(owner, P2)).toBe(true);

    const x = await inviteTo(f.district, f.maya.sisId, freshEmail("attacker.inbox"));
    const { page: attackerPage } = await signUpThrough(x, owner, { password: P1 });
    expect(await pageText(attackerPage)).toContain("Check your email");
    const mail = await mailTo(owner);
    expect(mail.map((m) => m.kind)).toEqual(["verify_email", "account_exists"]);
    expect(mail[1]?.body_text).toContain("Forgot your password?");
    expect(await passwordWorks(owner, P1)).toBe(false);
    expect(await passwordWorks(owner, P2)).toBe(true);
    expect(await childrenOf(owner)).toEqual(["Leo"]);
    expect(await countRows("sign_up_attempts", "email = ? AND used_at IS NULL", owner)).toBe(0);
  });

  it("an unconfirmed account left by the old sign-up gets the owner's password and name when the owner confirms", async () => {
    const f = await districtWithSiblings();
    const victim = freshEmail("legacy");
    // What the old code wrote for an attacker: an unverified row with the attacker's password.
    await insertParent({ email: victim, name: "Attacker text", password: P1, verified: false });
    const y = await inviteTo(f.district, f.leo.sisId, freshEmail("victim.inbox"));
    const { browser: owner, page: ownerPage } = await signUpThrough(y, victim, { name: "Robin Owner", password: P2 });
    expect(await pageText(ownerPage)).toContain("Check your email");
    expect((await mailTo(victim)).map((m) => m.kind)).toEqual(["verify_email"]);
    const [link] = await verifyTokens(victim);
    await owner.post(`/verify-email/${link}`);
    expect(owner.session).toBeDefined();
    expect(await countRows("users", "email = ?", victim)).toBe(1);
    expect(await countRows("users", "email = ? AND name = 'Robin Owner' AND email_verified_at IS NOT NULL", victim)).toBe(1);
    expect(await passwordWorks(victim, P1)).toBe(false);
    expect(await passwordWorks(victim, P2)).toBe(true);
    expect(await childrenOf(victim)).toEqual(["Leo"]);
  });

  it("the owner pressing 'Confirm' in an email they never asked for makes no account: another browser must type the password chosen at sign-up", async () => {
    const f = await districtWithSiblings();
    const victim = freshEmail("unasked");
    const x = await inviteTo(f.district, f.maya.sisId, freshEmail("attacker.inbox"));
    await signUpThrough(x, victim, { password: P1 });
    const [link] = await verifyTokens(victim);

    // The owner opens the unexpected email on their own phone and presses the button.
    const owner = new Browser();
    const page = await pageText(await owner.get(`/verify-email/${link}`));
    expect(page).toContain("Type the password you chose");
    const refused = await owner.post(`/verify-email/${link}`);
    expect(refused.status).toBe(422);
    const wrong = await owner.post(`/verify-email/${link}`, { password: "a guess from the owner" });
    expect(wrong.status).toBe(422);
    expect(owner.session).toBeUndefined();
    expect(await countRows("users", "email = ?", victim)).toBe(0);
    expect(await passwordWorks(victim, P1)).toBe(false);
    expect((await invitationRow(x.id))?.status).toBe("pending");
  });

  it("confirming on another device: the right password signs in; five wrong ones end the link", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail("elsewhere");
    const y = await inviteTo(f.district, f.leo.sisId, freshEmail("inbox"));
    const { browser: phone } = await signUpThrough(y, email, { password: P2 });
    const [link] = await verifyTokens(email);
    // The browser that signed up needs no password.
    expect(await pageText(await phone.get(`/verify-email/${link}`))).not.toContain("Type the password you chose");
    const laptop = new Browser();
    const home = await laptop.post(`/verify-email/${link}`, { password: P2 });
    expect(home.status).toBe(200);
    expect(laptop.session).toBeDefined();
    expect(await childrenOf(email)).toEqual(["Leo"]);

    const other = freshEmail("guessed");
    const z = await inviteTo(f.district, f.maya.sisId, freshEmail("inbox2"));
    await signUpThrough(z, other, { password: P2 });
    const [second] = await verifyTokens(other);
    const guesser = new Browser();
    for (let i = 0; i < 5; i++) expect((await guesser.post(`/verify-email/${second}`, { password: `guess ${i} of many` })).status).toBe(422);
    expect((await guesser.post(`/verify-email/${second}`, { password: P2 })).status).toBe(429);
    expect(guesser.session).toBeUndefined();
  });

  it("two racing uses of one link: one wins, one account, each child connected once", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail("race");
    const y = await inviteTo(f.district, f.leo.sisId, freshEmail("inbox"));
    await signUpThrough(y, email, { password: P2 });
    const [link] = await verifyTokens(email);
    // Two other browsers (each typing the sign-up's password) press at once.
    const [one, two] = [new Browser(), new Browser()];
    const answers = await Promise.all([one.post(`/verify-email/${link}`, { password: P2 }), two.post(`/verify-email/${link}`, { password: P2 })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 404]);
    expect([one.session, two.session].filter(Boolean)).toHaveLength(1);
    expect(await countRows("users", "email = ?", email)).toBe(1);
    expect(await countRows("guardianships", "student_id = ?", f.leo.id)).toBe(1);
  });
});

describe("finding 2: the sign-up form is no email relay", () => {
  const NAME = "Claim your prize at evil.example";

  it("one invitation, six addresses: at most three emails, none with the posted name, the rest get the same page and nothing is written", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail("inbox"));
    const targets = Array.from({ length: 6 }, () => freshEmail("target"));
    for (const target of targets) {
      // Each try with a fresh browser, so only the invitation's own limit can stop it.
      const { page: res } = await signUpThrough(inv, target, { name: NAME });
      expect(res.status).toBe(200);
      expect(await pageText(res)).toContain("Check your email");
    }
    const sent = (await Promise.all(targets.map(mailTo))).flat();
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) expect(m.body_text).not.toContain("evil.example");
    expect(await countRows("outbox", "body_text LIKE ? OR body_html LIKE ?", "%evil.example%", "%evil.example%")).toBe(0);
    expect(await countRows("sign_up_attempts", `email IN (${targets.map(() => "?").join(", ")})`, ...targets)).toBe(sent.length);
  });

  it("one browser, four invitations: at most three sign-up emails an hour", async () => {
    const f = await districtWithSiblings();
    const students = [f.maya, f.leo, f.ethan, await insertStudent(f.district.id, f.school.id, { firstName: "Nia", lastName: "Johnson" })];
    const b = new Browser();
    const targets: string[] = [];
    for (const student of students) {
      const inv = await inviteTo(f.district, student.sisId, freshEmail("inbox"));
      await confirmChild(b, inv.token);
      const target = freshEmail("target");
      targets.push(target);
      expect(await pageText(await postSignUpForm(b, target))).toContain("Check your email");
    }
    const sent = (await Promise.all(targets.map(mailTo))).flat();
    expect(sent).toHaveLength(3);
    expect(await mailTo(targets[3]!)).toHaveLength(0);
  });

  it("the confirmation email greets no one by a name someone else typed", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail("inbox"));
    const b = new Browser();
    await confirmChild(b, inv.token);
    const target = freshEmail("target");
    await postSignUpForm(b, target, { name: "Jordan\u202Egpj.exe Johnson" });
    const [mail] = await mailTo(target);
    expect(mail?.body_text).not.toContain("Jordan");
    // The name is kept without its bidirectional controls.
    expect(await countRows("sign_up_attempts", "email = ? AND name = ?", target, "Jordangpj.exe Johnson")).toBe(1);
  });
});

describe("finding 13: the student-address guard looks only at the inviting district", () => {
  it("district B's student's address can accept district A's invitation; district A's own student's address cannot", async () => {
    const a = await createDistrict();
    const b = await createDistrict();
    const schoolA = await insertSchool(a.id, "Alder Elementary");
    const schoolB = await insertSchool(b.id, "Birch Elementary");
    const child = await insertStudent(a.id, schoolA.id, { firstName: "Ada", lastName: "Moss" });
    const otherA = await insertStudent(a.id, schoolA.id, { firstName: "Ola", lastName: "Moss" });
    const studentB = await insertStudent(b.id, schoolB.id, { firstName: "Bo", lastName: "Birch" });
    const parentAddress = freshEmail("parent.personal");
    const schoolAddressA = freshEmail("ola.student");
    await env.DB.prepare("UPDATE students SET email = ? WHERE id = ?").bind(parentAddress, studentB.id).run();
    await env.DB.prepare("UPDATE students SET email = ? WHERE id = ?").bind(schoolAddressA, otherA.id).run();

    const inv = await inviteTo(a, child.sisId, freshEmail("inbox"));
    const { browser: browser, page: refused } = await signUpThrough(inv, schoolAddressA);
    expect(refused.status).toBe(422);
    expect(await pageText(refused)).toContain("This is a student's school address");

    const ok = await postSignUpForm(browser, parentAddress);
    expect(ok.status).toBe(200);
    expect(await pageText(ok)).toContain("Check your email");
    const [link] = await verifyTokens(parentAddress);
    const home = await pageText(await browser.post(`/verify-email/${link}`));
    expect(home).toContain("Ada Moss");
  });
});
