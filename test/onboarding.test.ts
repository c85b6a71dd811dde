import { describe, expect, it } from "vitest";
import { api, Browser, confirmChild, confirmEmail, countEveryTable, countRows, districtWithSiblings, freshEmail, invitationRow, inviteSiblings, inviteTo, latestLinkToken, mailTo, ORIGIN, pageText, postSignUpForm, setInvitation } from "./world";


describe("opening an invitation link", () => {
  it("shows the school and the child, and writes nothing, however often it is opened", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const inv = await inviteTo(f.district, f.maya.sisId, email);
    const before = await countEveryTable();
    const rowBefore = await invitationRow(inv.id);
    const b = new Browser();
    for (let i = 0; i < 2; i++) {
      const res = await b.get(`/i/${inv.token}`);
      expect(res.status).toBe(200);
      const text = await pageText(res);
      expect(text).toContain("Maple Grove Elementary");
      expect(text).toContain("Maya Johnson");
      expect(text).toContain("Yes, this is my child");
      expect(text).toContain("This is not my child");
    }
    // A link preview without cookies, too.
    expect((await new Browser("Slackbot-LinkExpanding").get(`/i/${inv.token}`)).status).toBe(200);
    expect(await countEveryTable()).toEqual(before);
    expect(await invitationRow(inv.id)).toEqual(rowBefore);
  });

  it("an unknown or malformed token is a 404 page without any name", async () => {
    for (const token of ["a".repeat(32), "not-a-token", "x".repeat(200)]) {
      const res = await new Browser().get(`/i/${token}`);
      expect(res.status).toBe(404);
      const text = await pageText(res);
      expect(text).toContain("This invitation link doesn't work");
      expect(text).toContain("contact your child's school");
    }
  });

  it("used, revoked and disputed links each have a clear page, without the child's name, and cannot be confirmed", async () => {
    const f = await districtWithSiblings();
    const cases = [
      { status: "accepted", words: "already been used" },
      { status: "revoked", words: "withdrawn" },
      { status: "disputed", words: "not their child" },
    ];
    for (const c of cases) {
      const inv = await inviteTo(f.district, f.leo.sisId, freshEmail());
      if (c.status === "revoked") expect((await api(f.district.token, "DELETE", `/invitations/${inv.id}`)).status).toBe(200);
      else await setInvitation(inv.id, { status: c.status, ...(c.status === "disputed" ? { disputed_at: Date.now() } : { accepted_at: Date.now() }) });
      const b = new Browser();
      const res = await b.get(`/i/${inv.token}`);
      expect(res.status).toBe(410);
      const text = await pageText(res);
      expect(text).toContain(c.words);
      expect(text).not.toContain("Leo");
      expect(text).toContain("school");
      const before = await countEveryTable();
      const post = await b.post(`/i/${inv.token}/confirm`);
      expect(post.status).toBe(410);
      expect(await countEveryTable()).toEqual(before);
      expect(b.cookies.has("fp_onboarding")).toBe(false);
    }
  });

  it("refuses a cross-site POST to confirm (403) and changes nothing", async () => {
    const f = await districtWithSiblings();
    const inv = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const before = await countEveryTable();
    const attempts: Record<string, string>[] = [{ "sec-fetch-site": "cross-site", origin: "https://evil.example" }, { origin: "https://evil.example" }, {}];
    for (const headers of attempts) {
      const res = await new Browser().request(`/i/${inv.token}/confirm`, {
        method: "POST",
        body: new URLSearchParams({ _csrf: "guess" }),
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        follow: false,
      });
      expect(res.status).toBe(403);
    }
    expect(await countEveryTable()).toEqual(before);
  });
});

