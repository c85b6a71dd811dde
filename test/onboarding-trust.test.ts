// Trust issue, finding 13, as an attacker would try it over HTTP: one district's roster blocking
// another district's parents.
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createDistrict } from "./helpers";
import { insertSchool, insertStudent } from "./fixtures-invitations";
import { Browser, confirm, freshEmail, inviteTo, mailTo, pageText, signUp } from "./onboarding-fixtures";

// Password hashing (Argon2id, ~0.4 s each) makes sign-up and sign-in tests slow on purpose.
vi.setConfig({ testTimeout: 30_000 });

/** Every confirmation link mailed to `address`, oldest first. */
async function verifyTokens(address: string): Promise<string[]> {
  return (await mailTo(address)).flatMap((m) => [...m.body_text.matchAll(/\/verify-email\/([a-z2-7]{16,64})/g)].map((x) => x[1]!)).filter((t, i, all) => all.indexOf(t) === i);
}

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
    const browser = new Browser();
    await confirm(browser, inv.token);
    const refused = await signUp(browser, schoolAddressA);
    expect(refused.status).toBe(422);
    expect(await pageText(refused)).toContain("This is a student's school address");

    const ok = await signUp(browser, parentAddress);
    expect(ok.status).toBe(200);
    expect(await pageText(ok)).toContain("Check your email");
    const [link] = await verifyTokens(parentAddress);
    const home = await pageText(await browser.post(`/verify-email/${link}`));
    expect(home).toContain("Ada Moss");
  });
});
