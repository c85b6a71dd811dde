// Issue 14, item 12: the landing and sign-in pages lead teachers to their sign-in and children to
// /badges; a child's "Sign out" returns to /badges and says so there.
import { describe, expect, it } from "vitest";
import { badgeWorld, Browser, browserAs, call, pageText } from "./world";

describe("the ways in, for teachers and children", () => {
  for (const path of ["/", "/sign-in"]) {
    it(`${path} links teachers to their sign-in and children to badge login`, async () => {
      const html = await (await call(path)).text();
      expect(html).toContain(`<a href="/teacher/sign-in">Teacher sign-in</a>`);
      expect(html).toContain(`<a href="/badges">Log in with your badge</a>`);
      const text = await pageText(new Response(html));
      expect(text).toContain("Are you a teacher? Teacher sign-in");
      expect(text).toContain("A student at school? Log in with your badge");
    });
  }

  it("says the same in Spanish", async () => {
    const text = await pageText(await call("/sign-in", { headers: { "accept-language": "es" } }));
    expect(text).toContain("¿Es usted maestro? Inicio de sesión para maestros");
    expect(text).toContain("¿Eres estudiante y estás en la escuela? Entra con tu credencial");
  });
});

describe("a child's sign-out", () => {
  it("returns to /badges and says the child is logged out there", async () => {
    const w = await badgeWorld();
    const child = await browserAs("student", w.ids.S1);
    const res = await child.post("/sign-out", {}, { follow: false });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/badges?signed-out=1");
    const page = await child.get(res.headers.get("location")!);
    expect(page.status).toBe(200);
    const text = await pageText(page);
    expect(text).toContain("You're logged out on this device. To log in again, show your badge.");
    expect(child.session).toBeUndefined();
  });

  it("says nothing of the kind on a plain visit, and a parent's sign-out still goes to the parents' sign-in", async () => {
    expect(await pageText(await new Browser().get("/badges"))).not.toContain("logged out");
    const w = await badgeWorld();
    const parent = await browserAs("parent", w.parentId);
    expect((await parent.post("/sign-out", {}, { follow: false })).headers.get("location")).toBe("/sign-in");
  });
});