describe("Yes, this is my child", () => {
  it("records the answer in a short-lived onboarding state without consuming the invitation", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const inv = await inviteTo(f.district, f.maya.sisId, email);
    const b = new Browser();
    const tokensBefore = await countRows("auth_tokens", "purpose = 'onboarding' AND subject_id = ?", email);
    const res = await confirmChild(b, inv.token);
    expect(res.status).toBe(200);
    expect(await pageText(res)).toContain("Create your account");
    expect(b.cookies.get("fp_onboarding")).toMatch(/^[a-z2-7]{32}$/);
    expect(await countRows("auth_tokens", "purpose = 'onboarding' AND subject_id = ?", email)).toBe(tokensBefore + 1);
    const row = await countRows("auth_tokens", "purpose = 'onboarding' AND subject_id = ? AND payload LIKE ? AND expires_at <= ?", email, `%${inv.id}%`, Date.now() + 3600_000);
    expect(row).toBe(1);
    expect((await invitationRow(inv.id))?.status).toBe("pending");
    // The cookie is HttpOnly and short-lived; the link still opens (and says it was confirmed).
    const again = await pageText(await b.get(`/i/${inv.token}`));
    expect(again).toContain("You already said this is your child");
  });

  it("then shows each sibling at once; they can be answered one by one, all at once, or as not mine", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const { maya, leo, ethan } = await inviteSiblings(f, email, "maya", "leo", "ethan");
    const b = new Browser();
    const next = await confirmChild(b, maya.token);
    const text = await pageText(next);
    expect(text).toContain("You also have an invitation for Leo Johnson at Maple Grove Elementary");
    expect(text).toContain("Yes to all");
    expect(text).toContain("Ethan Johnson, Riverside Middle School");

    // Leo is not mine: disputed at once; Ethan follows.
    const afterLeo = await pageText(await b.post(`/join/siblings/${leo.id}/not-my-child`));
    expect(afterLeo).toContain("You also have an invitation for Ethan Johnson at Riverside Middle School");
    expect((await invitationRow(leo.id))?.status).toBe("disputed");
    const yes = await b.post(`/join/siblings/${ethan.id}/confirm`);
    const join = await pageText(yes);
    expect(join).toContain("Create your account");
    expect(join).toContain("Maya Johnson");
    expect(join).toContain("Ethan Johnson");
    expect(join).not.toContain("Leo Johnson");
  });

  it("siblings confirmed in one pass all end up on home after the email is confirmed", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const { maya, leo, ethan } = await inviteSiblings(f, email, "maya", "leo", "ethan");
    const b = new Browser();
    await confirmChild(b, maya.token);
    const all = await b.post("/join/siblings/confirm-all", { id: leo.id }, {});
    // Only what was listed on the page is confirmed; Ethan is still asked.
    expect(await pageText(all)).toContain("You also have an invitation for Ethan Johnson");
    const body = new URLSearchParams([["id", ethan.id], ["id", "inv_someoneelse"], ["_csrf", b.cookies.get("fp_csrf") ?? ""]]);
    const done = await b.request("/join/siblings/confirm-all", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "sec-fetch-site": "same-origin" } });
    expect(await pageText(done)).toContain("Create your account");

    const personal = freshEmail("personal");
    expect(await pageText(await postSignUpForm(b, personal))).toContain("Check your email");
    const home = await confirmEmail(b, personal);
    expect(home.status).toBe(200);
    const text = await pageText(home);
    for (const name of ["Maya Johnson", "Leo Johnson", "Ethan Johnson"]) expect(text).toContain(name);
    expect(text).toContain("Riverside Middle School");
    for (const inv of [maya, leo, ethan]) expect((await invitationRow(inv.id))?.status).toBe("accepted");
  });

  it("a sibling of another address cannot be answered with this state", async () => {
    const f = await districtWithSiblings();
    const mine = await inviteTo(f.district, f.maya.sisId, freshEmail());
    const theirs = await inviteTo(f.district, f.leo.sisId, freshEmail());
    const b = new Browser();
    await confirmChild(b, mine.token);
    const before = await countEveryTable();
    await b.post(`/join/siblings/${theirs.id}/not-my-child`);
    await b.post(`/join/siblings/${theirs.id}/confirm`);
    expect(await countEveryTable()).toEqual(before);
    expect((await invitationRow(theirs.id))?.status).toBe("pending");
    expect(await pageText(await b.get("/join"))).not.toContain("Leo");
  });
});

describe("This is not my child", () => {
  it("disputes and freezes the invitation, writes the audit log, tells the district in its reports", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const inv = await inviteTo(f.district, f.maya.sisId, email);
    const b = new Browser();
    await b.get(`/i/${inv.token}`);
    const res = await b.post(`/i/${inv.token}/not-my-child`);
    expect(res.status).toBe(200);
    expect(await pageText(res)).toContain("The school has been told");
    const row = await invitationRow(inv.id);
    expect(row?.status).toBe("disputed");
    expect(row?.disputed_at).toBeGreaterThan(0);
    expect(await countRows("audit_log", "action = 'invitation.dispute' AND target_id = ? AND student_id = ? AND district_id = ?", inv.id, f.maya.id, f.district.id)).toBe(1);

    const reports = (await (await api(f.district.token, "GET", "/reports")).json()) as { disputes: { invitationId: string; address: string; student: { sisId: string } }[] };
    expect(reports.disputes.map((d) => d.invitationId)).toContain(inv.id);
    expect(reports.disputes.find((d) => d.invitationId === inv.id)?.student.sisId).toBe(f.maya.sisId);

    // The link connects nobody any more.
    const later = new Browser();
    expect((await later.get(`/i/${inv.token}`)).status).toBe(410);
    expect((await later.post(`/i/${inv.token}/confirm`)).status).toBe(410);
    expect(later.cookies.has("fp_onboarding")).toBe(false);
  });

  it("a confirmed invitation disputed before the account exists is not connected; the parent is told", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const { maya, leo } = await inviteSiblings(f, email, "maya", "leo");
    const b = new Browser();
    await confirmChild(b, maya.token);
    await b.post("/join/siblings/confirm-all", { id: leo.id });
    // Someone disputes Leo's invitation meanwhile (e.g. the other guardian using a forwarded link).
    await setInvitation(leo.id, { status: "disputed", disputed_at: Date.now() });
    const personal = freshEmail("personal");
    await postSignUpForm(b, personal);
    const home = await pageText(await confirmEmail(b, personal));
    expect(home).toContain("Maya Johnson");
    expect(home).toContain("Some children were not added");
    expect(home).toContain("Leo Johnson (Maple Grove Elementary): that invitation was marked \"not my child\"");
    expect(await countRows("guardianships", "student_id = ?", f.leo.id)).toBe(0);
  });
});

describe("an expired invitation", () => {
  it("offers a fresh invitation to the same address; the district sees the renewal; the old link stays expired", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const old = await inviteTo(f.district, f.maya.sisId, email);
    await setInvitation(old.id, { expires_at: Date.now() - 1000 });
    const b = new Browser();
    const page = await b.get(`/i/${old.token}`);
    expect(page.status).toBe(200);
    const text = await pageText(page);
    expect(text).toContain("This invitation has expired");
    expect(text).toContain("Send me a fresh invitation");
    expect((await b.post(`/i/${old.token}/confirm`)).status).toBe(200); // shows the expired page again
    expect(b.cookies.has("fp_onboarding")).toBe(false);

    const mailBefore = (await mailTo(email)).length;
    const res = await b.post(`/i/${old.token}/renew`, { email: "attacker@example.com" });
    expect(res.status).toBe(200);
    expect(await pageText(res)).toContain("We sent you a fresh invitation");
    const mail = await mailTo(email);
    expect(mail.length).toBe(mailBefore + 1);
    expect(await countRows("outbox", "to_address = ?", "attacker@example.com")).toBe(0);
    const fresh = await latestLinkToken(email, "/i/");
    expect(fresh).not.toBe(old.token);
    expect(await countRows("invitations", "renewed_from_id = ? AND address = ? AND status = 'pending' AND student_id = ?", old.id, email, f.maya.id)).toBe(1);
    expect((await invitationRow(old.id))?.status).toBe("pending"); // still expired: pending past its time
    expect(await pageText(await b.get(`/i/${old.token}`))).toContain("This invitation has expired");
    expect(await countRows("audit_log", "action = 'invitation.renew' AND student_id = ?", f.maya.id)).toBe(1);

    const reports = (await (await api(f.district.token, "GET", "/reports")).json()) as { renewals: { renewedFromId: string; address: string; status: string }[] };
    expect(reports.renewals).toContainEqual(expect.objectContaining({ renewedFromId: old.id, address: email, status: "pending" }));

    // The fresh link works.
    expect(await pageText(await new Browser().get(`/i/${fresh}`))).toContain("Yes, this is my child");
  });

  it("is renewed once while the fresh one is live, and at most three times an hour per address", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const old = await inviteTo(f.district, f.maya.sisId, email);
    await setInvitation(old.id, { expires_at: Date.now() - 1000 });
    const b = new Browser();
    expect(await pageText(await b.post(`/i/${old.token}/renew`))).toContain("We sent you a fresh invitation");
    expect(await pageText(await b.post(`/i/${old.token}/renew`))).toContain("A newer invitation is on its way");
    expect(await pageText(await b.post(`/i/${old.token}/renew`))).toContain("A newer invitation is on its way");
    const limited = await b.post(`/i/${old.token}/renew`);
    expect(limited.status).toBe(429);
    expect(await pageText(limited)).toContain("Try again in about");
    expect(await countRows("invitations", "renewed_from_id = ?", old.id)).toBe(1);
  });

  it("is not renewed when the district revoked it", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const old = await inviteTo(f.district, f.maya.sisId, email);
    await setInvitation(old.id, { expires_at: Date.now() - 1000 });
    expect((await api(f.district.token, "DELETE", `/invitations/${old.id}`)).status).toBe(200);
    const b = new Browser();
    const before = await countEveryTable();
    const res = await b.post(`/i/${old.token}/renew`);
    expect(res.status).toBe(410);
    expect(await pageText(res)).toContain("withdrawn");
    expect(await countEveryTable()).toEqual(before);
  });

  it("cannot connect anyone, even when it expires after being confirmed", async () => {
    const f = await districtWithSiblings();
    const email = freshEmail();
    const inv = await inviteTo(f.district, f.maya.sisId, email);
    const b = new Browser();
    await confirmChild(b, inv.token);
    await setInvitation(inv.id, { expires_at: Date.now() - 1000 });
    const personal = freshEmail("personal");
    await postSignUpForm(b, personal);
    const home = await pageText(await confirmEmail(b, personal));
    expect(home).toContain("Maya Johnson (Maple Grove Elementary): that invitation expired");
    expect(await countRows("guardianships", "student_id = ?", f.maya.id)).toBe(0);
  });
});
